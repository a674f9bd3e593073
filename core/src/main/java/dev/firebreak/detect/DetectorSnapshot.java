package dev.firebreak.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The whole state of an {@link AdaptiveDetector} as a value: primitives, primitive arrays and the snapshot
 * of the coarse view's detector, so it serialises as it is with Jackson (or any other mapper) for a journal or a state store. Restore with
 * {@link AdaptiveDetector#restore(DetectorConfig, DetectorSnapshot)}; the restored detector continues
 * exactly as the original would have. Its size is fixed by the configuration, never by the length of
 * the series.
 *
 * <p>The arrays are copied on the way in and out; {@code equals} and {@code hashCode} compare contents.
 *
 * @param observations how many values have been observed
 * @param firstSecond the first bucket start, in epoch seconds (0 before the first observation)
 * @param lastSecond the latest bucket start, in epoch seconds (0 before the first observation)
 * @param magnitude the smoothed mean absolute value, which sets the smallest range that counts
 * @param baseline the deseasonalised base level
 * @param smoothed the smoothed level
 * @param previous the latest value
 * @param variability the smoothed mean absolute change from one value to the next
 * @param spread the typical size of a residual from the seasonal baseline
 * @param seasonalError the slowly averaged absolute residual from the seasonal baseline
 * @param plainError the slowly averaged absolute deviation from the deseasonalised level; while it is not
 *     larger than {@code seasonalError} the seasonal residual does not score
 * @param bar the score that the next score must exceed to be reported: the highest reported score, faded
 *     with the configured half-life (0 before any score was reported); in [0, 1]
 * @param daily the time-of-day offsets, one per bin
 * @param dailyCounts how many values each time-of-day bin has learned from
 * @param weekly the day-of-week offsets, Monday first
 * @param weeklyCounts how many days each day-of-week offset has learned from
 * @param currentDay the day (counted from 1970-01-01) whose mean deviation is being summed up
 * @param dayTotal the sum of the current day's deviations from the time-of-day baseline
 * @param dayCount how many values the current day has had so far
 * @param high the highest remembered value of each watched feature (value, seasonal residual,
 *     smoothed level, variability)
 * @param low the lowest remembered value of each watched feature
 * @param tracking whether each watched feature has started
 * @param coarseSum the sum of the values of the coarse bucket being filled
 * @param coarseCount how many values the coarse bucket being filled has (0 to
 *     {@link DetectorConfig#coarseBuckets()} - 1)
 * @param coarseStart the start of the first bucket of the coarse bucket being filled, in epoch seconds
 * @param coarseBar the highest score reported during the coarse bucket being filled, which the coarse view's
 *     score must beat; in [0, 1]
 * @param coarse the state of the coarse view ({@link DetectorConfig#coarseBuckets()}): the snapshot of the
 *     detector that watches the coarse buckets, or an empty list when the view is off. A snapshot written
 *     before the coarse view existed has no such entry (null when read with Jackson): it is taken as empty,
 *     and the restored detector's coarse view starts afresh
 */
public record DetectorSnapshot(
        long observations,
        long firstSecond,
        long lastSecond,
        double magnitude,
        double baseline,
        double smoothed,
        double previous,
        double variability,
        double spread,
        double seasonalError,
        double plainError,
        double bar,
        double[] daily,
        long[] dailyCounts,
        double[] weekly,
        long[] weeklyCounts,
        long currentDay,
        double dayTotal,
        long dayCount,
        double[] high,
        double[] low,
        boolean[] tracking,
        double coarseSum,
        int coarseCount,
        long coarseStart,
        double coarseBar,
        List<DetectorSnapshot> coarse) {

    /** Checks the arrays' presence and consistent lengths, and copies them. */
    public DetectorSnapshot {
        if (!(coarseBar >= 0 && coarseBar <= 1)) {
            throw new IllegalArgumentException("coarseBar must be in [0, 1], was " + coarseBar);
        }
        if (coarseCount < 0) {
            throw new IllegalArgumentException("coarseCount must be 0 or more, was " + coarseCount);
        }
        coarse = coarse == null ? List.of() : List.copyOf(coarse);
        if (coarse.size() > 1) {
            throw new IllegalArgumentException("coarse must hold at most one snapshot, had " + coarse.size());
        }
        if (observations < 0) {
            throw new IllegalArgumentException("observations must be 0 or more, was " + observations);
        }
        if (dayCount < 0) {
            throw new IllegalArgumentException("dayCount must be 0 or more, was " + dayCount);
        }
        if (!(bar >= 0 && bar <= 1)) {
            throw new IllegalArgumentException("bar must be in [0, 1], was " + bar);
        }
        daily = Objects.requireNonNull(daily, "daily").clone();
        dailyCounts = Objects.requireNonNull(dailyCounts, "dailyCounts").clone();
        weekly = Objects.requireNonNull(weekly, "weekly").clone();
        weeklyCounts = Objects.requireNonNull(weeklyCounts, "weeklyCounts").clone();
        high = Objects.requireNonNull(high, "high").clone();
        low = Objects.requireNonNull(low, "low").clone();
        tracking = Objects.requireNonNull(tracking, "tracking").clone();
        if (daily.length != dailyCounts.length) {
            throw new IllegalArgumentException("daily has " + daily.length + " bins but dailyCounts has "
                    + dailyCounts.length);
        }
        if (weekly.length != 7 || weeklyCounts.length != 7) {
            throw new IllegalArgumentException("weekly and weeklyCounts must have 7 entries, had " + weekly.length
                    + " and " + weeklyCounts.length);
        }
        if (high.length != low.length || high.length != tracking.length) {
            throw new IllegalArgumentException("high, low and tracking must have the same length, had " + high.length
                    + ", " + low.length + " and " + tracking.length);
        }
    }

    @Override
    public double[] daily() {
        return daily.clone();
    }

    @Override
    public long[] dailyCounts() {
        return dailyCounts.clone();
    }

    @Override
    public double[] weekly() {
        return weekly.clone();
    }

    @Override
    public long[] weeklyCounts() {
        return weeklyCounts.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public boolean[] tracking() {
        return tracking.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorSnapshot s
                && observations == s.observations
                && firstSecond == s.firstSecond
                && lastSecond == s.lastSecond
                && Double.compare(magnitude, s.magnitude) == 0
                && Double.compare(baseline, s.baseline) == 0
                && Double.compare(smoothed, s.smoothed) == 0
                && Double.compare(previous, s.previous) == 0
                && Double.compare(variability, s.variability) == 0
                && Double.compare(spread, s.spread) == 0
                && Double.compare(seasonalError, s.seasonalError) == 0
                && Double.compare(plainError, s.plainError) == 0
                && Double.compare(bar, s.bar) == 0
                && Arrays.equals(daily, s.daily)
                && Arrays.equals(dailyCounts, s.dailyCounts)
                && Arrays.equals(weekly, s.weekly)
                && Arrays.equals(weeklyCounts, s.weeklyCounts)
                && currentDay == s.currentDay
                && Double.compare(dayTotal, s.dayTotal) == 0
                && dayCount == s.dayCount
                && Arrays.equals(high, s.high)
                && Arrays.equals(low, s.low)
                && Arrays.equals(tracking, s.tracking)
                && Double.compare(coarseSum, s.coarseSum) == 0
                && coarseCount == s.coarseCount
                && coarseStart == s.coarseStart
                && Double.compare(coarseBar, s.coarseBar) == 0
                && coarse.equals(s.coarse);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(observations, firstSecond, lastSecond, magnitude, baseline, smoothed, previous, variability,
                spread, seasonalError, plainError, bar);
        h = 31 * h + Arrays.hashCode(daily);
        h = 31 * h + Arrays.hashCode(dailyCounts);
        h = 31 * h + Arrays.hashCode(weekly);
        h = 31 * h + Arrays.hashCode(weeklyCounts);
        h = 31 * h + Objects.hash(currentDay, dayTotal, dayCount);
        h = 31 * h + Arrays.hashCode(high);
        h = 31 * h + Arrays.hashCode(low);
        h = 31 * h + Arrays.hashCode(tracking);
        return 31 * h + Objects.hash(coarseSum, coarseCount, coarseStart, coarseBar, coarse);
    }

    @Override
    public String toString() {
        return "DetectorSnapshot[observations=" + observations + ", firstSecond=" + firstSecond + ", lastSecond="
                + lastSecond + ", magnitude=" + magnitude + ", baseline=" + baseline + ", smoothed=" + smoothed
                + ", previous=" + previous + ", variability=" + variability + ", spread=" + spread + ", seasonalError=" + seasonalError + ", plainError=" + plainError + ", bar=" + bar
                + ", daily=" + Arrays.toString(daily) + ", dailyCounts=" + Arrays.toString(dailyCounts)
                + ", weekly=" + Arrays.toString(weekly) + ", weeklyCounts=" + Arrays.toString(weeklyCounts)
                + ", currentDay=" + currentDay + ", dayTotal=" + dayTotal + ", dayCount=" + dayCount
                + ", high=" + Arrays.toString(high) + ", low=" + Arrays.toString(low)
                + ", tracking=" + Arrays.toString(tracking) + ", coarseSum=" + coarseSum + ", coarseCount=" + coarseCount
 + ", coarseStart=" + coarseStart + ", coarseBar=" + coarseBar + ", coarse=" + coarse + "]";
    }
}
