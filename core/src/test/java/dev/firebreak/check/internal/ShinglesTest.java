package dev.firebreak.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ShinglesTest {

    @Test
    void aTemplatePersonalisedWithHandlesNumbersAndLinksStaysTheSameText() {
        Set<String> a = Shingles.of("@jane sorry about order 1234, see https://acme.com/a for updates");
        Set<String> b = Shingles.of("@bob sorry about order 98, see https://acme.com/zz for updates");
        assertEquals(1.0, Shingles.jaccard(a, b));
    }

    @Test
    void differentRepliesAreNotSimilar() {
        double j = Shingles.jaccard(Shingles.of("We're sorry, the refund goes out on Friday."),
                Shingles.of("Thanks for the photo, it made our day!"));
        assertTrue(j < 0.1, "similarity " + j);
    }

    @Test
    void emptyTextsAreNeverSimilar() {
        assertEquals(0.0, Shingles.jaccard(Shingles.of(""), Shingles.of("")));
        assertEquals(Set.of("hello"), Shingles.of("Hello!"));
    }
}
