package dev.firebreak.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * The spike detector for one series: it scores how far each value goes beyond everything the series
 * has shown before, on four views of the series at once.
 *
 * <ol>
 *   <li>the value itself: a spike or a drop past every earlier value;</li>
 *   <li>the residual from a seasonal baseline that follows the time of day (a profile of
 *       {@link DetectorConfig#seasonalBinsPerDay()} bins) and the day of the week (an offset per weekday,
 *       the mean deviation of that whole day, used from the second week on): an unusual value for this
 *       hour and weekday (a night-time burst that would be ordinary at noon).
 *       This view scores only while the seasonal baseline predicts the series better than its plain
 *       deseasonalised level does (a smaller mean absolute error, both errors averaged over about the last
 *       100 values): on a series without a daily rhythm the residual is just the noise of two days
 *       added up, and would only raise false alarms;</li>
 *   <li>a smoothed level: a sustained shift or a dense burst that no single value reveals;</li>
 *   <li>the variability, a smoothed mean of the change from one value to the next: a series that starts
 *       to swing or to spike more often, even inside the range of values it has shown before.</li>
 * </ol>
 *
 * <p>For each view the detector remembers the lowest and highest value seen (optionally drifting back
 * towards the middle, {@link DetectorConfig#rangeHalfLife()}). The <em>novelty</em> of a value is how far
 * it lies outside that range, as a fraction of the range; the score is {@code novelty / (novelty + scale)}
 * for the most novel view ({@link DetectorConfig#scoreScale()}), so 0 means "seen before", 0.5 means
 * "beyond the range by {@code scale} of its width" and values near 1 mean "far beyond anything seen".
 * Because the range widens to include each new extreme, a storm scores high at its first buckets, when an
 * early alert matters, and not again for the same height: one storm, one spike of the score.
 *
 * <p>The buckets that follow a high score often break the new range again by a little (the rest of a rising
 * edge, the next burst of the same storm). A score is therefore reported only if it clears a bar: the
 * highest score reported recently, fading with a half-life of {@link DetectorConfig#repeatHalfLife()}
 * observations; a score below the bar is reported as 0. A storm that grows past its first alert still
 * scores again.
 *
 * <p>Online (a score uses only this value and earlier ones), deterministic, constant memory: the state
 * is a fixed set of numbers, about 90 with the default 24 time-of-day bins ({@link #snapshot()}). Missing buckets need no
 * special care: the seasonal baseline is indexed by the bucket's time, the rest by observation. Not
 * thread-safe: one instance per series, called under that series' lock. Any finite value is accepted;
 * magnitudes beyond 1e150 are treated as 1e150 so that the state never overflows.
 *
 * <pre>{@code
 * AdaptiveDetector detector = DetectorConfig.defaults().newDetector();
 * double score = detector.observe(bucketStart, mentionsInBucket);
 * if (score >= 0.9) { ... }
 * }</pre>
 */
public final class AdaptiveDetector implements SeriesDetector {

    /** The watched views: the value, the seasonal residual, the smoothed level, the variability. */
    static final int FEATURES = 4;
    private static final int VALUE = 0;
    private static final int RESIDUAL = 1;
    private static final int SMOOTHED = 2;
    private static final int VARIABILITY = 3;

    private static final long DAY = 86_400L;
    private static final long WEEK = 7 * DAY;
    /** Rate of the mean absolute value that sets the smallest range that counts. */
    private static final double MAGNITUDE_RATE = 0.01;
    /** The smallest range that counts, as a fraction of the mean absolute value. */
    private static final double MIN_RANGE = 0.01;
    /** How many typical residuals one value may pull the seasonal baseline by. */
    private static final double CLIP = 8;
    /** Rate of the typical residual. */
    private static final double SPREAD_RATE = 0.05;
    /** Rate of the two mean absolute errors that tell whether the seasonal baseline fits. */
    private static final double FIT_RATE = 0.01;
    /** Values are clamped to +-LIMIT so that no sum or difference of the state can overflow. */
    private static final double LIMIT = 1e150;
    /** The smallest range that counts for an all-zero series. */
    private static final double TINY = 1e-11;

    private final DetectorConfig config;
    private final double shrink;
    private final double fade;
    private final long binSeconds;
    private final long seasonalWarmUpSeconds;

    private long observations;
    private long firstSecond;
    private long lastSecond;
    private double magnitude;
    private double baseline;
    private double smoothed;
    private double previous;
    private double variability;
    private double spread;
    private double seasonalError;
    private double plainError;
    private double bar;
    /**
     * The time-of-day offsets and how many values each bin learnt, side by side: {@code {daily[0], count[0],
     * daily[1], count[1], ...}} (a count is a whole number, exact as a double far beyond any count reached), so
     * that a value reads and writes one cache line of one array for both (the detectors of a brand's series are
     * cold by the time its next bucket closes).
     */
    private final double[] seasonal;
    private final double[] weekly = new double[7];
    private final long[] weeklyCounts = new long[7];
    private long currentDay;
    private double dayTotal;
    private long dayCount;
    /** Per feature: its range's top at {@code 2 * feature}, its bottom at {@code 2 * feature + 1}. */
    private final double[] ranges = new double[2 * FEATURES];
    /** Bit {@code feature}: whether the feature has a range yet. */
    private int tracking;

    /** A fresh detector; {@link DetectorConfig#newDetector()} is the usual way to get one. */
    public AdaptiveDetector(DetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.shrink = config.rangeHalfLife() == 0 ? 0 : -Math.expm1(-Math.log(2) / config.rangeHalfLife());
        this.fade = config.repeatHalfLife() == 0 ? 0 : Math.exp(-Math.log(2) / config.repeatHalfLife());
        this.binSeconds = DAY / config.seasonalBinsPerDay();
        this.seasonalWarmUpSeconds = config.seasonalWarmUp().getSeconds();
        this.seasonal = new double[2 * config.seasonalBinsPerDay()];
    }

    /**
     * A detector that continues from a snapshot exactly as the detector it was taken from would have.
     *
     * @throws IllegalArgumentException if the snapshot does not fit the configuration (a different
     *     number of seasonal bins)
     */
    public static AdaptiveDetector restore(DetectorConfig config, DetectorSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        AdaptiveDetector d = new AdaptiveDetector(config);
        int bins = d.seasonal.length / 2;
        if (snapshot.daily().length != bins) {
            throw new IllegalArgumentException("the snapshot has " + snapshot.daily().length
                    + " time-of-day bins but the configuration has " + bins);
        }
        if (snapshot.high().length != FEATURES) {
            throw new IllegalArgumentException("the snapshot watches " + snapshot.high().length
                    + " features, this detector " + FEATURES);
        }
        d.observations = snapshot.observations();
        d.firstSecond = snapshot.firstSecond();
        d.lastSecond = snapshot.lastSecond();
        d.magnitude = snapshot.magnitude();
        d.baseline = snapshot.baseline();
        d.smoothed = snapshot.smoothed();
        d.previous = snapshot.previous();
        d.variability = snapshot.variability();
        d.spread = snapshot.spread();
        d.seasonalError = snapshot.seasonalError();
        d.plainError = snapshot.plainError();
        d.bar = snapshot.bar();
        double[] daily = snapshot.daily();
        long[] dailyCounts = snapshot.dailyCounts();
        for (int b = 0; b < bins; b++) {
            d.seasonal[2 * b] = daily[b];
            d.seasonal[2 * b + 1] = dailyCounts[b];
        }
        System.arraycopy(snapshot.weekly(), 0, d.weekly, 0, 7);
        System.arraycopy(snapshot.weeklyCounts(), 0, d.weeklyCounts, 0, 7);
        d.currentDay = snapshot.currentDay();
        d.dayTotal = snapshot.dayTotal();
        d.dayCount = snapshot.dayCount();
        double[] high = snapshot.high();
        double[] low = snapshot.low();
        boolean[] tracking = snapshot.tracking();
        for (int f = 0; f < FEATURES; f++) {
            d.ranges[2 * f] = high[f];
            d.ranges[2 * f + 1] = low[f];
            if (tracking[f]) {
                d.tracking |= 1 << f;
            }
        }
        return d;
    }

    /** The settings of this detector. */
    public DetectorConfig config() {
        return config;
    }

    /** How many values this detector has observed. */
    public long observations() {
        return observations;
    }

    /** The whole state as a value; see {@link DetectorSnapshot}. */
    public DetectorSnapshot snapshot() {
        int bins = seasonal.length / 2;
        double[] daily = new double[bins];
        long[] dailyCounts = new long[bins];
        for (int b = 0; b < bins; b++) {
            daily[b] = seasonal[2 * b];
            dailyCounts[b] = (long) seasonal[2 * b + 1];
        }
        double[] high = new double[FEATURES];
        double[] low = new double[FEATURES];
        boolean[] tracking = new boolean[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            high[f] = ranges[2 * f];
            low[f] = ranges[2 * f + 1];
            tracking[f] = (this.tracking & 1 << f) != 0;
        }
        return new DetectorSnapshot(observations, firstSecond, lastSecond, magnitude, baseline, smoothed, previous, variability, spread,
                seasonalError, plainError, bar, daily,
                dailyCounts, weekly, weeklyCounts, currentDay, dayTotal, dayCount, high, low, tracking);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A bucket that does not start after the previous one (a repeated or out-of-order timestamp, as
     * clock changes produce in exported data) is scored like any other: its time only picks the seasonal
     * bin.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite; the state is then unchanged
     */
    @Override
    public double observe(Instant bucketStart, double value) {
        Objects.requireNonNull(bucketStart, "bucketStart");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, was " + value + " at " + bucketStart);
        }
        long second = bucketStart.getEpochSecond();
        double v = Math.max(-LIMIT, Math.min(LIMIT, value));
        if (observations == 0) {
            firstSecond = second;
            magnitude = Math.abs(v);
            baseline = v;
            smoothed = v;
            previous = v;
        }
        observations++;
        lastSecond = Math.max(lastSecond, second);
        long age = Math.max(0, second - firstSecond);

        // the seasonal baseline's prediction for this bucket, before it learns from it
        int bin = (int) (Math.floorMod(second, DAY) / binSeconds);
        int weekday = weekday(Math.floorDiv(second, DAY));
        boolean weekLearned = config.weekly() && age >= WEEK;
        double weekOffset = weekLearned ? weekly[weekday] : 0;
        double[] sea = seasonal;
        double residual = v - (baseline + sea[2 * bin] + weekOffset);

        // learn from the value, but limit how far one outlier can pull the baseline (robust Holt-Winters)
        double limit = CLIP * spread + MIN_RANGE * magnitude + TINY;
        double learn = observations > 1 ? v - residual + Math.max(-limit, Math.min(limit, residual)) : v;
        spread += SPREAD_RATE * (Math.min(Math.abs(residual), 4 * limit) - spread);
        seasonalError += FIT_RATE * (Math.min(Math.abs(residual), 4 * limit) - seasonalError);
        plainError += FIT_RATE * (Math.min(Math.abs(v - baseline), 4 * limit) - plainError);
        baseline += config.baselineRate() * (learn - sea[2 * bin] - weekOffset - baseline);
        double binCount = sea[2 * bin + 1] + 1;
        sea[2 * bin + 1] = binCount;
        sea[2 * bin] += Math.max(config.seasonalRate(), 1.0 / binCount)
                * (learn - baseline - weekOffset - sea[2 * bin]);
        if (config.weekly()) {
            learnWeekday(second, learn - baseline - sea[2 * bin]);
        }
        if (observations > 1) {
            smoothed += config.levelSmoothing() * (v - smoothed);
            variability += config.variabilitySmoothing() * (Math.abs(v - previous) - variability);
        }
        previous = v;
        magnitude += (Math.abs(v) - magnitude) * Math.max(MAGNITUDE_RATE, 1.0 / observations);
        double minRange = MIN_RANGE * magnitude + TINY;

        double novelty = 0;
        novelty = Math.max(novelty, watch(VALUE, v, minRange));
        if (age >= seasonalWarmUpSeconds) {
            double residualNovelty = watch(RESIDUAL, residual, minRange);
            if (seasonalError < plainError) {
                novelty = Math.max(novelty, residualNovelty);
            }
        }
        novelty = Math.max(novelty, watch(SMOOTHED, smoothed, minRange));
        novelty = Math.max(novelty, watch(VARIABILITY, variability, minRange));
        if (observations <= config.warmUp()) {
            return 0;
        }
        double score = novelty / (novelty + config.scoreScale());
        double reported = score > bar ? score : 0;
        bar = Math.max(bar * fade, reported);
        return reported;
    }

    /**
     * Adds one deviation from the time-of-day baseline to the current day's mean; when a new day starts,
     * moves the finished day's weekday offset towards that day's mean. A weekday offset is thereby the
     * typical level of a whole Monday (say), not of its last few hours.
     */
    private void learnWeekday(long second, double deviation) {
        long day = Math.floorDiv(second, DAY);
        if (day != currentDay) {
            if (dayCount > 0) {
                int weekday = weekday(currentDay);
                double mean = dayTotal / dayCount;
                weekly[weekday] = weeklyCounts[weekday] == 0 ? mean
                        : weekly[weekday] + config.weeklyRate() * (mean - weekly[weekday]);
                weeklyCounts[weekday]++;
            }
            currentDay = day;
            dayTotal = 0;
            dayCount = 0;
        }
        dayTotal += deviation;
        dayCount++;
    }

    /** Monday = 0 for a day counted from 1970-01-01 (a Thursday). */
    private static int weekday(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /** The novelty of {@code v} for one feature, then widens (and slowly shrinks) that feature's range. */
    private double watch(int feature, double v, double minRange) {
        double[] r = ranges;
        if ((tracking & 1 << feature) == 0) {
            tracking |= 1 << feature;
            r[2 * feature] = v;
            r[2 * feature + 1] = v;
            return 0;
        }
        double hi = r[2 * feature];
        double lo = r[2 * feature + 1];
        double novelty = Math.max(v - hi, lo - v) / Math.max(hi - lo, minRange);
        if (shrink > 0) {
            double mid = 0.5 * (hi + lo);
            hi -= shrink * (hi - mid);
            lo += shrink * (mid - lo);
        }
        r[2 * feature] = Math.max(hi, v);
        r[2 * feature + 1] = Math.min(lo, v);
        return Math.max(novelty, 0);
    }
}
