package dev.firebreak.detect.internal;

import dev.firebreak.detect.DetectorFactory;
import dev.firebreak.detect.SeriesDetector;
import java.time.Instant;
import java.util.Optional;

/**
 * A small stand-in {@link SeriesDetector} that the engine uses until the tuned detector is plugged in
 * through {@code DetectionSettings.Builder#detectors}: exponentially weighted mean and variance per
 * hour of day (24 slots), a Poisson floor on the variance, and a logistic map from the z-score to
 * [0, 1]. Constant memory (74 doubles and a long); silent (score 0) during its first 48 buckets.
 */
public final class InterimSeasonalDetector implements SeriesDetector {

    /** Its factory, with snapshot support. */
    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public SeriesDetector create() {
            return new InterimSeasonalDetector();
        }

        @Override
        public Optional<String> snapshot(SeriesDetector detector) {
            return detector instanceof InterimSeasonalDetector
                    ? Optional.of(((InterimSeasonalDetector) detector).snapshot()) : Optional.empty();
        }

        @Override
        public SeriesDetector restore(String snapshot) {
            return InterimSeasonalDetector.restore(snapshot);
        }
    };

    private static final double SLOT_ALPHA = 0.1;
    private static final double GLOBAL_ALPHA = 0.02;
    private static final int WARM_UP = 48;

    /**
     * Per hour of day: mean, variance and observations (a count below 2^31, exact as a double) side by side, so
     * that an observation reads one cache line, not three arrays (bucket closes of 1,000 brands' series are
     * memory-bound; EngineBenchmark.ingest).
     */
    private final double[] slots = new double[24 * 3];
    private double globalMean;
    private double globalVar;
    private long observations;

    @Override
    public double observe(Instant bucketStart, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        int slot = (int) Math.floorMod(bucketStart.getEpochSecond() / 3600, 24L);
        int at = slot * 3;
        boolean known = slots[at + 2] >= 3;
        double m = known ? slots[at] : globalMean;
        double v = known ? slots[at + 1] : globalVar;
        double score = 0;
        if (observations >= WARM_UP) {
            double z = (value - m) / Math.sqrt(v + Math.max(m, 0) + 1);
            score = z <= 0 ? 0 : 1 / (1 + Math.exp(-(z - 3)));
        }
        // learn; a spike moves the baseline less (winsorised at mean + 4 sd)
        double capped = Math.min(value, m + 4 * Math.sqrt(v + Math.max(m, 0) + 1));
        update(slot, observations < WARM_UP ? value : capped);
        observations++;
        return score;
    }

    private void update(int slot, double x) {
        int at = slot * 3;
        if (slots[at + 2] == 0) {
            slots[at] = x;
            slots[at + 1] = 0;
        } else {
            double d = x - slots[at];
            slots[at] += SLOT_ALPHA * d;
            slots[at + 1] = (1 - SLOT_ALPHA) * (slots[at + 1] + SLOT_ALPHA * d * d);
        }
        if (slots[at + 2] < Integer.MAX_VALUE) {
            slots[at + 2]++;
        }
        if (observations == 0) {
            globalMean = x;
        } else {
            double d = x - globalMean;
            globalMean += GLOBAL_ALPHA * d;
            globalVar = (1 - GLOBAL_ALPHA) * (globalVar + GLOBAL_ALPHA * d * d);
        }
    }

    /** The state as a compact string. */
    String snapshot() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(observations).append(';').append(globalMean).append(';').append(globalVar);
        for (int i = 0; i < 24; i++) {
            sb.append(';').append(slots[i * 3]).append(',').append(slots[i * 3 + 1]).append(',')
                    .append((int) slots[i * 3 + 2]);
        }
        return sb.toString();
    }

    /** Restores {@link #snapshot()}. */
    static InterimSeasonalDetector restore(String s) {
        try {
            String[] parts = s.split(";");
            if (parts.length != 27) {
                throw new IllegalArgumentException("expected 27 fields, got " + parts.length);
            }
            InterimSeasonalDetector d = new InterimSeasonalDetector();
            d.observations = Long.parseLong(parts[0]);
            d.globalMean = Double.parseDouble(parts[1]);
            d.globalVar = Double.parseDouble(parts[2]);
            for (int i = 0; i < 24; i++) {
                String[] f = parts[3 + i].split(",");
                d.slots[i * 3] = Double.parseDouble(f[0]);
                d.slots[i * 3 + 1] = Double.parseDouble(f[1]);
                d.slots[i * 3 + 2] = Integer.parseInt(f[2]);
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a detector snapshot: " + e.getMessage(), e);
        }
    }
}
