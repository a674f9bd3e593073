package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The check memory's ASCII hashtag scan finds exactly the tags of the general scan it stands in for. */
class CheckMemoryTagsTest {

    private static final String ALPHABET = "##aZk9_& .,-@!#Ab0z\tx";

    @Property(seed = "1122", tries = 3000)
    void asciiTagsAreTheGeneralScansTags(@ForAll long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(80);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(12) == 0) {
                sb.append(rnd.nextBoolean() ? "#Brand" + rnd.nextInt(3) + "Fail" : "#news");
            } else {
                sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
        }
        String text = sb.toString();
        assertArrayEquals(CheckMemory.tags(text), CheckMemory.asciiTags(text), text);
    }

    @Test
    void asciiTagsAtTheLimits() {
        String[] texts = {"", "#", "##", "#1", "#_", "#a", "a#b", "&#b", "_#b", ".#b", "#a#b", "#A #a #A_1 #a_1",
            "x #" + "a".repeat(140) + " #" + "b".repeat(141) + " end", ("#t" + " ").repeat(250),
            "#t1 #t2 #t3 #t4 #t5 #t6 #t7 #t8 #t9 #t1 #T2", "Just picked up my order, nice packaging #unboxing @brand1"};
        for (String text : texts) {
            assertArrayEquals(CheckMemory.tags(text), CheckMemory.asciiTags(text), text);
        }
    }

    @Test
    void aTextBeyondAsciiIsLeftToTheGeneralScan() {
        assertNull(CheckMemory.asciiTags("Caf\u00e9 #d\u00e9j\u00e0vu"));
        assertNull(CheckMemory.asciiTags("\uFF03tag"));
        assertNull(CheckMemory.asciiTags("#a " + "x".repeat(5000)));
    }
}
