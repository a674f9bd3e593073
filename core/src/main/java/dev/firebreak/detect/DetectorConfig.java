package dev.firebreak.detect;

import static dev.firebreak.internal.Bounds.range;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link AdaptiveDetector}. Immutable; start from {@link #defaults()} or {@link #builder()}
 * and change what you need with {@link #toBuilder()}. The defaults are the settings measured on the
 * Numenta Anomaly Benchmark (see docs/spike-detection.md) and suit mention volumes per 5-minute bucket as well as
 * machine metrics; one configuration serves every series.
 *
 * @param warmUp the number of first observations that only train the detector and score 0
 * @param levelSmoothing the weight of the newest value in the smoothed level (an exponentially weighted
 *     mean) whose new highs and lows reveal sustained shifts; in (0, 1]
 * @param variabilitySmoothing the weight of the newest change (the absolute difference from the previous
 *     value) in the variability, whose new highs reveal a series that starts to swing or spike more often;
 *     in (0, 1]
 * @param seasonalBinsPerDay the number of time-of-day bins of the seasonal baseline; 1 to 288, dividing
 *     a day into equal parts (24 = one bin per hour)
 * @param weekly whether the baseline also follows the day of the week: an offset per weekday, the mean
 *     deviation of that whole day from the time-of-day baseline, used from the second week on
 * @param seasonalWarmUp how long the seasonal baseline learns before its residuals are watched
 * @param seasonalRate the learning rate of the time-of-day profile once each bin has a few values; in (0, 1]
 * @param weeklyRate how far a finished day moves its weekday's offset towards that day's mean deviation
 *     (once per week and weekday); in (0, 1]
 * @param baselineRate the learning rate of the deseasonalised base level; in (0, 1]
 * @param rangeHalfLife after how many observations the remembered extremes have drawn half-way back
 *     towards the middle of the range, so that an old storm does not mask a new one forever;
 *     0 to never forget
 * @param scoreScale the novelty (the distance beyond the remembered range, as a fraction of the range)
 *     at which the score is 0.5; greater than 0
 * @param repeatHalfLife after how many observations a reported score has faded to half its height in
 *     the bar that the next score must clear to be reported (lower scores are reported as 0), so that the
 *     buckets that follow the start of a storm do not each alert again; 0 to report every score
 * @param coarseBuckets how many consecutive buckets make one bucket of the coarse view, which watches the
 *     seasonal residual of the series' mean over those buckets with a seasonal baseline of its own, so that
 *     a moderate shift that lasts (a quiet holiday, a slow swing) stands out once the noise of single buckets
 *     is averaged away; coarse buckets restart at each midnight (UTC), so that they cover the same times of
 *     day every day; 0 turns the view off, otherwise 2 to 1,000
 * @param coarseWarmUp how many observations of the series the coarse view learns from (its coarse buckets
 *     times {@link #coarseBuckets()}) before it scores: its residual range needs several days to settle;
 *     0 to 1,000,000
 */
public record DetectorConfig(
        int warmUp,
        double levelSmoothing,
        double variabilitySmoothing,
        int seasonalBinsPerDay,
        boolean weekly,
        Duration seasonalWarmUp,
        double seasonalRate,
        double weeklyRate,
        double baselineRate,
        long rangeHalfLife,
        double scoreScale,
        long repeatHalfLife,
        int coarseBuckets,
        int coarseWarmUp) {

    private static final DetectorConfig DEFAULTS = new DetectorConfig(288, 0.05, 0.02, 24, true, Duration.ofDays(1),
            0.05, 0.3, 0.003, 50_000, 0.05, 36, 4, 1_500);

    /** Validates every field; see the builder's setters for the ranges. */
    public DetectorConfig {
        Objects.requireNonNull(seasonalWarmUp, "seasonalWarmUp");
        range("warmUp", warmUp, 0, 1_000_000);
        checkRate("levelSmoothing", levelSmoothing);
        checkRate("variabilitySmoothing", variabilitySmoothing);
        range("seasonalBinsPerDay", seasonalBinsPerDay, 1, 288);
        if (86_400 % seasonalBinsPerDay != 0) {
            throw new IllegalArgumentException("seasonalBinsPerDay must be a divisor of 86400 between 1 and 288 (whole seconds per bin),"
                    + " was " + seasonalBinsPerDay);
        }
        if (seasonalWarmUp.isNegative() || seasonalWarmUp.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("seasonalWarmUp must be between 0 and 365 days, was " + seasonalWarmUp);
        }
        checkRate("seasonalRate", seasonalRate);
        checkRate("weeklyRate", weeklyRate);
        checkRate("baselineRate", baselineRate);
        if (rangeHalfLife < 0) {
            throw new IllegalArgumentException("rangeHalfLife must be 0 (never forget) or a positive number of"
                    + " observations, was " + rangeHalfLife);
        }
        if (!(scoreScale > 0) || Double.isInfinite(scoreScale)) {
            throw new IllegalArgumentException("scoreScale must be a finite number greater than 0, was " + scoreScale);
        }
        range("repeatHalfLife", repeatHalfLife, 0, 1_000_000);
        checkCoarseBuckets(coarseBuckets);
        range("coarseWarmUp", coarseWarmUp, 0, 1_000_000);
    }

    /** The measured default settings. */
    public static DetectorConfig defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A new detector for one series with these settings. */
    public AdaptiveDetector newDetector() {
        return new AdaptiveDetector(this);
    }

    /**
     * The engine's factory for detectors with these settings: one per series, with snapshots as JSON
     * so that an engine's state (detector baselines included) can be persisted and restored.
     */
    public DetectorFactory factory() {
        return new AdaptiveDetectorFactory(this);
    }

    private static void checkCoarseBuckets(int buckets) {
        if (buckets != 0 && (buckets < 2 || buckets > 1_000)) {
            throw new IllegalArgumentException("coarseBuckets must be 0 (no coarse view) or between 2 and 1000, was "
                    + buckets);
        }
    }

    private static void checkRate(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was " + value);
        }
    }

    /** Builds a {@link DetectorConfig}; every setter checks its value at once. */
    public static final class Builder {
        private int warmUp;
        private double levelSmoothing;
        private double variabilitySmoothing;
        private int seasonalBinsPerDay;
        private boolean weekly;
        private Duration seasonalWarmUp;
        private double seasonalRate;
        private double weeklyRate;
        private double baselineRate;
        private long rangeHalfLife;
        private double scoreScale;
        private long repeatHalfLife;
        private int coarseBuckets;
        private int coarseWarmUp;

        private Builder(DetectorConfig c) {
            warmUp = c.warmUp;
            levelSmoothing = c.levelSmoothing;
            variabilitySmoothing = c.variabilitySmoothing;
            seasonalBinsPerDay = c.seasonalBinsPerDay;
            weekly = c.weekly;
            seasonalWarmUp = c.seasonalWarmUp;
            seasonalRate = c.seasonalRate;
            weeklyRate = c.weeklyRate;
            baselineRate = c.baselineRate;
            rangeHalfLife = c.rangeHalfLife;
            scoreScale = c.scoreScale;
            repeatHalfLife = c.repeatHalfLife;
            coarseBuckets = c.coarseBuckets;
            coarseWarmUp = c.coarseWarmUp;
        }

        /** Observations that only train (score 0); 0 to 1,000,000. */
        public Builder warmUp(int observations) {
            range("warmUp", observations, 0, 1_000_000);
            this.warmUp = observations;
            return this;
        }

        /** Weight of the newest value in the smoothed level; in (0, 1]. */
        public Builder levelSmoothing(double weight) {
            checkRate("levelSmoothing", weight);
            this.levelSmoothing = weight;
            return this;
        }

        /** Weight of the newest change in the variability; in (0, 1]. */
        public Builder variabilitySmoothing(double weight) {
            checkRate("variabilitySmoothing", weight);
            this.variabilitySmoothing = weight;
            return this;
        }

        /** Time-of-day bins of the seasonal baseline; 1 to 288, a divisor of 86400. */
        public Builder seasonalBinsPerDay(int bins) {
            range("seasonalBinsPerDay", bins, 1, 288);
            if (86_400 % bins != 0) {
                throw new IllegalArgumentException("seasonalBinsPerDay must be a divisor of 86400 between 1 and 288 (whole seconds per bin),"
                        + " was " + bins);
            }
            this.seasonalBinsPerDay = bins;
            return this;
        }

        /** Whether the baseline also follows the day of the week. */
        public Builder weekly(boolean weekly) {
            this.weekly = weekly;
            return this;
        }

        /** How long the seasonal baseline learns before its residuals are watched; 0 to 365 days. */
        public Builder seasonalWarmUp(Duration warmUp) {
            Objects.requireNonNull(warmUp, "seasonalWarmUp");
            if (warmUp.isNegative() || warmUp.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("seasonalWarmUp must be between 0 and 365 days, was " + warmUp);
            }
            this.seasonalWarmUp = warmUp;
            return this;
        }

        /** Learning rate of the time-of-day profile; in (0, 1]. */
        public Builder seasonalRate(double rate) {
            checkRate("seasonalRate", rate);
            this.seasonalRate = rate;
            return this;
        }

        /** How far a finished day moves its weekday's offset towards its mean deviation; in (0, 1]. */
        public Builder weeklyRate(double rate) {
            checkRate("weeklyRate", rate);
            this.weeklyRate = rate;
            return this;
        }

        /** Learning rate of the deseasonalised base level; in (0, 1]. */
        public Builder baselineRate(double rate) {
            checkRate("baselineRate", rate);
            this.baselineRate = rate;
            return this;
        }

        /** Half-life of the remembered extremes in observations; 0 to never forget. */
        public Builder rangeHalfLife(long observations) {
            if (observations < 0) {
                throw new IllegalArgumentException("rangeHalfLife must be 0 (never forget) or a positive number of"
                        + " observations, was " + observations);
            }
            this.rangeHalfLife = observations;
            return this;
        }

        /** Novelty at which the score is 0.5; finite, greater than 0. */
        public Builder scoreScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("scoreScale must be a finite number greater than 0, was " + scale);
            }
            this.scoreScale = scale;
            return this;
        }

        /** Half-life, in observations, of the bar a score must clear to be reported; 0 to 1,000,000, 0 to report every score. */
        public Builder repeatHalfLife(long observations) {
            range("repeatHalfLife", observations, 0, 1_000_000);
            this.repeatHalfLife = observations;
            return this;
        }

        /** Buckets per bucket of the coarse view; 0 (no coarse view) or 2 to 1,000. */
        public Builder coarseBuckets(int buckets) {
            checkCoarseBuckets(buckets);
            this.coarseBuckets = buckets;
            return this;
        }

        /** Observations of the series the coarse view learns from before it scores; 0 to 1,000,000. */
        public Builder coarseWarmUp(int observations) {
            range("coarseWarmUp", observations, 0, 1_000_000);
            this.coarseWarmUp = observations;
            return this;
        }

        /** The settings. */
        public DetectorConfig build() {
            return new DetectorConfig(warmUp, levelSmoothing, variabilitySmoothing, seasonalBinsPerDay, weekly, seasonalWarmUp, seasonalRate,
                    weeklyRate, baselineRate, rangeHalfLife, scoreScale, repeatHalfLife, coarseBuckets, coarseWarmUp);
        }
    }
}
