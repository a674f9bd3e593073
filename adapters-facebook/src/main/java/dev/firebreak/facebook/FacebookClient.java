package dev.firebreak.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.facebook.internal.GraphValues;
import dev.firebreak.facebook.internal.Redactor;
import dev.firebreak.facebook.internal.UsageGovernor;
import dev.firebreak.facebook.internal.UsageHeaders;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.RejectedItem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes a Facebook Page through the Graph API, with a Page access token, at a pinned API
 * version ({@link FacebookConfig#apiVersion()}).
 *
 * <h2>Polling</h2>
 * {@link #poll(FacebookEdge, Optional)} reads an edge of the Page ({@code feed}, {@code tagged},
 * {@code ratings}, ...) with the configured {@code fields} and {@code limit}, from {@code since} if
 * given, following {@code paging.next} until the last page or {@link FacebookConfig#maxPages()}.
 * {@code paging.next} is followed as Facebook sent it only when it points at the configured Graph
 * host (the token is set afresh on it); otherwise the same edge is asked for again with
 * {@code after=<paging.cursors.after>}, so the token never goes to another host. Posts whose embedded
 * comments have more pages have those pages read too ({@link FacebookConfig#followNestedComments()}).
 *
 * <h2>Rate limits</h2>
 * After every response the usage headers ({@code X-App-Usage}, {@code X-Page-Usage},
 * {@code X-Business-Use-Case-Usage}) are read ({@link #usage()}):
 * <ul>
 *   <li>from {@link FacebookConfig#usageThreshold()} percent on, the next call waits a pause that
 *       grows linearly to {@link FacebookConfig#maxSlowdown()} at 100%, so the client slows down
 *       before Facebook blocks it;</li>
 *   <li>an {@code estimated_time_to_regain_access} holds every call back that long;</li>
 *   <li>a throttling error (codes 4, 17, 32, 613, 80001, or HTTP 429) is retried after the time to
 *       regain access, or else an exponential backoff from {@link FacebookConfig#retryBackoff()}, up
 *       to {@link FacebookConfig#maxRetries()} times;</li>
 *   <li>a wait longer than {@link FacebookConfig#maxWait()} is never slept: the call fails at once
 *       with a {@link FacebookRateLimitException} saying when to try again.</li>
 * </ul>
 * All waiting goes through the {@link Sleeper} and the {@link Clock} given to the builder.
 *
 * <h2>Errors</h2>
 * A Graph error object becomes a {@link FacebookApiException} with code, subcode, type and
 * {@code fbtrace_id}; code 190 (or 102) a {@link FacebookAuthException}, never retried. Transient
 * errors (codes 1 and 2, {@code is_transient}, HTTP 5xx, network failures) are retried for reads and
 * for idempotent writes only: a reply is not sent twice. No message, log line or
 * {@code toString()} contains the access token.
 *
 * <p>Thread-safe; build one per Page with {@link #builder(FacebookConfig)}.
 */
public final class FacebookClient {

    private static final Logger LOG = LoggerFactory.getLogger(FacebookClient.class);
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_.\\[\\]]{1,100}");
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final FacebookConfig config;
    private final String pageId;
    private final String token;
    private final GraphTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final FacebookMapper mapper;
    private final UsageHeaders usageHeaders;
    private final UsageGovernor governor;
    private final Redactor redactor;

    private FacebookClient(Builder b) {
        this.config = b.config;
        this.pageId = b.config.pageId().orElseThrow();
        this.token = b.config.pageAccessToken().orElseThrow();
        this.transport = b.transport;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.mapper = FacebookMapper.of(b.config, b.clock);
        this.usageHeaders = new UsageHeaders(new com.fasterxml.jackson.databind.ObjectMapper());
        this.governor = new UsageGovernor(b.config.usageThreshold(), b.config.maxSlowdown(), b.clock.instant());
        this.redactor = new Redactor(java.util.stream.Stream.of(b.config.pageAccessToken(), b.config.appSecret(),
                b.config.verifyToken()).flatMap(Optional::stream).toList());
    }

    /** A builder for a client of the config's Page; the config needs a Page id and a Page access token. */
    public static Builder builder(FacebookConfig config) {
        return new Builder(config);
    }

    /** The config. */
    public FacebookConfig config() {
        return config;
    }

    /** The Page this client reads and writes. */
    public String pageId() {
        return pageId;
    }

    /** The clock the client waits and dates with. */
    public Clock clock() {
        return clock;
    }

    /** The mapper the client maps pages with. */
    public FacebookMapper mapper() {
        return mapper;
    }

    /** The usage the last response reported (all empty before the first call). */
    public GraphUsage usage() {
        return governor.last();
    }

    // ------------------------------------------------------------------ polling

    /**
     * Reads every page of an edge of the Page.
     *
     * @param edge the edge
     * @param since only items from this time on ({@code since=<epoch seconds>}), if given
     * @throws FacebookException if a call fails (see the class description for retries); the pages
     *     read before the failure are not returned, so poll again with the same {@code since}
     */
    public PollResult poll(FacebookEdge edge, Optional<Instant> since) {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(since, "since");
        String version = edge == FacebookEdge.RATINGS ? config.ratingsApiVersion().orElse(config.apiVersion())
                : config.apiVersion();
        String fields = edge == FacebookEdge.RATINGS ? config.ratingFields() : config.postFields();
        FacebookMapper.Source source = edge == FacebookEdge.RATINGS ? FacebookMapper.Source.ratings()
                : edge == FacebookEdge.TAGGED
                        ? new FacebookMapper.Source(FacebookMapper.ItemKind.POST, Optional.empty(), Optional.empty())
                        : FacebookMapper.Source.posts(pageId);
        Acc acc = new Acc();
        walk(version, pageId + "/" + edge.path(), params(fields, since), source,
                edge != FacebookEdge.RATINGS && config.followNestedComments(), acc);
        return acc.result();
    }

    /**
     * Reads every page of the comments of a post or comment.
     *
     * @param objectId the post ({@code {page-id}_{post-id}}) or comment id
     * @param since only comments from this time on, if given
     */
    public PollResult pollComments(String objectId, Optional<Instant> since) {
        checkId(objectId, "objectId");
        Objects.requireNonNull(since, "since");
        Acc acc = new Acc();
        walk(config.apiVersion(), objectId + "/comments", params(config.commentFields(), since),
                FacebookMapper.Source.comments(objectId), false, acc);
        return acc.result();
    }

    private Map<String, String> params(String fields, Optional<Instant> since) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fields", fields);
        p.put("limit", Integer.toString(config.pageSize()));
        since.ifPresent(s -> p.put("since", Long.toString(s.getEpochSecond())));
        return p;
    }

    /** Mutable state of one poll. */
    private final class Acc {
        final Map<MentionKey, Mention> mentions = new LinkedHashMap<>();
        final List<RejectedItem> rejected = new ArrayList<>();
        int pages;
        String topPath = "";
        boolean complete = true;
        Optional<String> resumeAfter = Optional.empty();

        PollResult result() {
            return new PollResult(List.copyOf(mentions.values()), rejected, pages, complete,
                    complete ? Optional.empty() : resumeAfter);
        }

        boolean budgetLeft() {
            return pages < config.maxPages();
        }
    }

    private void walk(String version, String path, Map<String, String> params, FacebookMapper.Source source,
            boolean followNested, Acc acc) {
        if (acc.topPath.isEmpty()) {
            acc.topPath = path;
        }
        URI uri = uri(version, path, params);
        Set<String> seen = new HashSet<>();
        int page = 0;
        while (true) {
            if (!acc.budgetLeft()) {
                LOG.warn("stopped reading /{} after {} pages (maxPages); more remain", path, acc.pages);
                acc.complete = false;
                return;
            }
            JsonNode root = execute("GET", uri, Map.of(), true);
            acc.pages++;
            page++;
            String where = "/" + path + " page " + page + ": ";
            MappedPayload mapped;
            try {
                mapped = mapper.map(root, source);
            } catch (PayloadException e) {
                throw new FacebookException("unexpected response to GET /" + version + "/" + path + ": "
                        + redactor.redact(e.getMessage()));
            }
            for (Mention m : mapped.mentions()) {
                acc.mentions.put(m.key(), m);
            }
            for (RejectedItem r : mapped.rejected()) {
                acc.rejected.add(new RejectedItem(where + r.location(), r.reason(), redactor.redact(r.raw())));
            }
            if (followNested) {
                followNestedComments(version, root, acc);
            }
            if (path.equals(acc.topPath)) {
                acc.resumeAfter = GraphValues.text(root.path("paging").path("cursors"), "after")
                        .or(() -> acc.resumeAfter);
            }
            Optional<URI> next = next(root, version, path, params);
            if (next.isEmpty()) {
                return;
            }
            if (!seen.add(next.get().getRawQuery() + next.get().getRawPath())) {
                LOG.warn("paging of /{} returned a page already read; stopping", path);
                acc.complete = false;
                return;
            }
            uri = next.get();
        }
    }

    private void followNestedComments(String version, JsonNode root, Acc acc) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            return;
        }
        for (JsonNode post : data) {
            JsonNode comments = post.path("comments");
            Optional<String> postId = GraphValues.id(post, "id");
            if (postId.isEmpty() || GraphValues.text(comments.path("paging"), "next").isEmpty()
                    || !PATH.matcher(postId.get()).matches()) {
                continue;
            }
            Map<String, String> params = params(config.commentFields(), Optional.empty());
            String path = postId.get() + "/comments";
            Optional<URI> next = next(comments, version, path, params);
            if (next.isEmpty()) {
                continue;
            }
            Optional<String> after = GraphValues.text(comments.path("paging").path("cursors"), "after");
            Map<String, String> fromCursor = new LinkedHashMap<>(params);
            after.ifPresent(a -> fromCursor.put("after", a));
            walk(version, path, fromCursor, FacebookMapper.Source.comments(postId.get()), false, acc);
            if (!acc.complete) {
                return;
            }
        }
    }

    /** The next page's URL: {@code paging.next} on the Graph host, else the edge with the {@code after} cursor. */
    private Optional<URI> next(JsonNode container, String version, String path, Map<String, String> params) {
        JsonNode paging = container.get("paging");
        Optional<String> next = GraphValues.text(paging, "next").filter(s -> !s.isBlank());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(next.get().strip());
            if (sameOrigin(u, config.baseUrl()) && u.getRawPath() != null) {
                return Optional.of(withToken(u));
            }
        } catch (IllegalArgumentException e) {
            // not a URL: use the cursor
        }
        Optional<String> after = GraphValues.text(paging.path("cursors"), "after");
        if (after.isEmpty()) {
            LOG.warn("paging.next of /{} points elsewhere and there is no after cursor; stopping", path);
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("after", after.get());
        return Optional.of(uri(version, path, p));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private URI withToken(URI u) {
        StringJoiner q = new StringJoiner("&");
        if (u.getRawQuery() != null) {
            for (String part : u.getRawQuery().split("&")) {
                if (!part.isEmpty() && !part.startsWith("access_token=")) {
                    q.add(part);
                }
            }
        }
        q.add("access_token=" + enc(token));
        return URI.create(u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath() + "?" + q);
    }

    /**
     * Every item of an edge, across pages, as raw JSON.
     *
     * @throws FacebookException if a call fails or the edge has more than {@link FacebookConfig#maxPages()} pages
     */
    List<JsonNode> items(String path, Map<String, String> params) {
        List<JsonNode> items = new ArrayList<>();
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putIfAbsent("limit", Integer.toString(config.pageSize()));
        URI uri = uri(config.apiVersion(), checkPath(path), checkParams(p));
        Set<String> seen = new HashSet<>();
        for (int page = 1; ; page++) {
            if (page > config.maxPages()) {
                throw new FacebookException("/" + path + " has more than " + config.maxPages() + " pages (maxPages)");
            }
            JsonNode root = execute("GET", uri, Map.of(), true);
            JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                throw new FacebookException("unexpected response to GET /" + path + ": no 'data' array");
            }
            data.forEach(items::add);
            Optional<URI> next = next(root, config.apiVersion(), path, p);
            if (next.isEmpty()) {
                return items;
            }
            if (!seen.add(next.get().getRawQuery() + next.get().getRawPath())) {
                throw new FacebookException("paging of /" + path + " returned a page already read");
            }
            uri = next.get();
        }
    }

    // ------------------------------------------------------------------ raw calls

    /**
     * {@code GET /{version}/{path}} with the query parameters (the token is added).
     *
     * @param path a Graph path such as {@code 104729381122334/scheduled_posts}
     * @return the parsed response body
     */
    public JsonNode get(String path, Map<String, String> params) {
        return execute("GET", uri(config.apiVersion(), checkPath(path), checkParams(params)), Map.of(), true);
    }

    /**
     * {@code POST /{version}/{path}} with the form fields (the token is added). Not retried after a
     * network or transient failure, as it may have taken effect.
     */
    public JsonNode post(String path, Map<String, String> form) {
        return post(path, form, false);
    }

    /** {@code DELETE /{version}/{path}}. */
    public JsonNode delete(String path) {
        return execute("DELETE", uri(config.apiVersion(), checkPath(path), Map.of()), Map.of(), true);
    }

    /** A POST; {@code idempotent} ones are retried after transient failures too. */
    JsonNode post(String path, Map<String, String> form, boolean idempotent) {
        Map<String, String> f = new LinkedHashMap<>(checkParams(form));
        f.put("access_token", token);
        return execute("POST", uri(config.apiVersion(), checkPath(path), Map.of(), false), f, idempotent);
    }

    private URI uri(String version, String path, Map<String, String> params) {
        return uri(version, path, params, true);
    }

    /** The URL of a Graph path; with the token in the query for GET and DELETE (POSTs send it in the form). */
    private URI uri(String version, String path, Map<String, String> params, boolean withToken) {
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, String> e : params.entrySet()) {
            q.add(enc(e.getKey()) + "=" + enc(e.getValue()));
        }
        if (withToken) {
            q.add("access_token=" + enc(token));
        }
        String query = q.toString();
        return URI.create(config.baseUrl() + "/" + version + "/" + path + (query.isEmpty() ? "" : "?" + query));
    }

    private JsonNode execute(String method, URI uri, Map<String, String> form, boolean idempotent) {
        String what = method + " " + uri.getRawPath();
        GraphTransport.Request request = new GraphTransport.Request(method, uri, form, config.requestTimeout());
        int attempt = 0;
        while (true) {
            waitForTurn(what);
            GraphTransport.Response response;
            try {
                response = transport.send(request);
            } catch (IOException e) {
                if (idempotent && attempt < config.maxRetries()) {
                    Duration d = backoff(attempt++);
                    LOG.debug("{} failed ({}); retrying in {}", what, e.getClass().getSimpleName(), d);
                    governor.holdUntil(clock.instant().plus(d));
                    continue;
                }
                throw new FacebookException(what + " failed: " + e.getClass().getSimpleName() + ": "
                        + redactor.redact(e.getMessage()) + (idempotent ? " (after " + attempt + " retries)" : ""));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FacebookException(what + " was interrupted");
            }
            Instant now = clock.instant();
            GraphUsage usage = usageHeaders.read(response::header, now);
            governor.observe(usage);
            JsonNode body = parseQuietly(response.body());
            Optional<GraphError> error = FacebookMapper.errorOf(body);
            int status = response.status();
            if (status >= 200 && status < 300 && error.isEmpty()) {
                if (body == null) {
                    throw new FacebookException(what + " answered HTTP " + status + " with a body that is not JSON");
                }
                return body;
            }
            GraphError err = error.orElseGet(() -> new GraphError(0, java.util.OptionalInt.empty(), "",
                    "HTTP " + status + " without a Graph error object", Optional.empty(), status >= 500,
                    Optional.empty(), Optional.empty()));
            String described = redactor.redact(err.describe()) + " (" + what + ", HTTP " + status + ")";
            if (err.isTokenError()) {
                throw new FacebookAuthException(err, status, "Facebook refused the Page access token ("
                        + FacebookAuthException.reason(err.subcode()) + "); not retried, a new Page access token is needed: " + described);
            }
            if (err.isThrottling() || status == 429) {
                Duration wait = max(usage.regainAccessIn().orElse(Duration.ZERO), backoff(attempt));
                if (attempt >= config.maxRetries() || wait.compareTo(config.maxWait()) > 0) {
                    throw new FacebookRateLimitException(error.orElse(null), wait, "throttled by Facebook: " + described
                            + "; retry after " + wait + (attempt > 0 ? " (gave up after " + attempt + " retries)" : ""));
                }
                LOG.info("{} throttled by Facebook ({}); waiting {} before retry {}", what,
                        error.isPresent() ? "code " + err.codeText() : "HTTP " + status, wait, attempt + 1);
                governor.holdUntil(now.plus(wait));
                attempt++;
                continue;
            }
            if ((err.isRetryable() || status >= 500) && idempotent && attempt < config.maxRetries()) {
                Duration d = backoff(attempt++);
                LOG.debug("{}: transient {}; retrying in {}", what, err.codeText(), d);
                governor.holdUntil(now.plus(d));
                continue;
            }
            throw new FacebookApiException(err, status, described);
        }
    }

    private void waitForTurn(String what) {
        Duration wait = governor.delay(clock.instant());
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        if (wait.compareTo(config.maxWait()) > 0) {
            throw new FacebookRateLimitException(null, wait, "Facebook's usage headers ask to hold calls back for "
                    + wait + ", longer than maxWait " + config.maxWait() + "; " + what + " was not sent");
        }
        LOG.debug("usage at {}% of the limit: waiting {} before {}", governor.last().highestPercent(), wait, what);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FacebookException("interrupted while waiting to send " + what);
        }
    }

    private JsonNode parseQuietly(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return mapper.parse(body);
        } catch (PayloadException e) {
            return null;
        }
    }

    private Duration backoff(int attempt) {
        Duration d = config.retryBackoff();
        for (int i = 0; i < attempt && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Checks an id used in a URL path: letters, digits, {@code _ . -}. */
    static String checkId(String id, String field) {
        Objects.requireNonNull(id, field);
        if (!PATH.matcher(id).matches() || id.contains("/") || id.contains("..")) {
            throw new IllegalArgumentException(field + " must be a Graph id of letters, digits, '_', '.' or '-', was '"
                    + GraphValues.excerpt(id) + "'");
        }
        return id;
    }

    private static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!PATH.matcher(p).matches() || p.contains("..")) {
            throw new IllegalArgumentException("path must be Graph path segments of letters, digits, '_', '.' or '-' "
                    + "separated by '/', was '" + GraphValues.excerpt(path) + "'");
        }
        return p;
    }

    private static Map<String, String> checkParams(Map<String, String> params) {
        Objects.requireNonNull(params, "params");
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!PARAM.matcher(e.getKey()).matches() || e.getKey().equals("access_token")) {
                throw new IllegalArgumentException("parameter name '" + GraphValues.excerpt(e.getKey())
                        + "' is not allowed (the access token is added by the client)");
            }
            Objects.requireNonNull(e.getValue(), e.getKey());
        }
        return params;
    }

    /** The Page and settings; never the token. */
    @Override
    public String toString() {
        return "FacebookClient[page " + pageId + ", " + config.apiVersion() + ", " + config.baseUrl() + "]";
    }

    /** Builds a {@link FacebookClient}. */
    public static final class Builder {
        private final FacebookConfig config;
        private GraphTransport transport;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder(FacebookConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The HTTP transport (default: {@link GraphTransport#jdk()}). */
        public Builder transport(GraphTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The clock for waits and for dating items without a time (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to wait (default: {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException if the config has no Page id or no Page access token
         */
        public FacebookClient build() {
            if (config.pageId().isEmpty()) {
                throw new IllegalArgumentException("pageId is required to call the Graph API: set FacebookConfig.Builder.pageId");
            }
            if (config.pageAccessToken().isEmpty()) {
                throw new IllegalArgumentException("pageAccessToken is required to call the Graph API: "
                        + "set FacebookConfig.Builder.pageAccessToken");
            }
            if (transport == null) {
                transport = GraphTransport.jdk();
            }
            return new FacebookClient(this);
        }
    }
}
