package dev.firebreak.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {

    @Test
    void builderStartsFromTheDefaultsAndToBuilderRoundTrips() {
        assertEquals(DetectorConfig.defaults(), DetectorConfig.builder().build());
        DetectorConfig c = DetectorConfig.builder().warmUp(12).seasonalBinsPerDay(48).weekly(false)
                .seasonalWarmUp(Duration.ofHours(6)).levelSmoothing(0.2).variabilitySmoothing(0.3).seasonalRate(0.1).weeklyRate(0.05)
                .baselineRate(0.01).rangeHalfLife(0).scoreScale(0.2).repeatHalfLife(0).coarseBuckets(6).coarseWarmUp(10).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(12, c.warmUp());
        assertEquals(48, c.seasonalBinsPerDay());
        assertEquals(0, c.rangeHalfLife());
        assertEquals(0, c.repeatHalfLife());
        assertEquals(6, c.coarseBuckets());
        assertEquals(10, c.coarseWarmUp());
        assertEquals(0, c.toBuilder().coarseBuckets(0).build().coarseBuckets());
    }

    @Test
    void settersFailFastNamingTheFieldAndTheRange() {
        expect("warmUp", b -> b.warmUp(-1));
        expect("levelSmoothing", b -> b.levelSmoothing(0));
        expect("levelSmoothing", b -> b.levelSmoothing(Double.NaN));
        expect("variabilitySmoothing", b -> b.variabilitySmoothing(0));
        expect("seasonalBinsPerDay", b -> b.seasonalBinsPerDay(0));
        expect("seasonalBinsPerDay", b -> b.seasonalBinsPerDay(289));
        expect("seasonalBinsPerDay", b -> b.seasonalBinsPerDay(7));
        expect("seasonalWarmUp", b -> b.seasonalWarmUp(Duration.ofDays(-1)));
        expect("seasonalRate", b -> b.seasonalRate(1.5));
        expect("weeklyRate", b -> b.weeklyRate(-0.1));
        expect("baselineRate", b -> b.baselineRate(0));
        expect("rangeHalfLife", b -> b.rangeHalfLife(-5));
        expect("scoreScale", b -> b.scoreScale(0));
        expect("scoreScale", b -> b.scoreScale(Double.POSITIVE_INFINITY));
        expect("repeatHalfLife", b -> b.repeatHalfLife(-1));
        expect("repeatHalfLife", b -> b.repeatHalfLife(1_000_001));
        expect("coarseBuckets", b -> b.coarseBuckets(1));
        expect("coarseBuckets", b -> b.coarseBuckets(-1));
        expect("coarseBuckets", b -> b.coarseBuckets(1_001));
        expect("coarseWarmUp", b -> b.coarseWarmUp(-1));
    }

    @Test
    void theConstructorChecksLikeTheBuilder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectorConfig(1, 2.0, 0.1, 24, true, Duration.ZERO, 0.1, 0.1, 0.1, 0, 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("levelSmoothing"), e.getMessage());
    }

    private static void expect(String field, Consumer<DetectorConfig.Builder> setter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setter.accept(DetectorConfig.builder()));
        assertTrue(e.getMessage().startsWith(field + " must be"), e.getMessage());
    }
}
