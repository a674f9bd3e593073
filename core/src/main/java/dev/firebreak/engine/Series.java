package dev.firebreak.engine;

import dev.firebreak.detect.SeriesDetector;
import dev.firebreak.detect.internal.AlertGate;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Platform;
import java.util.Objects;
import java.util.Optional;

/** One watched series of a brand: counts in the open bucket, the baseline, the detector and the gates. */
final class Series {

    /** What a series counts. */
    enum Kind { BRAND, PLATFORM, CATEGORY, HASHTAG }

    /** Identity of a series within a brand. */
    record Key(Kind kind, String value) {
        Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        Topic topic() {
            switch (kind) {
                case CATEGORY:
                    return Topic.category(value);
                case HASHTAG:
                    return Topic.hashtag(value);
                default:
                    return Topic.BRAND;
            }
        }

        Optional<Platform> platform() {
            return kind == Kind.PLATFORM ? Optional.of(Platform.of(value)) : Optional.empty();
        }

        @Override
        public String toString() {
            return kind == Kind.BRAND ? "brand" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
        }
    }

    static final double EXPECTED_ALPHA = 0.1;
    static final double GLOBAL_ALPHA = 0.02;
    static final double NEG_ALPHA = 0.05;
    static final double NEG_PRIOR = 0.15;

    final Key key;
    /** The key's kind and value, kept here so that a lookup need not read the key. */
    final Kind kind;
    final String value;
    long count;
    long negatives;
    /** Start of the last bucket observed, epoch seconds; Long.MIN_VALUE before the first. */
    long lastObserved = Long.MIN_VALUE;
    /** The bucket of the last mention counted, epoch seconds. */
    long lastActive;
    long total;
    SeriesDetector detector;
    /** A saved detector state not yet restored (see BrandStateCodec). */
    String pendingSnapshot;
    /**
     * Per hour of the day: the expected count at {@code 2 * hour} and how many buckets it learnt (a whole number)
     * at {@code 2 * hour + 1}, side by side so that a bucket close reads and writes one cache line of one array
     * for both.
     */
    private final double[] hourly = new double[48];
    double globalExpected;
    long globalSeen;
    double negativeBaseline = NEG_PRIOR;
    final AlertGate volumeGate;
    final AlertGate negativeGate;

    Series(Key key, AlertGate volumeGate, AlertGate negativeGate) {
        this.key = key;
        this.kind = key.kind();
        this.value = key.value();
        this.volumeGate = volumeGate;
        this.negativeGate = negativeGate;
    }

    Series(Key key) {
        this(key, new AlertGate(), new AlertGate());
    }

    /** The expected count of hour {@code hour} (0-23) of the day. */
    double expected(int hour) {
        return hourly[2 * hour];
    }

    /** How many buckets hour {@code hour} of the day learnt (at most {@code Integer.MAX_VALUE}). */
    int expectedSeen(int hour) {
        return (int) hourly[2 * hour + 1];
    }

    /** Sets hour {@code hour}'s expected count and how many buckets it learnt (a restored state). */
    void setExpected(int hour, double expected, int seen) {
        hourly[2 * hour] = expected;
        hourly[2 * hour + 1] = seen;
    }

    /** The expected count of a bucket starting at this epoch second. */
    double expectedAt(long bucketStart) {
        int slot = (int) Math.floorMod(bucketStart / 3600, 24L);
        double[] h = hourly;
        return h[2 * slot + 1] >= 3 ? h[2 * slot] : globalExpected;
    }

    /** Learns a bucket's count into the expected values. */
    void learn(long bucketStart, double value) {
        int slot = (int) Math.floorMod(bucketStart / 3600, 24L);
        double[] h = hourly;
        double seen = h[2 * slot + 1];
        if (seen == 0) {
            h[2 * slot] = value;
        } else {
            h[2 * slot] += EXPECTED_ALPHA * (value - h[2 * slot]);
        }
        if (seen < Integer.MAX_VALUE) {
            h[2 * slot + 1] = seen + 1;
        }
        globalExpected = globalSeen == 0 ? value : globalExpected + GLOBAL_ALPHA * (value - globalExpected);
        globalSeen++;
    }
}
