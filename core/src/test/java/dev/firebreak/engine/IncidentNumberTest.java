package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** An incident id's number reads as it did through {@code String.format("%04d")}. */
class IncidentNumberTest {

    @Property(tries = 200, seed = "17")
    void isTheNumberPaddedToFourDigitsAsStringFormatWrites(@ForAll long n) {
        assertEquals(String.format(Locale.ROOT, "%04d", n), BrandProcessor.incidentNumber(n));
    }

    @Test
    void padsSmallNumbersAndLeavesLongOnesWhole() {
        for (long n : new long[] {0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 123456, Long.MAX_VALUE, -1, -12345,
                Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%04d", n), BrandProcessor.incidentNumber(n), "n=" + n);
        }
        assertEquals("0007", BrandProcessor.incidentNumber(7));
    }
}
