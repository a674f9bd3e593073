package dev.firebreak.facebook;

import static dev.firebreak.internal.Bounds.range;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the Facebook adapter: which Graph API version and host to call, which Page, its
 * credentials, what to read, and how hard to push against rate limits. Immutable; build with
 * {@link #builder()}, change with {@link #toBuilder()}.
 *
 * <p>{@link #defaults()} has no Page and no credentials: enough to map saved payloads
 * ({@link FacebookMapper}), not to call Facebook. {@link FacebookClient} needs a Page id and a Page
 * access token, {@link FacebookWebhookHandler} the app secret (and a verify token for the
 * subscription handshake).
 *
 * <p>{@link #toString()} never shows the Page access token, the app secret or the verify token.
 */
public final class FacebookConfig {

    /** The Graph API version used unless configured: v25.0, available until 2028-07-29. */
    public static final String DEFAULT_API_VERSION = "v25.0";
    /** The Graph API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");
    /** Fields read from Page posts (feed, posts, tagged, visitor posts), with the first page of comments. */
    public static final String DEFAULT_POST_FIELDS = "id,message,created_time,updated_time,from,permalink_url,"
            + "is_hidden,is_published,shares,reactions.summary(total_count),comments.summary(true)";
    /** Fields read from comments. */
    public static final String DEFAULT_COMMENT_FIELDS = "id,message,created_time,from,parent,permalink_url,"
            + "like_count,comment_count,is_hidden";
    /** Fields read from ratings (reviews and recommendations). */
    public static final String DEFAULT_RATING_FIELDS = "created_time,has_rating,has_review,rating,"
            + "recommendation_type,review_text,reviewer,open_graph_story";

    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern FIELDS = Pattern.compile("[A-Za-z0-9_.,(){}]{1,2000}");
    private static final FacebookConfig DEFAULTS = new Builder().build();

    private final String apiVersion;
    private final Optional<String> ratingsApiVersion;
    private final URI baseUrl;
    private final Optional<String> pageId;
    private final Optional<String> pageAccessToken;
    private final Optional<String> appSecret;
    private final Optional<String> verifyToken;
    private final Optional<String> brand;
    private final int pageSize;
    private final int maxPages;
    private final String postFields;
    private final String commentFields;
    private final String ratingFields;
    private final boolean followNestedComments;
    private final int usageThreshold;
    private final Duration maxSlowdown;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration maxWait;
    private final Duration requestTimeout;
    private final boolean privateReplies;

    private FacebookConfig(Builder b) {
        this.apiVersion = b.apiVersion;
        this.ratingsApiVersion = b.ratingsApiVersion;
        this.baseUrl = b.baseUrl;
        this.pageId = b.pageId;
        this.pageAccessToken = b.pageAccessToken;
        this.appSecret = b.appSecret;
        this.verifyToken = b.verifyToken;
        this.brand = b.brand;
        this.pageSize = b.pageSize;
        this.maxPages = b.maxPages;
        this.postFields = b.postFields;
        this.commentFields = b.commentFields;
        this.ratingFields = b.ratingFields;
        this.followNestedComments = b.followNestedComments;
        this.usageThreshold = b.usageThreshold;
        this.maxSlowdown = b.maxSlowdown;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.maxWait = b.maxWait;
        this.requestTimeout = b.requestTimeout;
        this.privateReplies = b.privateReplies;
    }

    /** A config with every default and no Page or credentials. */
    public static FacebookConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiVersion = apiVersion;
        b.ratingsApiVersion = ratingsApiVersion;
        b.baseUrl = baseUrl;
        b.pageId = pageId;
        b.pageAccessToken = pageAccessToken;
        b.appSecret = appSecret;
        b.verifyToken = verifyToken;
        b.brand = brand;
        b.pageSize = pageSize;
        b.maxPages = maxPages;
        b.postFields = postFields;
        b.commentFields = commentFields;
        b.ratingFields = ratingFields;
        b.followNestedComments = followNestedComments;
        b.usageThreshold = usageThreshold;
        b.maxSlowdown = maxSlowdown;
        b.maxRetries = maxRetries;
        b.retryBackoff = retryBackoff;
        b.maxWait = maxWait;
        b.requestTimeout = requestTimeout;
        b.privateReplies = privateReplies;
        return b;
    }

    /** The pinned Graph API version, for example {@code v25.0}. */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * The version used for the ratings edge, when it differs: the Recommendation node answers error
     * 12 from v22.0 on, so reading reviews by polling needs an older version while it lives (reviews
     * also arrive through the {@code ratings} webhook field on any version).
     */
    public Optional<String> ratingsApiVersion() {
        return ratingsApiVersion;
    }

    /** The Graph API base URL, {@code https://graph.facebook.com} unless overridden (tests, proxies). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Page whose feed, comments and reviews are read and whose posts count as the brand's own. */
    public Optional<String> pageId() {
        return pageId;
    }

    /** The Page access token (never printed). */
    public Optional<String> pageAccessToken() {
        return pageAccessToken;
    }

    /** The app secret, for webhook signatures (never printed). */
    public Optional<String> appSecret() {
        return appSecret;
    }

    /** The verify token of the webhook subscription handshake (never printed). */
    public Optional<String> verifyToken() {
        return verifyToken;
    }

    /** The brand the mentions are collected for, stamped on every mention when set. */
    public Optional<String> brand() {
        return brand;
    }

    /** Items per page requested with {@code limit}, 1 to 100 (default 100). */
    public int pageSize() {
        return pageSize;
    }

    /** The most pages one poll reads before it stops and says more remain (default 100). */
    public int maxPages() {
        return maxPages;
    }

    /** The {@code fields} requested for posts. */
    public String postFields() {
        return postFields;
    }

    /** The {@code fields} requested for comments. */
    public String commentFields() {
        return commentFields;
    }

    /** The {@code fields} requested for ratings. */
    public String ratingFields() {
        return ratingFields;
    }

    /**
     * Whether a poll of posts also pages through the comments of posts that have more than the first
     * page embedded (default {@code true}); each such post costs extra calls.
     */
    public boolean followNestedComments() {
        return followNestedComments;
    }

    /**
     * The usage percentage (of any usage header) from which the client spaces its calls out, 1 to 100
     * (default 75).
     */
    public int usageThreshold() {
        return usageThreshold;
    }

    /**
     * The pause between calls when usage reaches 100%; between the threshold and 100% the pause grows
     * linearly up to this (default 60 s, 0 turns slowing down off).
     */
    public Duration maxSlowdown() {
        return maxSlowdown;
    }

    /** How many times a throttled or transiently failed call is retried, 0 to 10 (default 3). */
    public int maxRetries() {
        return maxRetries;
    }

    /** The first retry's wait, doubled for each further retry (default 2 s). */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /**
     * The longest the client sleeps before one call; when Facebook asks for a longer wait the call
     * fails with {@link FacebookRateLimitException} instead of blocking (default 5 minutes).
     */
    public Duration maxWait() {
        return maxWait;
    }

    /** The timeout of one HTTP request (default 30 s). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Whether {@link FacebookActions#replyPrivately} may send private replies through the Page's
     * Messenger inbox (default {@code false}: the token needs Messenger permissions).
     */
    public boolean privateReplies() {
        return privateReplies;
    }

    /** Every setting, with the token, the app secret and the verify token shown only as set or not. */
    @Override
    public String toString() {
        return "FacebookConfig[apiVersion=" + apiVersion
                + ratingsApiVersion.map(v -> ", ratingsApiVersion=" + v).orElse("")
                + ", baseUrl=" + baseUrl
                + ", pageId=" + pageId.orElse("(none)")
                + ", pageAccessToken=" + secret(pageAccessToken)
                + ", appSecret=" + secret(appSecret)
                + ", verifyToken=" + secret(verifyToken)
                + ", brand=" + brand.orElse("(none)")
                + ", pageSize=" + pageSize
                + ", maxPages=" + maxPages
                + ", postFields=" + postFields
                + ", commentFields=" + commentFields
                + ", ratingFields=" + ratingFields
                + ", followNestedComments=" + followNestedComments
                + ", usageThreshold=" + usageThreshold
                + ", maxSlowdown=" + maxSlowdown
                + ", maxRetries=" + maxRetries
                + ", retryBackoff=" + retryBackoff
                + ", maxWait=" + maxWait
                + ", requestTimeout=" + requestTimeout
                + ", privateReplies=" + privateReplies + "]";
    }

    private static String secret(Optional<String> s) {
        return s.isPresent() ? "(set)" : "(none)";
    }

    /** Builds a {@link FacebookConfig}; every setter checks its value and names the field when it refuses it. */
    public static final class Builder {
        private String apiVersion = DEFAULT_API_VERSION;
        private Optional<String> ratingsApiVersion = Optional.empty();
        private URI baseUrl = DEFAULT_BASE_URL;
        private Optional<String> pageId = Optional.empty();
        private Optional<String> pageAccessToken = Optional.empty();
        private Optional<String> appSecret = Optional.empty();
        private Optional<String> verifyToken = Optional.empty();
        private Optional<String> brand = Optional.empty();
        private int pageSize = 100;
        private int maxPages = 100;
        private String postFields = DEFAULT_POST_FIELDS;
        private String commentFields = DEFAULT_COMMENT_FIELDS;
        private String ratingFields = DEFAULT_RATING_FIELDS;
        private boolean followNestedComments = true;
        private int usageThreshold = 75;
        private Duration maxSlowdown = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofSeconds(2);
        private Duration maxWait = Duration.ofMinutes(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean privateReplies;

        private Builder() {
        }

        /** The Graph API version, {@code vNN.N} (for example {@code v25.0}). */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = version("apiVersion", apiVersion);
            return this;
        }

        /** The version for the ratings edge only, {@code vNN.N}; see {@link FacebookConfig#ratingsApiVersion()}. */
        public Builder ratingsApiVersion(String ratingsApiVersion) {
            this.ratingsApiVersion = Optional.of(version("ratingsApiVersion", ratingsApiVersion));
            return this;
        }

        /** The base URL, an absolute {@code http} or {@code https} URL without path, query or fragment. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null
                    || (baseUrl.getRawPath() != null && !baseUrl.getRawPath().isEmpty() && !baseUrl.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host and no path, "
                        + "query or fragment, such as https://graph.facebook.com; was '" + baseUrl + "'");
            }
            this.baseUrl = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority());
            return this;
        }

        /** The Page id: 1 to 64 characters of letters, digits, {@code _ . -} (Page ids are digits). */
        public Builder pageId(String pageId) {
            Objects.requireNonNull(pageId, "pageId");
            if (!PAGE_ID.matcher(pageId).matches()) {
                throw new IllegalArgumentException("pageId must be 1 to 64 characters of letters, digits, '_', '.' "
                        + "or '-', was '" + abbreviate(pageId) + "'");
            }
            this.pageId = Optional.of(pageId);
            return this;
        }

        /** The Page access token (from {@code GET /{user-id}/accounts}): not blank, no whitespace. */
        public Builder pageAccessToken(String pageAccessToken) {
            this.pageAccessToken = Optional.of(secretValue("pageAccessToken", pageAccessToken));
            return this;
        }

        /** The app secret, used to verify webhook signatures: not blank, no whitespace. */
        public Builder appSecret(String appSecret) {
            this.appSecret = Optional.of(secretValue("appSecret", appSecret));
            return this;
        }

        /** The verify token chosen when subscribing the webhook: not blank, no whitespace. */
        public Builder verifyToken(String verifyToken) {
            this.verifyToken = Optional.of(secretValue("verifyToken", verifyToken));
            return this;
        }

        /** The brand stamped on every mention: not blank. */
        public Builder brand(String brand) {
            Objects.requireNonNull(brand, "brand");
            if (brand.isBlank()) {
                throw new IllegalArgumentException("brand must not be blank");
            }
            this.brand = Optional.of(brand);
            return this;
        }

        /** Items per page, 1 to 100. */
        public Builder pageSize(int pageSize) {
            this.pageSize = range("pageSize", pageSize, 1, 100);
            return this;
        }

        /** The most pages one poll reads, 1 to 100000. */
        public Builder maxPages(int maxPages) {
            this.maxPages = range("maxPages", maxPages, 1, 100_000);
            return this;
        }

        /** The {@code fields} for posts: a Graph field list such as {@code id,message,from{id,name}}. */
        public Builder postFields(String postFields) {
            this.postFields = fields("postFields", postFields);
            return this;
        }

        /** The {@code fields} for comments. */
        public Builder commentFields(String commentFields) {
            this.commentFields = fields("commentFields", commentFields);
            return this;
        }

        /** The {@code fields} for ratings. */
        public Builder ratingFields(String ratingFields) {
            this.ratingFields = fields("ratingFields", ratingFields);
            return this;
        }

        /** Whether polls of posts page through the rest of each post's comments. */
        public Builder followNestedComments(boolean followNestedComments) {
            this.followNestedComments = followNestedComments;
            return this;
        }

        /** The usage percentage from which calls are spaced out, 1 to 100. */
        public Builder usageThreshold(int usageThreshold) {
            this.usageThreshold = range("usageThreshold", usageThreshold, 1, 100);
            return this;
        }

        /** The pause between calls at 100% usage, 0 to 1 hour. */
        public Builder maxSlowdown(Duration maxSlowdown) {
            this.maxSlowdown = range("maxSlowdown", maxSlowdown, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /** Retries of a throttled or transiently failed call, 0 to 10. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = range("maxRetries", maxRetries, 0, 10);
            return this;
        }

        /** The first retry's wait, 1 ms to 5 minutes. */
        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = range("retryBackoff", retryBackoff, Duration.ofMillis(1), Duration.ofMinutes(5));
            return this;
        }

        /** The longest single sleep before a call, 0 to 24 hours. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = range("maxWait", maxWait, Duration.ZERO, Duration.ofHours(24));
            return this;
        }

        /** The timeout of one HTTP request, 1 ms to 10 minutes. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = range("requestTimeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
            return this;
        }

        /** Whether private replies are allowed (the Page token must have Messenger permissions). */
        public Builder privateReplies(boolean privateReplies) {
            this.privateReplies = privateReplies;
            return this;
        }

        /** The config. */
        public FacebookConfig build() {
            return new FacebookConfig(this);
        }

        private static String version(String field, String value) {
            Objects.requireNonNull(value, field);
            if (!VERSION.matcher(value).matches()) {
                throw new IllegalArgumentException(field + " must look like v25.0, was '" + abbreviate(value) + "'");
            }
            return value;
        }

        private static String secretValue(String field, String value) {
            Objects.requireNonNull(value, field);
            if (value.isBlank() || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                // never echo the value: it is a secret
                throw new IllegalArgumentException(field + " must be non-blank without whitespace or control characters");
            }
            if (value.length() > 4096) {
                throw new IllegalArgumentException(field + " must be at most 4096 characters, was " + value.length());
            }
            return value;
        }

        private static String fields(String field, String value) {
            Objects.requireNonNull(value, field);
            if (!FIELDS.matcher(value).matches()) {
                throw new IllegalArgumentException(field + " must be a Graph field list of 1 to 2000 characters "
                        + "(letters, digits, '_', '.', ',', '(', ')', '{', '}'), was '" + abbreviate(value) + "'");
            }
            return value;
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }
}
