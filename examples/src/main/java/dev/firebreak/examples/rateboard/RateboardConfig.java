package dev.firebreak.examples.rateboard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Rateboard adapter needs: where the API is, which business to read, the credentials and
 * the limits. Immutable; build it with {@link #builder()}. Setters fail fast, naming the field and the
 * allowed range. The API key and the webhook secret never appear in {@link #toString()}.
 *
 * <pre>{@code
 * RateboardConfig config = RateboardConfig.builder()
 *         .businessId("kestrel-soho")
 *         .apiKey(System.getenv("RATEBOARD_API_KEY"))              // polling
 *         .webhookSecret(System.getenv("RATEBOARD_WEBHOOK_SECRET")) // webhooks
 *         .brand("kestrel")
 *         .build();
 * }</pre>
 */
public final class RateboardConfig {

    /** Rateboard's API (an invented platform: there is no such host). */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.rateboard.example");

    private final URI baseUri;
    private final Optional<String> businessId;
    private final Optional<String> apiKey;
    private final Optional<String> webhookSecret;
    private final Optional<String> brand;
    private final int pageSize;
    private final int maxPages;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final Duration signatureTolerance;

    private RateboardConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.businessId = b.businessId;
        this.apiKey = b.apiKey;
        this.webhookSecret = b.webhookSecret;
        this.brand = b.brand;
        this.pageSize = b.pageSize;
        this.maxPages = b.maxPages;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.maxRetryWait = b.maxRetryWait;
        this.signatureTolerance = b.signatureTolerance;
    }

    /** The defaults: no business, no credentials. Enough for mapping payloads. */
    public static RateboardConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUri = baseUri;
        b.businessId = businessId;
        b.apiKey = apiKey;
        b.webhookSecret = webhookSecret;
        b.brand = brand;
        b.pageSize = pageSize;
        b.maxPages = maxPages;
        b.requestTimeout = requestTimeout;
        b.maxRetries = maxRetries;
        b.maxRetryWait = maxRetryWait;
        b.signatureTolerance = signatureTolerance;
        return b;
    }

    /** The API's base URI; the API key is only ever sent there. Default {@link #DEFAULT_BASE_URI}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The business whose reviews are polled. */
    public Optional<String> businessId() {
        return businessId;
    }

    /** The API key for polling, sent as a bearer token. */
    public Optional<String> apiKey() {
        return apiKey;
    }

    /** The secret that signs webhook deliveries. */
    public Optional<String> webhookSecret() {
        return webhookSecret;
    }

    /** The watched brand the mentions are collected for, if known. */
    public Optional<String> brand() {
        return brand;
    }

    /** Reviews per page: 1 to 100; default 50. */
    public int pageSize() {
        return pageSize;
    }

    /** Pages read per poll at most: 1 to 1000; default 20. The next poll goes on where this one stopped. */
    public int maxPages() {
        return maxPages;
    }

    /** Timeout of one HTTP request: 1 second to 5 minutes; default 10 seconds. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Retries after a rate limit, a 5xx or a network error: 0 to 10; default 3. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The longest wait before a retry: 0 to 1 hour; default 60 seconds. A longer rate limit fails at once. */
    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    /** How far a webhook signature's timestamp may be from now: 10 seconds to 1 hour; default 5 minutes. */
    public Duration signatureTolerance() {
        return signatureTolerance;
    }

    /** The settings; credentials only as set or not. */
    @Override
    public String toString() {
        return "RateboardConfig[baseUri=" + baseUri + ", businessId=" + businessId.orElse("(none)") + ", apiKey="
                + (apiKey.isPresent() ? "(set)" : "(none)") + ", webhookSecret="
                + (webhookSecret.isPresent() ? "(set)" : "(none)") + ", brand=" + brand.orElse("(none)")
                + ", pageSize=" + pageSize + ", maxPages=" + maxPages + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + ", maxRetryWait=" + maxRetryWait + ", signatureTolerance="
                + signatureTolerance + "]";
    }

    /** Builds a {@link RateboardConfig}. */
    public static final class Builder {
        private URI baseUri = DEFAULT_BASE_URI;
        private Optional<String> businessId = Optional.empty();
        private Optional<String> apiKey = Optional.empty();
        private Optional<String> webhookSecret = Optional.empty();
        private Optional<String> brand = Optional.empty();
        private int pageSize = 50;
        private int maxPages = 20;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private Duration maxRetryWait = Duration.ofSeconds(60);
        private Duration signatureTolerance = Duration.ofMinutes(5);

        private Builder() {
        }

        /** The API's base URI: absolute, http or https, without query. */
        public Builder baseUri(URI uri) {
            Objects.requireNonNull(uri, "baseUri");
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("baseUri must be an absolute http(s) URI without a query, was "
                        + uri);
            }
            this.baseUri = uri;
            return this;
        }

        /** The business to poll: 1 to 64 characters of letters, digits, '-' and '_'. */
        public Builder businessId(String id) {
            Objects.requireNonNull(id, "businessId");
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("businessId must be 1 to 64 characters of letters, digits, '-' "
                        + "and '_', was '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'");
            }
            this.businessId = Optional.of(id);
            return this;
        }

        /** The API key. */
        public Builder apiKey(String key) {
            this.apiKey = Optional.of(secret(key, "apiKey"));
            return this;
        }

        /** The webhook signing secret. */
        public Builder webhookSecret(String secret) {
            this.webhookSecret = Optional.of(secret(secret, "webhookSecret"));
            return this;
        }

        /** The brand the mentions are for. */
        public Builder brand(String brand) {
            Objects.requireNonNull(brand, "brand");
            if (brand.isBlank()) {
                throw new IllegalArgumentException("brand must not be blank");
            }
            this.brand = Optional.of(brand.strip());
            return this;
        }

        /** Reviews per page: 1 to 100. */
        public Builder pageSize(int n) {
            this.pageSize = range(n, 1, 100, "pageSize");
            return this;
        }

        /** Pages per poll at most: 1 to 1000. */
        public Builder maxPages(int n) {
            this.maxPages = range(n, 1, 1000, "maxPages");
            return this;
        }

        /** Timeout of one request: 1 second to 5 minutes. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = range(d, Duration.ofSeconds(1), Duration.ofMinutes(5), "requestTimeout");
            return this;
        }

        /** Retries: 0 to 10. */
        public Builder maxRetries(int n) {
            this.maxRetries = range(n, 0, 10, "maxRetries");
            return this;
        }

        /** The longest wait before a retry: 0 to 1 hour. */
        public Builder maxRetryWait(Duration d) {
            this.maxRetryWait = range(d, Duration.ZERO, Duration.ofHours(1), "maxRetryWait");
            return this;
        }

        /** Webhook timestamp tolerance: 10 seconds to 1 hour. */
        public Builder signatureTolerance(Duration d) {
            this.signatureTolerance = range(d, Duration.ofSeconds(10), Duration.ofHours(1), "signatureTolerance");
            return this;
        }

        private static String secret(String value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
            return value;
        }

        private static int range(int n, int min, int max, String field) {
            if (n < min || n > max) {
                throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        }

        private static Duration range(Duration d, Duration min, Duration max, String field) {
            Objects.requireNonNull(d, field);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + d);
            }
            return d;
        }

        /** The config. */
        public RateboardConfig build() {
            return new RateboardConfig(this);
        }
    }
}
