package dev.firebreak.incident;

import static dev.firebreak.internal.Bounds.range;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides problem or crisis from an incident's figures, with documented, monotone rules (more of any
 * figure never lowers the result) and configurable thresholds.
 *
 * <p>An incident is at least {@link Severity#LOW} (one unhappy customer is a problem for standard
 * service). It is at least the highest level whose any rule holds:
 * <table>
 *   <caption>Default thresholds (figures over the last {@code window}, 6 hours; see {@link SeverityInputs} for
 *   how each figure is counted)</caption>
 *   <tr><th>rule</th><th>moderate</th><th>high (crisis)</th><th>critical</th></tr>
 *   <tr><td>distinct negative authors (volume)</td><td>5</td><td>25</td><td>200</td></tr>
 *   <tr><td>negative mentions in one bucket (rate)</td><td>10</td><td>50</td><td>500</td></tr>
 *   <tr><td>followers of negative authors (reach)</td><td>50,000</td><td>1,000,000</td><td>10,000,000</td></tr>
 *   <tr><td>shares + quotes of negative mentions (spread)</td><td>50</td><td>500</td><td>5,000</td></tr>
 *   <tr><td>an influencer (&ge; 100,000 followers) is negative</td><td>alone</td>
 *       <td>with &ge; 5 negative authors</td><td>-</td></tr>
 *   <tr><td>a sensitive category (safety, discrimination, offensive brand content, legal)</td><td>alone</td>
 *       <td>with &ge; 3 negative authors</td><td>with &ge; 25 negative authors</td></tr>
 * </table>
 *
 * <p>When unsure it stays a problem but is flagged to {@code watch}: a problem is flagged when a
 * negative influencer or a sensitive category is involved, or when any figure reaches
 * {@code watchFraction} (default 0.5) of its crisis threshold.
 *
 * <p>The engine promotes an incident as soon as the rules give a higher severity, and demotes it one
 * level only after the rules have given a lower one for {@code calmPeriod} (default 2 hours) without
 * interruption (hysteresis). A demotion therefore goes one level a step, even when the window already
 * assesses several levels lower: its reasons say so and quote that assessment, for example
 * {@code "one level a step, after 120 min of calm (assessed below critical throughout)"} and
 * {@code "the last 6 hours now assess as low: 4 negative authors, below every threshold"}.
 *
 * <p>The reasons name every figure after the {@link SeverityInputs} component it quotes: {@code "N negative
 * authors"} is {@link SeverityInputs#negativeAuthors()} whether or not it reaches a threshold.
 */
public final class SeverityPolicy {

    private static final int MODERATE = 0;
    private static final int HIGH = 1;
    private static final int CRITICAL = 2;
    /** The severity of each threshold level, by index (one array, not one per assessment). */
    private static final Severity[] LEVELS = {Severity.MODERATE, Severity.HIGH, Severity.CRITICAL};

    private final long[] authors;
    private final long[] rate;
    private final long[] reach;
    private final long[] spread;
    private final long influencerFollowers;
    private final long influencerCrisisAuthors;
    private final long sensitiveCrisisAuthors;
    private final long sensitiveCriticalAuthors;
    private final double watchFraction;
    private final Duration window;
    private final Duration calmPeriod;

    private SeverityPolicy(Builder b) {
        this.authors = b.authors.clone();
        this.rate = b.rate.clone();
        this.reach = b.reach.clone();
        this.spread = b.spread.clone();
        this.influencerFollowers = b.influencerFollowers;
        this.influencerCrisisAuthors = b.influencerCrisisAuthors;
        this.sensitiveCrisisAuthors = b.sensitiveCrisisAuthors;
        this.sensitiveCriticalAuthors = b.sensitiveCriticalAuthors;
        this.watchFraction = b.watchFraction;
        this.window = b.window;
        this.calmPeriod = b.calmPeriod;
    }

    /** The default policy of the class comment. */
    public static SeverityPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.authors = authors.clone();
        b.rate = rate.clone();
        b.reach = reach.clone();
        b.spread = spread.clone();
        b.influencerFollowers = influencerFollowers;
        b.influencerCrisisAuthors = influencerCrisisAuthors;
        b.sensitiveCrisisAuthors = sensitiveCrisisAuthors;
        b.sensitiveCriticalAuthors = sensitiveCriticalAuthors;
        b.watchFraction = watchFraction;
        b.window = window;
        b.calmPeriod = calmPeriod;
        return b;
    }

    /** Followers from which a negative author counts as an influencer. */
    public long influencerFollowers() {
        return influencerFollowers;
    }

    /** The recent window the figures are taken over. */
    public Duration window() {
        return window;
    }

    /** How long the rules must give a lower severity before the engine demotes one level. */
    public Duration calmPeriod() {
        return calmPeriod;
    }

    /** Applies the rules. */
    public SeverityAssessment assess(SeverityInputs in) {
        Objects.requireNonNull(in, "in");
        Severity result = Severity.LOW;
        List<String> reasons = new ArrayList<>(3);
        for (int i = CRITICAL; i >= MODERATE && result == Severity.LOW; i--) {
            String why = thresholdReason(in, i);
            if (why != null) {
                result = LEVELS[i];
                reasons.add(why);
            }
        }
        boolean influencer = in.maxNegativeAuthorFollowers() >= influencerFollowers;
        if (influencer) {
            Severity s = in.negativeAuthors() >= influencerCrisisAuthors ? Severity.HIGH : Severity.MODERATE;
            if (s.compareTo(result) >= 0) {
                if (s.isAbove(result)) {
                    reasons.clear();
                }
                result = s;
                reasons.add("influencer (" + in.maxNegativeAuthorFollowers() + " followers) with "
                        + in.negativeAuthors() + " negative author" + (in.negativeAuthors() == 1 ? "" : "s"));
            }
        }
        if (in.sensitiveCategory()) {
            Severity s = in.negativeAuthors() >= sensitiveCriticalAuthors ? Severity.CRITICAL
                    : in.negativeAuthors() >= sensitiveCrisisAuthors ? Severity.HIGH : Severity.MODERATE;
            if (s.compareTo(result) >= 0) {
                if (s.isAbove(result)) {
                    reasons.clear();
                }
                result = s;
                reasons.add("sensitive category with " + in.negativeAuthors() + " negative author"
                        + (in.negativeAuthors() == 1 ? "" : "s"));
            }
        }
        if (reasons.isEmpty()) {
            // (the same figure, under the same name, as the "N negative authors (threshold T)" of the rules)
            reasons.add(in.negativeAuthors() == 0 ? "no negative author, below every threshold"
                    : in.negativeAuthors() == 1 ? "1 negative author (a single unhappy customer), below every threshold"
                    : in.negativeAuthors() + " negative authors, below every threshold");
        }
        boolean watch = !result.isCrisis() && (influencer || in.sensitiveCategory() || nearCrisis(in));
        return new SeverityAssessment(result, watch, reasons);
    }

    /**
     * Why these figures are, or are not, flagged to {@code watch} ({@link SeverityAssessment#watch()}), in words,
     * for example {@code "a sensitive category; 14 negative authors, at least 50% of the crisis threshold 25"}, or
     * {@code "a crisis (high)"} (a crisis is handled as one, never flagged).
     */
    public String watchReason(SeverityInputs in) {
        SeverityAssessment a = assess(in);
        if (a.severity().isCrisis()) {
            return "a crisis (" + a.severity().jsonName() + ")";
        }
        if (!a.watch()) {
            return "no negative influencer, no sensitive category, every figure below " + Math.round(watchFraction * 100)
                    + "% of its crisis threshold";
        }
        String share = Math.round(watchFraction * 100) + "% of the crisis threshold ";
        List<String> why = new ArrayList<>(3);
        if (in.maxNegativeAuthorFollowers() >= influencerFollowers) {
            why.add("a negative influencer (" + in.maxNegativeAuthorFollowers() + " followers)");
        }
        if (in.sensitiveCategory()) {
            why.add("a sensitive category");
        }
        if (in.negativeAuthors() >= watchFraction * authors[HIGH]) {
            why.add(in.negativeAuthors() + " negative authors, at least " + share + authors[HIGH]);
        }
        if (in.peakNegativeRate() >= watchFraction * rate[HIGH]) {
            why.add(in.peakNegativeRate() + " negative mentions in one bucket, at least " + share + rate[HIGH]);
        }
        if (in.negativeReach() >= watchFraction * reach[HIGH]) {
            why.add("reach " + in.negativeReach() + ", at least " + share + reach[HIGH]);
        }
        if (in.negativeSpread() >= watchFraction * spread[HIGH]) {
            why.add(in.negativeSpread() + " shares, at least " + share + spread[HIGH]);
        }
        return String.join("; ", why);
    }

    private String thresholdReason(SeverityInputs in, int level) {
        if (in.negativeAuthors() >= authors[level]) {
            return in.negativeAuthors() + " negative authors (threshold " + authors[level] + ")";
        }
        if (in.peakNegativeRate() >= rate[level]) {
            return in.peakNegativeRate() + " negative mentions in one bucket (threshold " + rate[level] + ")";
        }
        if (in.negativeReach() >= reach[level]) {
            return "reach " + in.negativeReach() + " (threshold " + reach[level] + ")";
        }
        if (in.negativeSpread() >= spread[level]) {
            return in.negativeSpread() + " shares (threshold " + spread[level] + ")";
        }
        return null;
    }

    private boolean nearCrisis(SeverityInputs in) {
        return in.negativeAuthors() >= watchFraction * authors[HIGH]
                || in.peakNegativeRate() >= watchFraction * rate[HIGH]
                || in.negativeReach() >= watchFraction * reach[HIGH]
                || in.negativeSpread() >= watchFraction * spread[HIGH];
    }

    /** Builds a {@link SeverityPolicy}; every setter fails fast naming the field and its range. */
    public static final class Builder {
        private long[] authors = {5, 25, 200};
        private long[] rate = {10, 50, 500};
        private long[] reach = {50_000, 1_000_000, 10_000_000};
        private long[] spread = {50, 500, 5_000};
        private long influencerFollowers = 100_000;
        private long influencerCrisisAuthors = 5;
        private long sensitiveCrisisAuthors = 3;
        private long sensitiveCriticalAuthors = 25;
        private double watchFraction = 0.5;
        private Duration window = Duration.ofHours(6);
        private Duration calmPeriod = Duration.ofHours(2);

        private Builder() {
        }

        /** Distinct negative authors for moderate, high and critical; each >= 1 and increasing. */
        public Builder negativeAuthors(long moderate, long high, long critical) {
            authors = ladder("negativeAuthors", moderate, high, critical);
            return this;
        }

        /** Negative mentions in one bucket for moderate, high and critical; each >= 1 and increasing. */
        public Builder peakNegativeRate(long moderate, long high, long critical) {
            rate = ladder("peakNegativeRate", moderate, high, critical);
            return this;
        }

        /** Followers of negative authors for moderate, high and critical; each >= 1 and increasing. */
        public Builder negativeReach(long moderate, long high, long critical) {
            reach = ladder("negativeReach", moderate, high, critical);
            return this;
        }

        /** Shares and quotes of negative mentions for moderate, high and critical; each >= 1 and increasing. */
        public Builder negativeSpread(long moderate, long high, long critical) {
            spread = ladder("negativeSpread", moderate, high, critical);
            return this;
        }

        /** Followers from which an author is an influencer, 1 to 10^12. */
        public Builder influencerFollowers(long followers) {
            influencerFollowers = range("influencerFollowers", followers, 1, 1_000_000_000_000L);
            return this;
        }

        /** Negative authors that, with an influencer, make a crisis; 1 to 10^9. */
        public Builder influencerCrisisAuthors(long n) {
            influencerCrisisAuthors = range("influencerCrisisAuthors", n, 1, 1_000_000_000L);
            return this;
        }

        /** Negative authors that, in a sensitive category, make a crisis (high) and a critical one. */
        public Builder sensitiveAuthors(long high, long critical) {
            range("sensitiveAuthors.high", high, 1, 1_000_000_000L);
            range("sensitiveAuthors.critical", critical, 1, 1_000_000_000L);
            if (critical <= high) {
                throw new IllegalArgumentException("sensitiveAuthors: critical (" + critical + ") must be > high ("
                        + high + ")");
            }
            sensitiveCrisisAuthors = high;
            sensitiveCriticalAuthors = critical;
            return this;
        }

        /** Fraction of a crisis threshold from which a problem is flagged to watch, in (0, 1]. */
        public Builder watchFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("watchFraction must be in (0, 1], was " + fraction);
            }
            watchFraction = fraction;
            return this;
        }

        /** The recent window the figures are taken over, 5 minutes to 7 days. */
        public Builder window(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.compareTo(Duration.ofMinutes(5)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("window must be between 5 minutes and 7 days, was " + window);
            }
            this.window = window;
            return this;
        }

        /** Sustained calm needed before demoting one level, 1 minute to 7 days. */
        public Builder calmPeriod(Duration calm) {
            Objects.requireNonNull(calm, "calm");
            if (calm.compareTo(Duration.ofMinutes(1)) < 0 || calm.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("calmPeriod must be between 1 minute and 7 days, was " + calm);
            }
            this.calmPeriod = calm;
            return this;
        }

        public SeverityPolicy build() {
            return new SeverityPolicy(this);
        }

        private static long[] ladder(String field, long moderate, long high, long critical) {
            if (moderate < 1 || high <= moderate || critical <= high) {
                throw new IllegalArgumentException(field + " thresholds must satisfy 1 <= moderate < high < critical, were "
                        + moderate + ", " + high + ", " + critical);
            }
            return new long[] {moderate, high, critical};
        }
    }
}
