package dev.firebreak.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static Lexicon.Scan scan(String text, String... entries) {
        return Lexicon.compile(Map.of("l", List.of(entries))).scan(Tokens.of(text));
    }

    private static List<String> found(String text, String... entries) {
        Lexicon.Scan s = scan(text, entries);
        return s.matches("l").stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void matchesWholeWordsIgnoringCaseAndAccents() {
        assertEquals(List.of("Désolés"), found("Désolés pour le retard", "desoles"));
        assertEquals(List.of("desoles"), found("desoles", "désolés"));
        assertEquals(List.of(), found("undesolesx", "desoles"));
        assertEquals(List.of("SORRY"), found("SORRY!!", "sorry"));
    }

    @Test
    void combiningAccentsAreFoldedLikePrecomposedOnes() {
        assertEquals(List.of("Dése\u0301s"), found("Dése\u0301s", "désés"));
    }

    @Test
    void apostrophesAndHyphensSplitWordsInTextAndEntriesAlike() {
        assertEquals(List.of("we\u2019re wrong"), found("No, we\u2019re wrong here", "we're wrong"));
        assertEquals(List.of("you're"), found("you're", "you re"));
        assertEquals(List.of("calmez-vous"), found("calmez-vous", "calmez vous"));
    }

    @Test
    void prefixesSuffixesGapsNumbersAndTimes() {
        assertEquals(List.of("apologise"), found("We apologise", "apologi*"));
        assertEquals(List.of("enviaremos"), found("te enviaremos", "*aremos"));
        assertEquals(List.of(), found("aremos", "*aremos"), "a suffix needs a longer word");
        assertEquals(List.of("due to a sudden technical glitch"),
                found("This was due to a sudden technical glitch.", "due to .. glitch*"));
        assertEquals(List.of(), found("due to one two three four glitch", "due to .. glitch"),
                "a gap skips at most three words");
        assertEquals(List.of("40% off"), found("40% off today", "<number> % off"));
        assertEquals(List.of("3pm", "15h30"), found("by 3pm or 15h30", "<time>"));
    }

    @Test
    void chineseIsMatchedCharacterByCharacter() {
        assertEquals(List.of("地震"), found("地震过后，我们的门店", "地震"));
        assertEquals(List.of(), found("地方震动", "地震"));
    }

    @Test
    void emojiAreWordsOfTheirOwn() {
        assertEquals(List.of("🎉"), found("Party🎉time", "🎉"));
        assertEquals(List.of("❤"), found("love ❤\uFE0F it", "❤"));
    }

    @Test
    void longestMatchWinsAndMatchesOfOneListDoNotOverlap() {
        Lexicon.Scan s = scan("we will update you we will", "we will", "we will update you");
        assertEquals(2, s.count("l"));
        assertEquals("we will update you", s.matches("l").get(0).entry());
    }

    @Test
    void countsEveryMatchButKeepsABoundedNumber() {
        Lexicon.Scan s = scan("bad ".repeat(10_000), "bad");
        assertEquals(10_000, s.count("l"));
        assertEquals(Lexicon.MAX_KEPT, s.matches("l").size());
        assertFalse(s.has("other"));
        assertTrue(s.has("l"));
    }

    @Test
    void refusesEntriesItCannotMatch() {
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate(".. sorry"));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("sorry .."));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("a .. .. b"));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("a .. b .. c .. d"));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("x*"));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("*x"));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.validate("!!!"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lexicon.compile(Map.of("reply.apology", List.of("sorry", "?"))));
        assertTrue(e.getMessage().contains("reply.apology") && e.getMessage().contains("'?'"), e.getMessage());
    }
}
