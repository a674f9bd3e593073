package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The audit book writes a bucket's start exactly as {@link Instant#toString()} does. */
class AuditBookTest {

    @Property(seed = "20261122", tries = 2000)
    void bucketTextIsTheInstantsText(@ForAll @LongRange(min = -100_000_000_000L, max = 300_000_000_000L) long second) {
        assertEquals(Instant.ofEpochSecond(second).toString(), new AuditBook().bucketText(second));
    }

    @Test
    void bucketTextAtTheEdgesOfTheFastRange() {
        long[] seconds = {0, 1, 59, 60, 3599, 3600, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_400L,
            1_795_000_000L, 253_402_300_799L, 253_402_300_800L, -1, Instant.MAX.getEpochSecond(),
            Instant.MIN.getEpochSecond()};
        AuditBook book = new AuditBook();
        for (long s : seconds) {
            assertEquals(Instant.ofEpochSecond(s).toString(), book.bucketText(s), "second " + s);
        }
        // every day boundary over four centuries, leap years and the 100/400-year rules included
        for (long day = 0; day < 146_097 * 2; day++) {
            long s = day * 86_400 + (day % 86_400);
            assertEquals(Instant.ofEpochSecond(s).toString(), AuditBook.isoSecond(s), "second " + s);
        }
    }
}
