package dev.firebreak.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X API v2 client: recent search, the mention timeline and post lookup with the app-only bearer
 * token, and the plumbing that {@link TwitterStream} and {@link TwitterActions} share.
 *
 * <p>Rate limits are read from every response's {@code x-rate-limit-*} headers, per endpoint. A read
 * whose window is exhausted waits (through the injected {@link Sleeper}) until the reset before it
 * sends; a 429 is waited out the same way (until {@code x-rate-limit-reset} when the window is
 * exhausted, else 1 s, 2 s, 4 s...), and a 5xx is retried after 1 s, 2 s, 4 s..., both at most
 * {@link TwitterConfig#maxRetries()} times and never longer than
 * {@link TwitterConfig#maxRateLimitWait()} per wait. Decisions are made on the status and headers
 * only: a 429 body may be plain text. Errors become {@link TwitterApiException}s (401
 * {@link TwitterAuthenticationException}, 403 {@link TwitterForbiddenException}, 429
 * {@link TwitterRateLimitException}); network failures a {@link TwitterException}. Tokens never
 * appear in messages or logs, even when a server echoes them.
 *
 * <p>Safe to share between threads; it has no threads of its own.
 */
public final class TwitterClient {

    private static final Logger LOG = LoggerFactory.getLogger(TwitterClient.class);
    static final String SEARCH = "GET /2/tweets/search/recent";
    static final String MENTIONS = "GET /2/users/:id/mentions";
    static final String LOOKUP = "GET /2/tweets";
    static final String STREAM = "GET /2/tweets/search/stream";

    private final TwitterConfig config;
    private final HttpTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TwitterMapper mapper;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    private TwitterClient(Builder b) {
        this.config = b.config;
        this.transport = b.transport != null ? b.transport : HttpTransport.jdk();
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.mapper = b.mapper != null ? b.mapper : new TwitterMapper(b.clock);
    }

    /** A builder for a client with this configuration. */
    public static Builder builder(TwitterConfig config) {
        return new Builder(config);
    }

    /** The configuration. */
    public TwitterConfig config() {
        return config;
    }

    /** The mapper that turns responses into mentions. */
    public TwitterMapper mapper() {
        return mapper;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    HttpTransport transport() {
        return transport;
    }

    /**
     * One page of {@code GET /2/tweets/search/recent} (the last 7 days), newest first.
     *
     * @param query the search query, for example {@code "acme -is:retweet"}
     * @param sinceId only posts newer than this id
     * @param nextToken the {@code next_token} of the previous page, to page backwards
     */
    public TwitterPage recentSearch(String query, Optional<String> sinceId, Optional<String> nextToken) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("max_results", Integer.toString(config.maxResults()));
        sinceId.ifPresent(s -> params.put("since_id", requireId("sinceId", s)));
        nextToken.ifPresent(t -> params.put("next_token", t));
        fieldParams(params);
        return page(get(SEARCH, "/2/tweets/search/recent", params));
    }

    /**
     * One page of {@code GET /2/users/:id/mentions}: posts that mention the user, newest first.
     *
     * @param userId the user whose mentions to read (the brand's account id)
     * @param sinceId only posts newer than this id
     * @param paginationToken the {@code next_token} of the previous page, to page backwards
     */
    public TwitterPage mentions(String userId, Optional<String> sinceId, Optional<String> paginationToken) {
        requireId("userId", userId);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("max_results", Integer.toString(config.maxResults()));
        sinceId.ifPresent(s -> params.put("since_id", requireId("sinceId", s)));
        paginationToken.ifPresent(t -> params.put("pagination_token", t));
        fieldParams(params);
        return page(get(MENTIONS, "/2/users/" + userId + "/mentions", params));
    }

    /**
     * {@code GET /2/tweets?ids=...}: looks posts up by id, for example to refresh engagement counts.
     * Posts that no longer exist come back as {@linkplain MappedPayload#rejected() rejected} items.
     *
     * @param ids 1 to 100 post ids
     */
    public MappedPayload lookup(Collection<String> ids) {
        if (ids.isEmpty() || ids.size() > 100) {
            throw new IllegalArgumentException("ids must hold 1 to 100 post ids, had " + ids.size());
        }
        ids.forEach(id -> requireId("ids", id));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ids", String.join(",", ids));
        fieldParams(params);
        return mapBody(get(LOOKUP, "/2/tweets", params));
    }

    /** A poller over recent search for this query, starting with the posts of the last 7 days. */
    public TwitterPoller searchPoller(String query) {
        return searchPoller(query, Optional.empty());
    }

    /**
     * A poller over recent search, resuming after {@code sinceId} (the {@link TwitterPoller#sinceId()}
     * saved from an earlier run).
     */
    public TwitterPoller searchPoller(String query, Optional<String> sinceId) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        return new TwitterPoller("recent search '" + TwitterMapper.excerpt(query, 60) + "'",
                (since, token) -> recentSearch(query, since, token), config.maxPagesPerPoll(), sinceId);
    }

    /** A poller over the mention timeline of this user. */
    public TwitterPoller mentionsPoller(String userId) {
        return mentionsPoller(userId, Optional.empty());
    }

    /** A poller over the mention timeline of this user, resuming after {@code sinceId}. */
    public TwitterPoller mentionsPoller(String userId, Optional<String> sinceId) {
        requireId("userId", userId);
        return new TwitterPoller("mentions of user " + userId,
                (since, token) -> mentions(userId, since, token), config.maxPagesPerPoll(), sinceId);
    }

    /** A builder for a filtered-stream reader that connects through this client. */
    public TwitterStream.Builder filteredStream() {
        return TwitterStream.builder(this);
    }

    /**
     * The last rate-limit window seen for an endpoint, for example
     * {@code rateLimit("GET /2/tweets/search/recent")}.
     */
    public Optional<RateLimit> rateLimit(String endpoint) {
        return Optional.ofNullable(limits.get(endpoint));
    }

    @Override
    public String toString() {
        return "TwitterClient[" + config.baseUri() + "]";
    }

    // ---------------------------------------------------------------- requests

    private void fieldParams(Map<String, String> params) {
        if (!config.tweetFields().isEmpty()) {
            params.put("tweet.fields", String.join(",", config.tweetFields()));
        }
        if (!config.expansions().isEmpty()) {
            params.put("expansions", String.join(",", config.expansions()));
        }
        if (!config.userFields().isEmpty()) {
            params.put("user.fields", String.join(",", config.userFields()));
        }
    }

    /** The stream's query parameters. */
    Map<String, String> streamParams() {
        Map<String, String> params = new LinkedHashMap<>();
        fieldParams(params);
        return params;
    }

    private static String requireId(String field, String id) {
        Objects.requireNonNull(id, field);
        if (!id.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException(field + " must be a numeric X id of 1 to 32 digits, was '"
                    + TwitterMapper.excerpt(id, 40) + "'");
        }
        return id;
    }

    private TwitterPage page(HttpTransport.Response r) {
        JsonNode root = parse(r);
        MappedPayload payload = map(r, root);
        JsonNode meta = root.path("meta");
        return new TwitterPage(payload, text(meta, "newest_id"), text(meta, "oldest_id"), text(meta, "next_token"),
                Math.max(0, meta.path("result_count").asInt(payload.mentions().size())),
                RateLimit.fromHeaders(r::header));
    }

    private MappedPayload mapBody(HttpTransport.Response r) {
        return map(r, parse(r));
    }

    /** Maps a 2xx body; an error document in it (no posts, only errors) becomes a TwitterException. */
    private MappedPayload map(HttpTransport.Response r, JsonNode root) {
        try {
            return mapper.map(root);
        } catch (PayloadException e) {
            throw new TwitterException("X answered " + r.status() + " with " + scrub(e.getMessage())
                    + e.errorCode().map(c -> " (error code " + c + ")").orElse(""), e);
        }
    }

    private JsonNode parse(HttpTransport.Response r) {
        try {
            return mapper.parse(r.body());
        } catch (PayloadException e) {
            throw new TwitterException("X answered " + r.status() + " with a body that cannot be read: "
                    + scrub(e.getMessage()), e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()
                ? Optional.empty() : Optional.of(v.asText());
    }

    URI uri(String path, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(config.baseUri().toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            sb.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Map<String, String> headers(String token, boolean jsonBody) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + token);
        h.put("User-Agent", config.userAgent());
        h.put("Accept", "application/json");
        if (jsonBody) {
            h.put("Content-Type", "application/json");
        }
        return h;
    }

    String bearerToken() {
        return config.bearerToken().orElseThrow(() -> new IllegalStateException(
                "bearerToken is not set on the TwitterConfig; reading needs the app-only bearer token"));
    }

    /** A read: waits out exhausted windows and 429s, retries 5xx, throws typed errors. */
    HttpTransport.Response get(String endpoint, String path, Map<String, String> params) {
        HttpTransport.Request request = new HttpTransport.Request("GET", uri(path, params),
                headers(bearerToken(), false), Optional.empty(), config.requestTimeout());
        int attempt = 0;
        while (true) {
            awaitWindow(endpoint);
            HttpTransport.Response r = send(endpoint, request);
            int status = r.status();
            if (status >= 200 && status < 300) {
                return r;
            }
            if (attempt < config.maxRetries() && (status == 429 || status >= 500)) {
                Duration wait = status == 429 ? rateLimitWait(r, attempt) : backoff(attempt);
                if (wait.compareTo(config.maxRateLimitWait()) <= 0) {
                    LOG.info("X API {} answered {}; retrying in {} (attempt {} of {})", endpoint, status, wait,
                            attempt + 1, config.maxRetries());
                    pause(wait);
                    attempt++;
                    continue;
                }
            }
            throw error(endpoint, status, r::header, r.body());
        }
    }

    /** A write with the user-context token: never retried or waited for (a 429 is thrown at once). */
    HttpTransport.Response write(String method, String endpoint, String path, byte[] body, String userToken) {
        HttpTransport.Request request = new HttpTransport.Request(method, uri(path, Map.of()),
                headers(userToken, true), Optional.of(body), config.requestTimeout());
        HttpTransport.Response r = send(endpoint, request);
        if (r.status() >= 200 && r.status() < 300) {
            return r;
        }
        throw error(endpoint, r.status(), r::header, r.body());
    }

    private HttpTransport.Response send(String endpoint, HttpTransport.Request request) {
        HttpTransport.Response r;
        try {
            r = transport.send(request);
        } catch (IOException e) {
            throw new TwitterException("cannot reach X for " + endpoint + " at " + config.baseUri() + ": "
                    + scrub(String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwitterException("interrupted while calling X " + endpoint, e);
        }
        RateLimit.fromHeaders(r::header).ifPresent(l -> limits.put(endpoint, l));
        return r;
    }

    private void awaitWindow(String endpoint) {
        RateLimit limit = limits.get(endpoint);
        if (limit == null || !limit.isExhausted()) {
            return;
        }
        Instant now = clock.instant();
        if (!limit.reset().isAfter(now)) {
            return;
        }
        Duration wait = Duration.between(now, limit.reset());
        if (wait.compareTo(config.maxRateLimitWait()) > 0) {
            throw new TwitterRateLimitException(Optional.empty(), "Rate limit exhausted",
                    "no request left in the window (x-rate-limit-remaining 0) until " + limit.reset()
                            + ", longer than maxRateLimitWait " + config.maxRateLimitWait() + "; not sent",
                    endpoint, Optional.of(limit));
        }
        LOG.info("X API {}: rate-limit window exhausted, waiting {} until {}", endpoint, wait, limit.reset());
        pause(wait);
        limits.remove(endpoint, limit);
    }

    /** After a 429: until the reset when the window is exhausted, else 1 s, 2 s, 4 s... */
    Duration rateLimitWait(HttpTransport.Response r, int attempt) {
        Optional<RateLimit> limit = RateLimit.fromHeaders(r::header);
        if (limit.isPresent() && limit.get().isExhausted()) {
            Duration until = Duration.between(clock.instant(), limit.get().reset());
            return until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
        }
        return backoff(attempt);
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt, 5));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwitterException("interrupted while waiting for the X rate limit to reset", e);
        }
    }

    // ---------------------------------------------------------------- errors

    /** The typed exception for an error response, decided on the status; the body only fills in details. */
    TwitterApiException error(String endpoint, int status, java.util.function.Function<String, Optional<String>> header,
            byte[] body) {
        String type = null;
        String title = null;
        String detail = null;
        JsonNode root = null;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (IOException | RuntimeException e) {
            root = null;
        }
        if (root != null && root.isObject()) {
            final JsonNode problem = !root.has("title") && !root.has("detail") && root.path("errors").isArray()
                    && root.path("errors").size() > 0 ? root.path("errors").get(0) : root;
            type = text(problem, "type").or(() -> text(problem, "code")).orElse(null);
            title = text(problem, "title").orElse(null);
            StringBuilder d = new StringBuilder(text(problem, "detail").or(() -> text(problem, "message")).orElse(""));
            if (problem == root && root.path("errors").isArray()) {
                for (JsonNode e : root.path("errors")) {
                    text(e, "message").or(() -> text(e, "detail")).ifPresent(m -> d.append(d.length() > 0 ? "; " : "")
                            .append(m));
                }
            }
            text(problem, "connection_issue").ifPresent(c -> d.append(" [").append(c).append(']'));
            text(problem, "reason").ifPresent(c -> d.append(" [").append(c).append(']'));
            detail = d.toString().strip();
        } else if (body.length > 0) {
            detail = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}]+", " ").strip();
        }
        if (title == null || title.isBlank()) {
            title = reason(status);
        }
        Optional<String> problemType = Optional.ofNullable(type).map(this::scrub);
        title = scrub(TwitterMapper.excerpt(title, 200));
        detail = scrub(TwitterMapper.excerpt(detail == null ? "" : detail, 500));
        switch (status) {
            case 401:
                return new TwitterAuthenticationException(problemType, title, detail, endpoint);
            case 403:
                return new TwitterForbiddenException(problemType, title, detail, endpoint);
            case 429:
                return new TwitterRateLimitException(problemType, title, detail, endpoint,
                        RateLimit.fromHeaders(header));
            default:
                return new TwitterApiException(status, problemType, title, detail, endpoint);
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 409: return "Conflict";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "HTTP " + status;
        }
    }

    /** Replaces any credential of the configuration that a server or an exception echoed. */
    String scrub(String s) {
        String out = s;
        for (String secret : config.secrets()) {
            out = out.replace(secret, "<redacted>");
        }
        return out;
    }

    /** Builds a {@link TwitterClient}. */
    public static final class Builder {
        private final TwitterConfig config;
        private HttpTransport transport;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private TwitterMapper mapper;

        private Builder(TwitterConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The HTTP transport; default {@link HttpTransport#jdk()}. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The clock that rate-limit resets are compared with; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits for resets and back-offs; default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The mapper; default a {@link TwitterMapper} on the builder's clock. */
        public Builder mapper(TwitterMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** The client. */
        public TwitterClient build() {
            return new TwitterClient(this);
        }
    }
}
