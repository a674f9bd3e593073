package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

    @Test
    void decodesTheEntitiesXLeavesAndNumericReferences() {
        assertEquals("a & b < c > d \" ' ' é 😡", HtmlEntities.unescape(
                "a &amp; b &lt; c &gt; d &quot; &apos; &#39; &#xE9; &#128545;"));
    }

    @Test
    void decodesOncePerPass() {
        assertEquals("&lt;", HtmlEntities.unescape("&amp;lt;"));
    }

    @Test
    void keepsWhatIsNotAnEntity() {
        for (String s : new String[] {"AT&T", "a & b", "&;", "&#;", "&#x;", "&#xZZ;", "&nbsp;", "&#0;", "&#xD800;",
                "&#99999999999;", "&amp", "fish &chips; and more", "&&amp;"}) {
            String expected = s.equals("&&amp;") ? "&&" : s;
            assertEquals(expected, HtmlEntities.unescape(s), s);
        }
    }

    @Property(seed = "20240501", tries = 500)
    void decodingWhatXEscapedGivesTheOriginalText(@ForAll String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertEquals(text, HtmlEntities.unescape(escaped));
    }
}
