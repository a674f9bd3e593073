package dev.firebreak.detect;

import static dev.firebreak.internal.Bounds.range;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine watches for the early spike, per brand and topic: time buckets, the series detector,
 * the thresholds of each signal with their enter and exit levels (hysteresis), and the cool-down that
 * makes one storm one alert.
 *
 * <p>Series watched with a {@link SeriesDetector} (one detector each): a brand's mentions across
 * platforms, per platform, and per category across platforms. Hashtags are watched by count (a new
 * hashtag has no baseline), own posts by their replies, posts by their shares, authors by their reach.
 *
 * <table>
 *   <caption>Signals and their defaults</caption>
 *   <tr><th>signal</th><th>enters when</th><th>exits when</th></tr>
 *   <tr><td>volume spike</td><td>detector score &ge; 0.9, &ge; 10 mentions in the bucket and &ge; 2 &times;
 *       expected (hashtags: &ge; 15 mentions and &ge; 2 &times; expected)</td>
 *       <td>2 buckets in a row below score 0.5 and below 2 &times; expected</td></tr>
 *   <tr><td>negative-share jump</td><td>&ge; 5 negative mentions, share &ge; 0.4 and &ge; usual + 0.25</td>
 *       <td>2 buckets in a row below usual + 0.125</td></tr>
 *   <tr><td>virality</td><td>a post with &ge; 100 shares and &ge; 200 shares per hour</td><td>per post,
 *       once per cool-down</td></tr>
 *   <tr><td>influential author</td><td>a negative mention by an author with &ge; 100,000 followers</td>
 *       <td>per author, once per cool-down</td></tr>
 *   <tr><td>1-star run</td><td>&ge; 10 one-star reviews within 1 hour</td><td>2 buckets with fewer than 5</td></tr>
 *   <tr><td>own-post backlash</td><td>&ge; 10 negative replies to one own post, &ge; 50% of its replies,
 *       within 24 hours of posting</td><td>per post, once per cool-down</td></tr>
 * </table>
 * After an alert ends, the same signal on the same series stays quiet for the cool-down (1 hour).
 * An alert opens an incident (or joins the open one on its topic) when at least 30% of the mentions
 * behind it are negative, or when the signal is negative by nature (negative share, influencer,
 * 1-star run, own-post backlash).
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #toBuilder()}.
 */
public final class DetectionSettings {

    private final Duration bucket;
    private final DetectorFactory detectors;
    private final double spikeEnterScore;
    private final double spikeExitScore;
    private final int exitBuckets;
    private final long minSpikeMentions;
    private final double spikeRatio;
    private final long minHashtagMentions;
    private final double negativeShareJump;
    private final double minNegativeShare;
    private final long minNegativeMentions;
    private final long influencerFollowers;
    private final long viralMinShares;
    private final double viralSharesPerHour;
    private final int oneStarRun;
    private final Duration oneStarWindow;
    private final int ownPostNegativeReplies;
    private final double ownPostNegativeShare;
    private final Duration ownPostWindow;
    private final Duration coolDown;
    private final double incidentMinNegativeShare;
    private final int maxHashtagSeries;
    private final int maxTrackedPosts;
    private final int recentMentions;

    private DetectionSettings(Builder b) {
        this.bucket = b.bucket;
        this.detectors = b.detectors;
        this.spikeEnterScore = b.spikeEnterScore;
        this.spikeExitScore = b.spikeExitScore;
        this.exitBuckets = b.exitBuckets;
        this.minSpikeMentions = b.minSpikeMentions;
        this.spikeRatio = b.spikeRatio;
        this.minHashtagMentions = b.minHashtagMentions;
        this.negativeShareJump = b.negativeShareJump;
        this.minNegativeShare = b.minNegativeShare;
        this.minNegativeMentions = b.minNegativeMentions;
        this.influencerFollowers = b.influencerFollowers;
        this.viralMinShares = b.viralMinShares;
        this.viralSharesPerHour = b.viralSharesPerHour;
        this.oneStarRun = b.oneStarRun;
        this.oneStarWindow = b.oneStarWindow;
        this.ownPostNegativeReplies = b.ownPostNegativeReplies;
        this.ownPostNegativeShare = b.ownPostNegativeShare;
        this.ownPostWindow = b.ownPostWindow;
        this.coolDown = b.coolDown;
        this.incidentMinNegativeShare = b.incidentMinNegativeShare;
        this.maxHashtagSeries = b.maxHashtagSeries;
        this.maxTrackedPosts = b.maxTrackedPosts;
        this.recentMentions = b.recentMentions;
    }

    /** The defaults of the class comment. */
    public static DetectionSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bucket = bucket;
        b.detectors = detectors;
        b.spikeEnterScore = spikeEnterScore;
        b.spikeExitScore = spikeExitScore;
        b.exitBuckets = exitBuckets;
        b.minSpikeMentions = minSpikeMentions;
        b.spikeRatio = spikeRatio;
        b.minHashtagMentions = minHashtagMentions;
        b.negativeShareJump = negativeShareJump;
        b.minNegativeShare = minNegativeShare;
        b.minNegativeMentions = minNegativeMentions;
        b.influencerFollowers = influencerFollowers;
        b.viralMinShares = viralMinShares;
        b.viralSharesPerHour = viralSharesPerHour;
        b.oneStarRun = oneStarRun;
        b.oneStarWindow = oneStarWindow;
        b.ownPostNegativeReplies = ownPostNegativeReplies;
        b.ownPostNegativeShare = ownPostNegativeShare;
        b.ownPostWindow = ownPostWindow;
        b.coolDown = coolDown;
        b.incidentMinNegativeShare = incidentMinNegativeShare;
        b.maxHashtagSeries = maxHashtagSeries;
        b.maxTrackedPosts = maxTrackedPosts;
        b.recentMentions = recentMentions;
        return b;
    }

    public Duration bucket() { return bucket; }
    public DetectorFactory detectors() { return detectors; }
    public double spikeEnterScore() { return spikeEnterScore; }
    public double spikeExitScore() { return spikeExitScore; }
    public int exitBuckets() { return exitBuckets; }
    public long minSpikeMentions() { return minSpikeMentions; }
    public double spikeRatio() { return spikeRatio; }
    public long minHashtagMentions() { return minHashtagMentions; }
    public double negativeShareJump() { return negativeShareJump; }
    public double minNegativeShare() { return minNegativeShare; }
    public long minNegativeMentions() { return minNegativeMentions; }
    public long influencerFollowers() { return influencerFollowers; }
    public long viralMinShares() { return viralMinShares; }
    public double viralSharesPerHour() { return viralSharesPerHour; }
    public int oneStarRun() { return oneStarRun; }
    public Duration oneStarWindow() { return oneStarWindow; }
    public int ownPostNegativeReplies() { return ownPostNegativeReplies; }
    public double ownPostNegativeShare() { return ownPostNegativeShare; }
    public Duration ownPostWindow() { return ownPostWindow; }
    public Duration coolDown() { return coolDown; }
    public double incidentMinNegativeShare() { return incidentMinNegativeShare; }
    public int maxHashtagSeries() { return maxHashtagSeries; }
    public int maxTrackedPosts() { return maxTrackedPosts; }
    public int recentMentions() { return recentMentions; }

    /** Builds {@link DetectionSettings}; every setter fails fast naming the field and its range. */
    public static final class Builder {
        private Duration bucket = Duration.ofMinutes(5);
        // The one place the engine's default series detector is chosen.
        private DetectorFactory detectors = DetectorConfig.defaults().factory();
        private double spikeEnterScore = 0.9;
        private double spikeExitScore = 0.5;
        private int exitBuckets = 2;
        private long minSpikeMentions = 10;
        private double spikeRatio = 2.0;
        private long minHashtagMentions = 15;
        private double negativeShareJump = 0.25;
        private double minNegativeShare = 0.4;
        private long minNegativeMentions = 5;
        private long influencerFollowers = 100_000;
        private long viralMinShares = 100;
        private double viralSharesPerHour = 200;
        private int oneStarRun = 10;
        private Duration oneStarWindow = Duration.ofHours(1);
        private int ownPostNegativeReplies = 10;
        private double ownPostNegativeShare = 0.5;
        private Duration ownPostWindow = Duration.ofHours(24);
        private Duration coolDown = Duration.ofHours(1);
        private double incidentMinNegativeShare = 0.3;
        private int maxHashtagSeries = 200;
        private int maxTrackedPosts = 1000;
        private int recentMentions = 256;

        private Builder() {
        }

        /** Time bucket of every series, 1 minute to 1 hour, dividing a day evenly. */
        public Builder bucket(Duration bucket) {
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.compareTo(Duration.ofMinutes(1)) < 0 || bucket.compareTo(Duration.ofHours(1)) > 0
                    || Duration.ofDays(1).getSeconds() % bucket.getSeconds() != 0 || bucket.getNano() != 0) {
                throw new IllegalArgumentException("bucket must be whole seconds between 1 minute and 1 hour that divide "
                        + "a day evenly, was " + bucket);
            }
            this.bucket = bucket;
            return this;
        }

        /** The detector of each volume series. */
        public Builder detectors(DetectorFactory detectors) {
            this.detectors = Objects.requireNonNull(detectors, "detectors");
            return this;
        }

        /** Score to enter and to stay in a volume spike, 0 &lt; exit &le; enter &le; 1. */
        public Builder spikeScores(double enter, double exit) {
            if (!(exit > 0 && exit <= enter && enter <= 1)) {
                throw new IllegalArgumentException("spikeScores must satisfy 0 < exit <= enter <= 1, were enter="
                        + enter + ", exit=" + exit);
            }
            this.spikeEnterScore = enter;
            this.spikeExitScore = exit;
            return this;
        }

        /** Quiet buckets in a row that end an alert, 1 to 100. */
        public Builder exitBuckets(int n) {
            this.exitBuckets = range("exitBuckets", n, 1, 100);
            return this;
        }

        /** Mentions a bucket needs for a volume spike, 1 to 10^9. */
        public Builder minSpikeMentions(long n) {
            this.minSpikeMentions = range("minSpikeMentions", n, 1, 1_000_000_000L);
            return this;
        }

        /** Observed over expected a volume spike needs, 1 to 1000. */
        public Builder spikeRatio(double ratio) {
            this.spikeRatio = range("spikeRatio", ratio, 1, 1000);
            return this;
        }

        /** Mentions a hashtag needs in a bucket to spike, 1 to 10^9. */
        public Builder minHashtagMentions(long n) {
            this.minHashtagMentions = range("minHashtagMentions", n, 1, 1_000_000_000L);
            return this;
        }

        /** Rise of the negative share over its usual level, in (0, 1]. */
        public Builder negativeShareJump(double jump) {
            if (!(jump > 0 && jump <= 1)) {
                throw new IllegalArgumentException("negativeShareJump must be in (0, 1], was " + jump);
            }
            this.negativeShareJump = jump;
            return this;
        }

        /** Lowest negative share that can alert, in [0, 1]. */
        public Builder minNegativeShare(double share) {
            this.minNegativeShare = range("minNegativeShare", share, 0, 1);
            return this;
        }

        /** Negative mentions a bucket needs for a negative-share jump, 1 to 10^9. */
        public Builder minNegativeMentions(long n) {
            this.minNegativeMentions = range("minNegativeMentions", n, 1, 1_000_000_000L);
            return this;
        }

        /** Followers from which a negative author raises an alert, 1 to 10^12. */
        public Builder influencerFollowers(long n) {
            this.influencerFollowers = range("influencerFollowers", n, 1, 1_000_000_000_000L);
            return this;
        }

        /** Shares a post needs, and shares per hour, to be viral. */
        public Builder virality(long minShares, double sharesPerHour) {
            this.viralMinShares = range("virality.minShares", minShares, 1, 1_000_000_000L);
            this.viralSharesPerHour = range("virality.sharesPerHour", sharesPerHour, 1, 1e9);
            return this;
        }

        /** One-star reviews within a window that make a run: 2 to 10^6 reviews, 1 minute to 7 days. */
        public Builder oneStarRun(int reviews, Duration window) {
            this.oneStarRun = range("oneStarRun.reviews", reviews, 2, 1_000_000);
            this.oneStarWindow = range("oneStarRun.window", window, Duration.ofMinutes(1), Duration.ofDays(7));
            return this;
        }

        /**
         * Negative replies to one own post, their share of its replies, and how long after posting they
         * count: 1 to 10^6 replies, share in (0, 1], 1 minute to 30 days.
         */
        public Builder ownPostBacklash(int negativeReplies, double negativeShare, Duration window) {
            this.ownPostNegativeReplies = range("ownPostBacklash.negativeReplies", negativeReplies, 1, 1_000_000);
            if (!(negativeShare > 0 && negativeShare <= 1)) {
                throw new IllegalArgumentException("ownPostBacklash.negativeShare must be in (0, 1], was "
                        + negativeShare);
            }
            this.ownPostNegativeShare = negativeShare;
            this.ownPostWindow = range("ownPostBacklash.window", window, Duration.ofMinutes(1), Duration.ofDays(30));
            return this;
        }

        /** Quiet time after an alert ends before the same signal alerts again, 0 to 7 days. */
        public Builder coolDown(Duration coolDown) {
            this.coolDown = range("coolDown", coolDown, Duration.ZERO, Duration.ofDays(7));
            return this;
        }

        /** Negative share of an alert's mentions from which it opens an incident, in [0, 1]. */
        public Builder incidentMinNegativeShare(double share) {
            this.incidentMinNegativeShare = range("incidentMinNegativeShare", share, 0, 1);
            return this;
        }

        /** Hashtags watched per brand (least recently used are dropped), 0 to 100,000. */
        public Builder maxHashtagSeries(int n) {
            this.maxHashtagSeries = range("maxHashtagSeries", n, 0, 100_000);
            return this;
        }

        /** Posts whose shares are tracked per brand (least recently used are dropped), 0 to 1,000,000. */
        public Builder maxTrackedPosts(int n) {
            this.maxTrackedPosts = range("maxTrackedPosts", n, 0, 1_000_000);
            return this;
        }

        /** Recent mentions kept per brand to explain alerts, 16 to 100,000. */
        public Builder recentMentions(int n) {
            this.recentMentions = range("recentMentions", n, 16, 100_000);
            return this;
        }

        public DetectionSettings build() {
            return new DetectionSettings(this);
        }

    }
}
