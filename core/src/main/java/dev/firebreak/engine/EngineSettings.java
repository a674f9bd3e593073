package dev.firebreak.engine;

import static dev.firebreak.internal.Bounds.range;

import java.time.Duration;

/**
 * How the engine remembers mentions and groups them into incidents.
 *
 * <ul>
 *   <li><b>Dedup memory</b>: each brand remembers the mentions it took for {@code dedupWindow}
 *       (default 48 hours) and at most {@code dedupCapacity} of them (default 100,000, about 100 bytes
 *       each), the oldest forgotten first. The same {@code (platform, id)} seen again within that memory
 *       counts once (a later copy updates engagement and visibility); one seen again after it was
 *       forgotten counts again.</li>
 *   <li><b>Grouping</b>: a mention joins an open incident of its brand when it replies to, shares or
 *       belongs to the conversation of a mention of that incident, or replies to the own post an
 *       incident is about, or carries the hashtag an incident is about (strong links, any time while
 *       the incident is open); or when it is negative or a complaint and its main category (or, without
 *       one, the brand as a whole) is the topic of an incident whose last mention is less than
 *       {@code groupingWindow} old (default 6 hours).</li>
 *   <li><b>Merging</b>: two open incidents of a brand are one story, and the younger is merged into the
 *       older, when one mention has strong links to both; when {@code mergeAfterSharedMentions}
 *       (default 3) negative mentions strongly linked to one also fall in the other's category; or
 *       when at least {@code mergeOverlap} (default 30%) of the mentions behind an alert on one's
 *       topic already belong to the other.</li>
 *   <li><b>Closing</b>: a responding incident with no new negative mention for {@code autoMonitorAfter}
 *       (default 2 hours) moves to monitoring; a monitoring incident quiet for {@code autoResolveAfter}
 *       (default 48 hours) is resolved; {@link Duration#ZERO} disables either. Closed incidents stay
 *       queryable for {@code closedRetention} (default 30 days).</li>
 * </ul>
 */
public final class EngineSettings {

    private final Duration dedupWindow;
    private final int dedupCapacity;
    private final Duration groupingWindow;
    private final int mergeAfterSharedMentions;
    private final double mergeOverlap;
    private final Duration autoMonitorAfter;
    private final Duration autoResolveAfter;
    private final Duration closedRetention;
    private final int maxSamples;
    private final int maxAuthorsPerIncident;

    private EngineSettings(Builder b) {
        this.dedupWindow = b.dedupWindow;
        this.dedupCapacity = b.dedupCapacity;
        this.groupingWindow = b.groupingWindow;
        this.mergeAfterSharedMentions = b.mergeAfterSharedMentions;
        this.mergeOverlap = b.mergeOverlap;
        this.autoMonitorAfter = b.autoMonitorAfter;
        this.autoResolveAfter = b.autoResolveAfter;
        this.closedRetention = b.closedRetention;
        this.maxSamples = b.maxSamples;
        this.maxAuthorsPerIncident = b.maxAuthorsPerIncident;
    }

    /** The defaults of the class comment. */
    public static EngineSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dedupWindow = dedupWindow;
        b.dedupCapacity = dedupCapacity;
        b.groupingWindow = groupingWindow;
        b.mergeAfterSharedMentions = mergeAfterSharedMentions;
        b.mergeOverlap = mergeOverlap;
        b.autoMonitorAfter = autoMonitorAfter;
        b.autoResolveAfter = autoResolveAfter;
        b.closedRetention = closedRetention;
        b.maxSamples = maxSamples;
        b.maxAuthorsPerIncident = maxAuthorsPerIncident;
        return b;
    }

    public Duration dedupWindow() { return dedupWindow; }
    public int dedupCapacity() { return dedupCapacity; }
    public Duration groupingWindow() { return groupingWindow; }
    public int mergeAfterSharedMentions() { return mergeAfterSharedMentions; }
    public double mergeOverlap() { return mergeOverlap; }
    public Duration autoMonitorAfter() { return autoMonitorAfter; }
    public Duration autoResolveAfter() { return autoResolveAfter; }
    public Duration closedRetention() { return closedRetention; }
    public int maxSamples() { return maxSamples; }
    public int maxAuthorsPerIncident() { return maxAuthorsPerIncident; }

    /** Builds {@link EngineSettings}; every setter fails fast naming the field and its range. */
    public static final class Builder {
        private Duration dedupWindow = Duration.ofHours(48);
        private int dedupCapacity = 100_000;
        private Duration groupingWindow = Duration.ofHours(6);
        private int mergeAfterSharedMentions = 3;
        private double mergeOverlap = 0.3;
        private Duration autoMonitorAfter = Duration.ofHours(2);
        private Duration autoResolveAfter = Duration.ofHours(48);
        private Duration closedRetention = Duration.ofDays(30);
        private int maxSamples = 10;
        private int maxAuthorsPerIncident = 100_000;

        private Builder() {
        }

        /** How long a brand remembers a mention for dedup and linking, 1 minute to 30 days. */
        public Builder dedupWindow(Duration d) {
            dedupWindow = range("dedupWindow", d, Duration.ofMinutes(1), Duration.ofDays(30));
            return this;
        }

        /** How many mentions a brand remembers at most, 100 to 10,000,000. */
        public Builder dedupCapacity(int n) {
            dedupCapacity = range("dedupCapacity", n, 100, 10_000_000);
            return this;
        }

        /** How long after its last mention an incident still takes related mentions by topic, 1 minute to 30 days. */
        public Builder groupingWindow(Duration d) {
            groupingWindow = range("groupingWindow", d, Duration.ofMinutes(1), Duration.ofDays(30));
            return this;
        }

        /** Mentions tying two incidents before they merge, 1 to 1,000. */
        public Builder mergeAfterSharedMentions(int n) {
            mergeAfterSharedMentions = range("mergeAfterSharedMentions", n, 1, 1000);
            return this;
        }

        /** Share of an alert's mentions already in another incident that merges the two, in (0, 1]. */
        public Builder mergeOverlap(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("mergeOverlap must be in (0, 1], was " + share);
            }
            mergeOverlap = share;
            return this;
        }

        /** Quiet time after which a responding incident moves to monitoring; 0 (off) to 30 days. */
        public Builder autoMonitorAfter(Duration d) {
            autoMonitorAfter = range("autoMonitorAfter", d, Duration.ZERO, Duration.ofDays(30));
            return this;
        }

        /** Quiet time after which a monitoring incident is resolved; 0 (off) to 365 days. */
        public Builder autoResolveAfter(Duration d) {
            autoResolveAfter = range("autoResolveAfter", d, Duration.ZERO, Duration.ofDays(365));
            return this;
        }

        /** How long resolved and reviewed incidents stay in memory, 1 hour to 365 days. */
        public Builder closedRetention(Duration d) {
            closedRetention = range("closedRetention", d, Duration.ofHours(1), Duration.ofDays(365));
            return this;
        }

        /** Sample mentions kept per incident, 1 to 100. */
        public Builder maxSamples(int n) {
            maxSamples = range("maxSamples", n, 1, 100);
            return this;
        }

        /**
         * Distinct authors remembered per incident, 10 to 10,000,000; beyond it every new mention's
         * author counts as new (the count may then overstate).
         */
        public Builder maxAuthorsPerIncident(int n) {
            maxAuthorsPerIncident = range("maxAuthorsPerIncident", n, 10, 10_000_000);
            return this;
        }

        public EngineSettings build() {
            return new EngineSettings(this);
        }
    }
}
