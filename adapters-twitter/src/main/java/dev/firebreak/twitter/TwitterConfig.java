package dev.firebreak.twitter;

import static dev.firebreak.internal.Bounds.range;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the X adapter: where the API is, the credentials, and how patient the client is.
 * Immutable; start from {@link #defaults()} or {@link #builder()}. Setters fail fast with an
 * {@link IllegalArgumentException} naming the field and the allowed range.
 *
 * <p>Credentials: {@link #bearerToken()} is the app-only token for reading (recent search, mention
 * timeline, filtered stream); {@link #userAccessToken()} is an OAuth 2.0 user-context access token
 * (scopes {@code tweet.read tweet.write tweet.moderate.write users.read}) for replying and hiding;
 * {@link #consumerSecret()} is the app's consumer secret, which signs webhook deliveries. None of them
 * ever appears in {@link #toString()}, logs or exception messages.
 */
public final class TwitterConfig {

    /** The production API host. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.x.com");

    private static final TwitterConfig DEFAULTS = new Builder().build();

    private final URI baseUri;
    private final String bearerToken;
    private final String userAccessToken;
    private final String consumerSecret;
    private final Duration requestTimeout;
    private final Duration streamStallTimeout;
    private final int maxResults;
    private final int maxPagesPerPoll;
    private final Duration maxRateLimitWait;
    private final int maxRetries;
    private final int streamMaxConsecutiveFailures;
    private final List<String> tweetFields;
    private final List<String> userFields;
    private final List<String> expansions;
    private final String userAgent;

    private TwitterConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.bearerToken = b.bearerToken;
        this.userAccessToken = b.userAccessToken;
        this.consumerSecret = b.consumerSecret;
        this.requestTimeout = b.requestTimeout;
        this.streamStallTimeout = b.streamStallTimeout;
        this.maxResults = b.maxResults;
        this.maxPagesPerPoll = b.maxPagesPerPoll;
        this.maxRateLimitWait = b.maxRateLimitWait;
        this.maxRetries = b.maxRetries;
        this.streamMaxConsecutiveFailures = b.streamMaxConsecutiveFailures;
        this.tweetFields = b.tweetFields;
        this.userFields = b.userFields;
        this.expansions = b.expansions;
        this.userAgent = b.userAgent;
    }

    /** The defaults: production host, no credentials. */
    public static TwitterConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The API's base URI; default {@code https://api.x.com}. Tests point it at a local server. */
    public URI baseUri() {
        return baseUri;
    }

    /** The app-only bearer token used for reading, if set. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** The OAuth 2.0 user-context access token used for writing (replies, hiding), if set. */
    public Optional<String> userAccessToken() {
        return Optional.ofNullable(userAccessToken);
    }

    /** The app's consumer secret, the key of webhook signatures and CRC responses, if set. */
    public Optional<String> consumerSecret() {
        return Optional.ofNullable(consumerSecret);
    }

    /** How long to wait for a response's headers; default 10 s. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long the filtered stream may be silent (no post and no keep-alive) before the connection is
     * treated as dead and reopened; default 20 s, as X documents (it sends a keep-alive every 20 s).
     */
    public Duration streamStallTimeout() {
        return streamStallTimeout;
    }

    /** Posts asked for per page ({@code max_results}), 10 to 100; default 100. */
    public int maxResults() {
        return maxResults;
    }

    /** Pages one poll reads at most before it returns (the rest is read by the next poll); default 10. */
    public int maxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    /**
     * The longest a read waits for a rate-limit window to reset; a longer wait raises a
     * {@link TwitterRateLimitException} instead. Default 15 minutes (X's usual window).
     */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    /** How often a read is retried after a 429 or a 5xx before it fails; default 3. */
    public int maxRetries() {
        return maxRetries;
    }

    /** Failed stream connections in a row after which the stream reader gives up; default 10. */
    public int streamMaxConsecutiveFailures() {
        return streamMaxConsecutiveFailures;
    }

    /** The {@code tweet.fields} asked for. */
    public List<String> tweetFields() {
        return tweetFields;
    }

    /** The {@code user.fields} asked for. */
    public List<String> userFields() {
        return userFields;
    }

    /** The {@code expansions} asked for. */
    public List<String> expansions() {
        return expansions;
    }

    /** The {@code User-Agent} header. */
    public String userAgent() {
        return userAgent;
    }

    /** Every setting, with credentials shown only as set or unset. */
    @Override
    public String toString() {
        return "TwitterConfig[baseUri=" + baseUri
                + ", bearerToken=" + redacted(bearerToken)
                + ", userAccessToken=" + redacted(userAccessToken)
                + ", consumerSecret=" + redacted(consumerSecret)
                + ", requestTimeout=" + requestTimeout
                + ", streamStallTimeout=" + streamStallTimeout
                + ", maxResults=" + maxResults
                + ", maxPagesPerPoll=" + maxPagesPerPoll
                + ", maxRateLimitWait=" + maxRateLimitWait
                + ", maxRetries=" + maxRetries
                + ", streamMaxConsecutiveFailures=" + streamMaxConsecutiveFailures
                + ", tweetFields=" + tweetFields
                + ", userFields=" + userFields
                + ", expansions=" + expansions
                + ", userAgent=" + userAgent + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "<unset>" : "<redacted>";
    }

    /** The secrets, for scrubbing messages that might echo them. */
    List<String> secrets() {
        java.util.ArrayList<String> s = new java.util.ArrayList<>();
        for (String v : new String[] {bearerToken, userAccessToken, consumerSecret}) {
            if (v != null) {
                s.add(v);
            }
        }
        return s;
    }

    /** Builds a {@link TwitterConfig}; every setter validates at once. */
    public static final class Builder {
        private URI baseUri = DEFAULT_BASE_URI;
        private String bearerToken;
        private String userAccessToken;
        private String consumerSecret;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration streamStallTimeout = Duration.ofSeconds(20);
        private int maxResults = 100;
        private int maxPagesPerPoll = 10;
        private Duration maxRateLimitWait = Duration.ofMinutes(15);
        private int maxRetries = 3;
        private int streamMaxConsecutiveFailures = 10;
        private List<String> tweetFields = List.of("created_at", "author_id", "conversation_id", "in_reply_to_user_id",
                "lang", "public_metrics", "referenced_tweets");
        private List<String> userFields = List.of("username", "name", "verified", "public_metrics");
        private List<String> expansions = List.of("author_id");
        private String userAgent = "firebreak-twitter";

        private Builder() {
        }

        private Builder(TwitterConfig c) {
            baseUri = c.baseUri;
            bearerToken = c.bearerToken;
            userAccessToken = c.userAccessToken;
            consumerSecret = c.consumerSecret;
            requestTimeout = c.requestTimeout;
            streamStallTimeout = c.streamStallTimeout;
            maxResults = c.maxResults;
            maxPagesPerPoll = c.maxPagesPerPoll;
            maxRateLimitWait = c.maxRateLimitWait;
            maxRetries = c.maxRetries;
            streamMaxConsecutiveFailures = c.streamMaxConsecutiveFailures;
            tweetFields = c.tweetFields;
            userFields = c.userFields;
            expansions = c.expansions;
            userAgent = c.userAgent;
        }

        /** The API's base URI: absolute, {@code http} or {@code https}, without query. */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!baseUri.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || baseUri.getHost() == null || baseUri.getRawQuery() != null) {
                throw new IllegalArgumentException(
                        "baseUri must be an absolute http or https URI with a host and no query, was " + baseUri);
            }
            String s = baseUri.toString();
            this.baseUri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            return this;
        }

        /** The app-only bearer token for reads. */
        public Builder bearerToken(String bearerToken) {
            this.bearerToken = credential("bearerToken", bearerToken);
            return this;
        }

        /** The OAuth 2.0 user-context access token for writes. */
        public Builder userAccessToken(String userAccessToken) {
            this.userAccessToken = credential("userAccessToken", userAccessToken);
            return this;
        }

        /** The app's consumer secret, for webhooks. */
        public Builder consumerSecret(String consumerSecret) {
            this.consumerSecret = credential("consumerSecret", consumerSecret);
            return this;
        }

        /** How long to wait for response headers: 1 ms to 10 minutes. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = range("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
            return this;
        }

        /** Silence after which the stream is reopened: 1 ms to 10 minutes. */
        public Builder streamStallTimeout(Duration streamStallTimeout) {
            this.streamStallTimeout = range("streamStallTimeout", streamStallTimeout, Duration.ofMillis(1),
                    Duration.ofMinutes(10));
            return this;
        }

        /** Posts per page: 10 to 100. */
        public Builder maxResults(int maxResults) {
            this.maxResults = range("maxResults", maxResults, 10, 100);
            return this;
        }

        /** Pages per poll: 1 to 1000. */
        public Builder maxPagesPerPoll(int maxPagesPerPoll) {
            this.maxPagesPerPoll = range("maxPagesPerPoll", maxPagesPerPoll, 1, 1000);
            return this;
        }

        /** Longest wait for a rate-limit reset: 0 (never wait) to 1 hour. */
        public Builder maxRateLimitWait(Duration maxRateLimitWait) {
            this.maxRateLimitWait = range("maxRateLimitWait", maxRateLimitWait, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /** Retries of a read after a 429 or 5xx: 0 to 10. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = range("maxRetries", maxRetries, 0, 10);
            return this;
        }

        /** Failed stream connections in a row before giving up: 1 to 1000. */
        public Builder streamMaxConsecutiveFailures(int streamMaxConsecutiveFailures) {
            this.streamMaxConsecutiveFailures = range("streamMaxConsecutiveFailures", streamMaxConsecutiveFailures, 1,
                    1000);
            return this;
        }

        /** The {@code tweet.fields} to ask for; {@code created_at} is needed for real timestamps. */
        public Builder tweetFields(List<String> tweetFields) {
            this.tweetFields = fields("tweetFields", tweetFields);
            return this;
        }

        /** The {@code user.fields} to ask for. */
        public Builder userFields(List<String> userFields) {
            this.userFields = fields("userFields", userFields);
            return this;
        }

        /** The {@code expansions} to ask for; {@code author_id} is needed for authors. */
        public Builder expansions(List<String> expansions) {
            this.expansions = fields("expansions", expansions);
            return this;
        }

        /** The {@code User-Agent} header: 1 to 200 printable ASCII characters. */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isEmpty() || userAgent.length() > 200 || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("userAgent must be 1 to 200 printable ASCII characters");
            }
            this.userAgent = userAgent;
            return this;
        }

        /** The configuration. */
        public TwitterConfig build() {
            return new TwitterConfig(this);
        }

        private static String credential(String field, String value) {
            Objects.requireNonNull(value, field);
            if (value.isBlank() || value.length() > 4096 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                // never echo the value: it is a secret
                throw new IllegalArgumentException(field
                        + " must be 1 to 4096 printable ASCII characters without spaces or line breaks");
            }
            return value;
        }

        private static List<String> fields(String field, List<String> values) {
            Objects.requireNonNull(values, field);
            for (String v : values) {
                if (v == null || !v.matches("[a-z_.]{1,64}")) {
                    throw new IllegalArgumentException(field
                            + " entries must be 1 to 64 characters of a-z, '_' or '.', was '" + v + "'");
                }
            }
            return List.copyOf(values);
        }
    }
}
