package dev.firebreak.examples.rateboard;

import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.RejectedItem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Polls a business's reviews from Rateboard's API: {@code GET /v1/businesses/{id}/reviews}, oldest change
 * first, following {@code paging.next_cursor} for at most {@link RateboardConfig#maxPages()} pages.
 *
 * <pre>{@code
 * RateboardClient client = RateboardClient.builder(config).build();
 * Optional<Instant> since = Optional.empty();            // keep this between polls (a file, a table)
 * RateboardClient.Poll poll = client.poll(since);
 * poll.mentions().forEach(engine::ingest);
 * poll.rejected().forEach(deadLetters::add);
 * since = poll.nextSince();
 * }</pre>
 *
 * <ul>
 *   <li>The API key goes in {@code Authorization: Bearer ...} to {@link RateboardConfig#baseUri()} only.</li>
 *   <li>A rate limit (429) waits {@code Retry-After} and retries, a 5xx or a network error retries after 1, 2,
 *       4... seconds, both at most {@link RateboardConfig#maxRetries()} times and never longer than
 *       {@link RateboardConfig#maxRetryWait()}; waits go through the {@link Sleeper}. Then, and for any other
 *       refusal (401, 403, 404, 400), a {@link RateboardException} says what Rateboard answered.</li>
 *   <li>A page that cannot be read is a {@link RateboardException} with code {@code invalid_payload}; items
 *       that cannot be read are in {@link Poll#rejected()}.</li>
 * </ul>
 *
 * Thread-safe if its {@link RateboardHttp} is; polls of one business should not overlap.
 */
public final class RateboardClient {

    /** Waits between retries; replace it in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits this long. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * What one poll read.
     *
     * @param mentions the reviews and replies, oldest change first, each key once (its latest form)
     * @param rejected the items that could not be read, located as {@code "page 2 data[3]"}
     * @param pages how many pages were read
     * @param complete false when the poll stopped at {@link RateboardConfig#maxPages()} with more to read
     * @param nextSince where the next poll starts: the newest {@code updated_at} seen, or the poll's own start
     */
    public record Poll(List<Mention> mentions, List<RejectedItem> rejected, int pages, boolean complete,
            Optional<Instant> nextSince) {
        public Poll {
            mentions = List.copyOf(mentions);
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(nextSince, "nextSince");
        }
    }

    private final RateboardConfig config;
    private final String apiKey;
    private final String businessId;
    private final RateboardHttp http;
    private final RateboardMapper mapper;
    private final Sleeper sleeper;

    private RateboardClient(Builder b) {
        this.config = b.config;
        this.apiKey = b.config.apiKey().orElseThrow(() -> new IllegalArgumentException(
                "apiKey must be set on the RateboardConfig to poll Rateboard"));
        this.businessId = b.config.businessId().orElseThrow(() -> new IllegalArgumentException(
                "businessId must be set on the RateboardConfig to poll Rateboard"));
        this.http = b.http != null ? b.http : RateboardHttp.jdk(b.config.requestTimeout());
        this.mapper = b.mapper != null ? b.mapper : RateboardMapper.of(b.config);
        this.sleeper = b.sleeper;
    }

    /** A builder for a client of this config (which needs an API key and a business id). */
    public static Builder builder(RateboardConfig config) {
        return new Builder(Objects.requireNonNull(config, "config"));
    }

    /**
     * Reads the reviews changed since {@code since} (all of them when empty).
     *
     * @throws RateboardException when Rateboard refuses, cannot be reached after the retries, or sends a page
     *     that cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public Poll poll(Optional<Instant> since) throws InterruptedException {
        Objects.requireNonNull(since, "since");
        Map<MentionKey, Mention> mentions = new LinkedHashMap<>();
        List<RejectedItem> rejected = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        Optional<Instant> newest = since;
        int pages = 0;
        do {
            RateboardMapper.Page page = page(since, cursor);
            pages++;
            for (Mention m : page.payload().mentions()) {
                mentions.remove(m.key()); // a later copy wins, and moves to its place in change order
                mentions.put(m.key(), m);
            }
            for (RejectedItem r : page.payload().rejected()) {
                rejected.add(new RejectedItem("page " + pages + " " + r.location(), r.reason(), r.raw()));
            }
            if (page.newestUpdate().isPresent() && (newest.isEmpty() || page.newestUpdate().get().isAfter(newest.get()))) {
                newest = page.newestUpdate();
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages < config.maxPages());
        return new Poll(new ArrayList<>(mentions.values()), rejected, pages, cursor.isEmpty(), newest);
    }

    private RateboardMapper.Page page(Optional<Instant> since, Optional<String> cursor) throws InterruptedException {
        URI uri = uri(since, cursor);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/json",
                "User-Agent", "firebreak-rateboard-example/0.1");
        for (int attempt = 0; ; attempt++) {
            RateboardHttp.Response r;
            try {
                r = http.get(uri, headers);
            } catch (IOException e) {
                Duration wait = backoff(attempt);
                if (attempt < config.maxRetries() && wait.compareTo(config.maxRetryWait()) <= 0) {
                    sleeper.sleep(wait);
                    continue;
                }
                throw new RateboardException(0, "network", "GET " + path(uri) + " failed after " + (attempt + 1)
                        + " attempts: " + e, Optional.empty(), e);
            }
            // --- README: client
            if (r.status() == 200) {
                try {
                    return mapper.mapPage(r.body());
                } catch (PayloadException e) {
                    throw new RateboardException(200, "invalid_payload", "GET " + path(uri) + ": " + e.getMessage(),
                            Optional.empty(), e);
                }
            }
            RateboardException refused = refusal(uri, r);
            boolean retryable = r.status() == 429 || r.status() >= 500;
            Duration wait = refused.retryAfter().orElse(backoff(attempt));
            if (retryable && attempt < config.maxRetries() && wait.compareTo(config.maxRetryWait()) <= 0) {
                sleeper.sleep(wait);
                continue;
            }
            throw refused;
            // --- end
        }
    }

    private URI uri(Optional<Instant> since, Optional<String> cursor) {
        StringBuilder q = new StringBuilder("limit=").append(config.pageSize());
        since.ifPresent(s -> q.append("&updated_since=").append(encode(s.toString())));
        cursor.ifPresent(c -> q.append("&cursor=").append(encode(c)));
        String base = config.baseUri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/businesses/"
                + encode(businessId) + "/reviews?" + q);
    }

    /** Rateboard's error body, read for its code, message and retry_after; the status alone when unreadable. */
    private RateboardException refusal(URI uri, RateboardHttp.Response r) {
        String code = "http_" + r.status();
        String message = "GET " + path(uri) + " answered " + r.status();
        try {
            mapper.map(r.body());
        } catch (PayloadException e) {
            if (e.errorCode().isPresent()) {
                code = e.errorCode().get();
                message = "GET " + path(uri) + ": " + e.getMessage().replaceFirst("^rateboard: ", "");
            }
        } catch (RuntimeException e) {
            // the body stays unread: the status says enough
        }
        Optional<Duration> retryAfter = r.header("Retry-After").flatMap(RateboardClient::seconds);
        return new RateboardException(r.status(), code, message, retryAfter, null);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: fall back to the backoff
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt, 10));
    }

    private static String path(URI uri) {
        return uri.getRawPath();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RateboardClient[" + config + "]";
    }

    /** Builds a {@link RateboardClient}. */
    public static final class Builder {
        private final RateboardConfig config;
        private RateboardHttp http;
        private RateboardMapper mapper;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(RateboardConfig config) {
            this.config = config;
        }

        /** The HTTP to use; default {@link RateboardHttp#jdk(Duration)} with the config's timeout. */
        public Builder http(RateboardHttp http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The mapper; default {@link RateboardMapper#of(RateboardConfig)}. */
        public Builder mapper(RateboardMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** How to wait between retries; default {@link Thread#sleep(long)}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException if the config has no API key or no business id
         */
        public RateboardClient build() {
            return new RateboardClient(this);
        }
    }
}
