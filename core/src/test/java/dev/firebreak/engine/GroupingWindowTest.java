package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Whether a mention falls in an incident's grouping window is decided as {@code !now.isAfter(last.plus(w))}. */
class GroupingWindowTest {

    @Property(tries = 50, seed = "21")
    void decidesAsInstantArithmetic(@ForAll long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            Instant from = Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(1_000_000), rnd.nextInt(1_000_000_000));
            Duration window = rnd.nextInt(10) == 0 ? Duration.ZERO
                    : Duration.ofSeconds(rnd.nextInt(7200), rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
            Instant edge = from.plus(window);
            Instant now = switch (rnd.nextInt(4)) {
                case 0 -> edge;
                case 1 -> edge.plusNanos(rnd.nextBoolean() ? 1 : -1);
                case 2 -> edge.plusSeconds(rnd.nextInt(3) - 1);
                default -> from.plusSeconds(rnd.nextInt(20_000) - 5_000).plusNanos(rnd.nextInt(1_000_000_000));
            };
            assertEquals(!now.isAfter(from.plus(window)), BrandProcessor.notAfter(now, from, window),
                    now + " " + from + " " + window);
        }
    }

    @Test
    void keepsTheEdgeAndTheOutOfRangeCase() {
        Instant from = Instant.parse("2026-03-02T10:00:00.5Z");
        Duration window = Duration.ofMinutes(30).plusMillis(600);
        assertTrue(BrandProcessor.notAfter(Instant.parse("2026-03-02T10:30:01.1Z"), from, window));
        assertEquals(false, BrandProcessor.notAfter(Instant.parse("2026-03-02T10:30:01.100000001Z"), from, window));
        assertTrue(BrandProcessor.notAfter(Instant.parse("2026-03-02T09:00:00Z"), from, Duration.ofSeconds(-5)));
        assertThrows(DateTimeException.class, () -> BrandProcessor.notAfter(Instant.MAX, Instant.MAX, window));
    }
}
