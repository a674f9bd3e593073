package dev.firebreak.detect;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class DetectorPropertiesTest {

    @Property(tries = 300, seed = "20240501")
    void scoresStayBetweenZeroAndOneForAnyFiniteSeries(@ForAll("series") List<Tuple2<Integer, Double>> steps,
            @ForAll("configs") DetectorConfig config) {
        AdaptiveDetector d = config.newDetector();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (Tuple2<Integer, Double> step : steps) {
            t = t.plusSeconds(step.get1());
            double s = d.observe(t, step.get2());
            if (!(s >= 0 && s <= 1)) {
                throw new AssertionError("score " + s + " for " + step.get2() + " after " + d.observations());
            }
        }
    }

    @Property(tries = 100, seed = "20240502")
    void aRestoredDetectorScoresLikeTheOriginal(@ForAll("series") List<Tuple2<Integer, Double>> steps) {
        DetectorConfig config = DetectorConfig.builder().warmUp(3).build();
        AdaptiveDetector original = config.newDetector();
        AdaptiveDetector copy = null;
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        int half = steps.size() / 2;
        for (int i = 0; i < steps.size(); i++) {
            if (i == half) {
                copy = AdaptiveDetector.restore(config, original.snapshot());
            }
            t = t.plusSeconds(steps.get(i).get1());
            double a = original.observe(t, steps.get(i).get2());
            if (copy != null && Double.compare(a, copy.observe(t, steps.get(i).get2())) != 0) {
                throw new AssertionError("restored detector diverged at step " + i);
            }
        }
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Double>>> series() {
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.integers().between(0, 5).map(Integer::doubleValue),
                Arbitraries.of(0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-300, 1e300),
                Arbitraries.doubles());
        Arbitrary<Integer> gaps = Arbitraries.oneOf(Arbitraries.just(300), Arbitraries.integers().between(-600, 86_400));
        return Arbitraries.lazy(() -> gaps.flatMap(g -> values.map(v -> Tuple.of(g, v)))).list().ofMinSize(1)
                .ofMaxSize(400);
    }

    @Provide
    Arbitrary<DetectorConfig> configs() {
        return Arbitraries.oneOf(
                Arbitraries.just(DetectorConfig.defaults()),
                Arbitraries.integers().between(0, 5).map(w -> DetectorConfig.builder().warmUp(w).rangeHalfLife(20)
                        .seasonalBinsPerDay(24).seasonalWarmUp(java.time.Duration.ZERO).build()));
    }
}
