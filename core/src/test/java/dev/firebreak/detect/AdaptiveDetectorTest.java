package dev.firebreak.detect;

import static dev.firebreak.detect.Series.PER_DAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdaptiveDetectorTest {

    /** The score from which a test calls a bucket an alert. */
    private static final double ALERT = 0.9;

    @Test
    void scoresAnInjectedSpikeHighAtOnce() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 1);
        int spike = 8 * PER_DAY + 100;
        v[spike] += 150;
        double[] s = Series.score(v);
        assertTrue(s[spike] >= ALERT, "spike scored " + s[spike]);
        assertTrue(Series.max(s, 3 * PER_DAY, spike) < ALERT, "an alert before the spike");
    }

    @Test
    void detectsALevelShiftAtItsFirstBuckets() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 2);
        int shift = 8 * PER_DAY;
        for (int i = shift; i < v.length; i++) {
            v[i] += 100;
        }
        double[] s = Series.score(v);
        assertTrue(Series.max(s, shift, shift + 3) >= ALERT, "level shift not seen within 3 buckets");
        assertTrue(Series.max(s, 3 * PER_DAY, shift) < ALERT, "an alert before the shift");
    }

    @Test
    void alertsOnceForOneStormNotForEveryBucketOfIt() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 3);
        int start = 8 * PER_DAY;
        for (int i = start; i < start + 24; i++) {
            v[i] += 200;
        }
        double[] s = Series.score(v);
        int alerts = 0;
        for (int i = start; i < v.length; i++) {
            alerts += s[i] >= ALERT ? 1 : 0;
        }
        assertTrue(s[start] >= ALERT, "storm start scored " + s[start]);
        assertTrue(alerts <= 2, alerts + " alerting buckets for one two-hour storm");
    }

    @Test
    void seesASeriesStartToSwingInsideTheRangeItHasShownBefore() {
        // a steady level with a few spikes up to 100 and down to 0, then it swings between 25 and 75: no value,
        // no time of day and no smoothed level goes beyond what the series has shown before
        Random r = new Random(12);
        double[] v = new double[10 * PER_DAY];
        for (int i = 0; i < v.length; i++) {
            v[i] = 50 + r.nextGaussian();
        }
        for (int day = 0; day < 7; day++) {
            v[day * PER_DAY + 100] = 100;
            v[day * PER_DAY + 200] = 0;
        }
        int swing = 8 * PER_DAY;
        for (int i = swing; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 25 : 75;
        }
        double[] s = Series.score(v);
        // the variability rises step by step, so it breaks its range by less at once than a spike does
        assertTrue(Series.max(s, swing, swing + 24) >= 0.75, "swinging scored " + Series.max(s, swing, swing + 24));
        assertTrue(Series.max(s, 2 * PER_DAY + 300, swing) < 0.5, "scored " + Series.max(s, 2 * PER_DAY + 300, swing)
                + " before the swinging");
    }

    @Test
    void theRisingEdgeOfAStormAfterItsAlertIsReportedAsZero() {
        // three bursts in a row, each a little higher: without the bar each one breaks the range again
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 9);
        int start = 8 * PER_DAY;
        v[start] += 300;
        v[start + 2] += 320;
        v[start + 4] += 340;
        double[] reported = Series.score(v);
        double[] every = Series.score(DetectorConfig.builder().repeatHalfLife(0).coarseBuckets(0).build().newDetector(), v, 0);
        assertTrue(reported[start] >= ALERT, "storm start scored " + reported[start]);
        assertTrue(every[start + 2] > 0 && every[start + 4] > 0, "the later bursts break the range by a little");
        assertEquals(0.0, reported[start + 2], "second burst");
        assertEquals(0.0, reported[start + 4], "third burst");
    }

    @Test
    void aStormThatGrowsFarBeyondItsFirstAlertScoresAgain() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 10);
        int start = 8 * PER_DAY;
        v[start] += 150;
        v[start + 3] += 2_000;
        double[] s = Series.score(v);
        assertTrue(s[start] >= ALERT, "storm start scored " + s[start]);
        assertTrue(s[start + 3] > s[start], "a storm ten times higher scored " + s[start + 3]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aDipThatLastsTwoHoursStandsOutInTheCoarseView(long seed) {
        // three standard deviations of the noise for two hours in the morning: inside the range of single
        // buckets, an extreme for the means of four
        Random r = new Random(seed);
        double[] v = new double[10 * PER_DAY];
        int from = 9 * PER_DAY + 9 * 12;
        int to = from + 24;
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 40 * Series.cycle(i) + 5 * r.nextGaussian() - (i >= from && i < to ? 15 : 0);
        }
        double[] with = Series.score(v);
        double[] without = Series.score(DetectorConfig.builder().coarseBuckets(0).build().newDetector(), v, 0);
        double dip = Series.max(with, from, to + 4);
        assertTrue(dip > Series.max(without, from, to + 4), "coarse view " + dip + ", without "
                + Series.max(without, from, to + 4));
        assertTrue(dip > Math.max(Series.max(with, 3 * PER_DAY, from), Series.max(with, to + 4, v.length)),
                "the dip scored " + dip + ", less than the noise elsewhere");
    }

    @Test
    void theCoarseViewDoesNotReportAStormAgainThatItsBucketsAlreadyReported() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 9);
        int start = 8 * PER_DAY + 1; // the second bucket of a coarse bucket of four
        v[start] += 300;
        double[] s = Series.score(v);
        assertTrue(s[start] >= ALERT, "storm start scored " + s[start]);
        assertEquals(0.0, Series.max(s, start + 1, start + 8), "the coarse bucket that holds the storm");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void cleanSeasonalSeriesStaysQuietAfterWarmUp(long seed) {
        double[] s = Series.score(Series.seasonal(14 * PER_DAY, 100, 40, 5, seed));
        double worst = Series.max(s, 3 * PER_DAY, s.length);
        assertTrue(worst < ALERT, "a daily cycle with noise scored " + worst);
    }

    @Test
    void followsTheTimeOfDay() {
        // busy afternoons, quiet nights: an afternoon-sized value at 03:00 is a spike, at 15:00 it is not
        double[] v = Series.seasonal(10 * PER_DAY, 100, 80, 3, 4);
        int night = 8 * PER_DAY + 36; // 03:00
        int afternoon = 9 * PER_DAY + 180; // 15:00
        double afternoonLevel = 175;
        v[night] = afternoonLevel;
        v[afternoon] = afternoonLevel;
        double[] s = Series.score(v);
        assertTrue(s[night] >= ALERT, "afternoon volume at night scored " + s[night]);
        assertTrue(s[afternoon] < 0.5, "afternoon volume in the afternoon scored " + s[afternoon]);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void sparseCountsAlertOnABurstAndNotWithoutIt(long seed) {
        // mentions per 5 minutes for a small brand: 0 to 3 most of the time
        double[] quiet = Series.counts(10 * PER_DAY, 0.3, 2.5, seed);
        double[] s = Series.score(quiet);
        assertTrue(Series.max(s, 2 * PER_DAY, s.length) < 0.95, "plain counts alerted: " + Series.max(s, 2 * PER_DAY,
                s.length));

        double[] burst = quiet.clone();
        int at = 9 * PER_DAY + 40;
        burst[at] = 30;
        burst[at + 1] = 45;
        double[] b = Series.score(burst);
        assertTrue(b[at] >= 0.95, "a burst of 30 mentions scored " + b[at]);
    }

    @Test
    void toleratesMissingAndRepeatedBuckets() {
        double[] v = Series.seasonal(10 * PER_DAY, 100, 40, 5, 5);
        int spike = 9 * PER_DAY;
        v[spike] += 150;
        Random r = new Random(5);
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        double worst = 0;
        double atSpike = 0;
        for (int i = 0; i < v.length; i++) {
            if (i != spike && r.nextDouble() < 0.3) {
                continue; // a missing bucket
            }
            double s = d.observe(Series.time(i), v[i]);
            if (i == 5 * PER_DAY) {
                s = Math.max(s, d.observe(Series.time(i), v[i])); // the same bucket twice
            }
            if (i == spike) {
                atSpike = s;
            } else if (i >= 3 * PER_DAY) {
                worst = Math.max(worst, s);
            }
        }
        assertTrue(atSpike >= ALERT, "spike after gaps scored " + atSpike);
        assertTrue(worst < ALERT, "gaps alone scored " + worst);
    }

    @Test
    void scoresZeroDuringWarmUp() {
        DetectorConfig c = DetectorConfig.builder().warmUp(50).build();
        AdaptiveDetector d = c.newDetector();
        for (int i = 0; i < 50; i++) {
            assertEquals(0.0, d.observe(Series.time(i), i % 2 == 0 ? 0 : 1e6 * i));
        }
        assertTrue(d.observe(Series.time(50), 1e12) > ALERT);
    }

    @Test
    void anAllZeroSeriesAlertsOnItsFirstMention() {
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        for (int i = 0; i < 2 * PER_DAY; i++) {
            assertEquals(0.0, d.observe(Series.time(i), 0));
        }
        assertTrue(d.observe(Series.time(2 * PER_DAY), 3) > ALERT);
    }

    @Test
    void isDeterministic() {
        double[] v = Series.counts(5 * PER_DAY, 0.5, 4, 6);
        assertArrayEquals(Series.score(v), Series.score(v));
    }

    @Test
    void stateSizeDoesNotGrowWithTheSeries() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random r = new Random(7);
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        int i = 0;
        for (; i < 1_000; i++) {
            d.observe(Series.time(i), r.nextGaussian() * 10 + 50);
        }
        DetectorSnapshot small = d.snapshot();
        int smallBytes = json.writeValueAsBytes(small).length;
        for (; i < 1_000_000; i++) {
            d.observe(Series.time(i), r.nextGaussian() * 10 + 50);
        }
        DetectorSnapshot large = d.snapshot();
        assertEquals(1_000_000, large.observations());
        assertEquals(small.daily().length, large.daily().length);
        assertEquals(small.dailyCounts().length, large.dailyCounts().length);
        assertEquals(small.weekly().length, large.weekly().length);
        assertEquals(AdaptiveDetector.FEATURES, large.high().length);
        assertEquals(small.high().length, large.high().length);
        assertEquals(small.low().length, large.low().length);
        assertEquals(small.tracking().length, large.tracking().length);
        assertEquals(1, large.coarse().size());
        assertEquals(large.daily().length, large.coarse().get(0).daily().length);
        int largeBytes = json.writeValueAsBytes(large).length;
        // the same numbers of numbers: only their digits differ
        assertTrue(Math.abs(largeBytes - smallBytes) < 400, smallBytes + " bytes vs " + largeBytes + " bytes");
    }

    @Test
    void restoredDetectorContinuesExactlyLikeTheOriginal() throws Exception {
        double[] v = Series.counts(12 * PER_DAY, 0.5, 6, 8);
        v[11 * PER_DAY] = 80;
        double[] uninterrupted = Series.score(v);

        DetectorConfig config = DetectorConfig.defaults();
        AdaptiveDetector first = config.newDetector();
        int cut = 8 * PER_DAY + 17;
        double[] resumed = Series.score(first, java.util.Arrays.copyOf(v, cut), 0);
        ObjectMapper json = new ObjectMapper();
        byte[] stored = json.writeValueAsBytes(first.snapshot());
        DetectorSnapshot loaded = json.readValue(stored, DetectorSnapshot.class);
        assertEquals(first.snapshot(), loaded);

        AdaptiveDetector second = AdaptiveDetector.restore(config, loaded);
        double[] rest = Series.score(second, v, cut);
        System.arraycopy(rest, cut, resumed = java.util.Arrays.copyOf(resumed, v.length), cut, v.length - cut);
        assertArrayEquals(uninterrupted, resumed);
        assertEquals(second.snapshot(), restoredAfterFullRun(config, v));
    }

    private static DetectorSnapshot restoredAfterFullRun(DetectorConfig config, double[] v) {
        AdaptiveDetector d = config.newDetector();
        Series.score(d, v, 0);
        return d.snapshot();
    }

    @Test
    void snapshotIsAnIndependentValue() {
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        d.observe(Series.time(0), 5);
        DetectorSnapshot s = d.snapshot();
        s.high()[0] = 1e9; // a copy
        assertEquals(s, d.snapshot());
        d.observe(Series.time(1), 7);
        assertNotEquals(s, d.snapshot());
    }

    @Test
    void restoreRejectsASnapshotOfAnotherShape() {
        AdaptiveDetector d = DetectorConfig.builder().seasonalBinsPerDay(24).build().newDetector();
        d.observe(Series.time(0), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdaptiveDetector.restore(DetectorConfig.builder().seasonalBinsPerDay(48).build(), d.snapshot()));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("48"), e.getMessage());
    }

    @Test
    void restoreRejectsACoarseViewTheConfigurationDoesNotHave() {
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        d.observe(Series.time(0), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdaptiveDetector.restore(DetectorConfig.builder().coarseBuckets(0).build(), d.snapshot()));
        assertTrue(e.getMessage().contains("coarse"), e.getMessage());
    }

    @Test
    void aSnapshotWithoutCoarseStateRestoresWithAFreshCoarseView() throws Exception {
        // a snapshot written before the coarse view existed: no coarse fields in the JSON
        double[] v = Series.counts(9 * PER_DAY, 0.5, 6, 3);
        DetectorConfig off = DetectorConfig.builder().coarseBuckets(0).build();
        AdaptiveDetector old = off.newDetector();
        Series.score(old, java.util.Arrays.copyOf(v, 6 * PER_DAY), 0);
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode stored = json.valueToTree(old.snapshot());
        stored.remove(java.util.List.of("coarseSum", "coarseCount", "coarseStart", "coarseBar", "coarse"));
        DetectorSnapshot loaded = json.treeToValue(stored, DetectorSnapshot.class);
        assertEquals(java.util.List.of(), loaded.coarse());

        AdaptiveDetector resumed = AdaptiveDetector.restore(DetectorConfig.defaults(), loaded);
        double[] s = Series.score(resumed, v, 6 * PER_DAY);
        assertTrue(Series.max(s, 6 * PER_DAY, v.length) < ALERT, "a quiet series after a restore scored "
                + Series.max(s, 6 * PER_DAY, v.length));
        assertEquals(1, resumed.snapshot().coarse().size());
        assertEquals(v.length, resumed.observations());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteValuesAndKeepsItsState(double bad) {
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        d.observe(Series.time(0), 3);
        DetectorSnapshot before = d.snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.observe(Series.time(1), bad));
        assertTrue(e.getMessage().contains("finite") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        assertEquals(before, d.snapshot());
    }

    @Test
    void rejectsAMissingTime() {
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        assertThrows(NullPointerException.class, () -> d.observe(null, 1));
    }

    @Test
    void acceptsExtremeFiniteValues() {
        AdaptiveDetector d = DetectorConfig.builder().warmUp(0).build().newDetector();
        double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0, -0.0, 1e-300, Double.MAX_VALUE};
        for (int i = 0; i < values.length; i++) {
            double s = d.observe(Instant.EPOCH.plusSeconds(i), values[i]);
            assertTrue(s >= 0 && s <= 1, "score " + s + " for " + values[i]);
        }
    }
}
