package dev.firebreak.benchmarks;

import dev.firebreak.detect.AdaptiveDetector;
import dev.firebreak.detect.DetectorConfig;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link AdaptiveDetector#observe} call (one bucket of one series) against a baseline that
 * only updates an exponentially weighted mean over the same pre-generated values and times.
 *
 * <p>{@code series} is how many independent series the calls rotate over: 1 keeps one detector hot in
 * the cache; 4096 is closer to an engine that holds thousands of series and touches each once per bucket.
 * {@code coarseBuckets} is {@link DetectorConfig#coarseBuckets()}: 4 (the default) against 0, the detector
 * without its coarse view.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DetectorBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class DetectorBenchmark {

    private static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;

    @Param({"1", "4096"})
    int series;

    @Param({"4", "0"})
    int coarseBuckets;

    private double[] values;
    private Instant[] times;
    private AdaptiveDetector[] detectors;
    private double[] means;
    private int next;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        values = new double[SIZE];
        times = new Instant[SIZE];
        Instant start = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < SIZE; i++) {
            double rate = 3 + 2 * Math.sin(2 * Math.PI * (i % 288) / 288.0);
            values[i] = Math.max(0, Math.round(rate + Math.sqrt(rate) * r.nextGaussian()));
            times[i] = start.plusSeconds(300L * i);
        }
        detectors = new AdaptiveDetector[series];
        means = new double[series];
        for (int s = 0; s < series; s++) {
            detectors[s] = DetectorConfig.builder().coarseBuckets(coarseBuckets).build().newDetector();
            for (int i = 0; i < 2 * 288; i++) { // past the warm-up
                detectors[s].observe(times[i], values[(i + s) & MASK]);
            }
        }
        next = 0;
    }

    @Benchmark
    public double observe() {
        int i = next;
        next = (i + 1) & Integer.MAX_VALUE; // never negative, however many calls a run makes
        int s = i % series;
        // times advance once per full round over the series, as in an engine closing a bucket; after
        // 65,536 buckets they start again from the first (the detector accepts a time that goes back)
        return detectors[s].observe(times[(i / series + 2 * 288) & MASK], values[i & MASK]);
    }

    @Benchmark
    public double baseline() {
        int i = next;
        next = (i + 1) & Integer.MAX_VALUE; // never negative, however many calls a run makes
        int s = i % series;
        Instant t = times[(i / series + 2 * 288) & MASK];
        double m = means[s] + 0.05 * (values[i & MASK] - means[s]) + (t.getEpochSecond() & 1) * 1e-12;
        means[s] = m;
        return m;
    }
}
