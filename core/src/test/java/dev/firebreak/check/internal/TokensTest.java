package dev.firebreak.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensKeepTheirSpanInTheOriginalText() {
        String text = "  L'Équipe — 😡 sorry!";
        Tokens t = Tokens.of(text);
        assertEquals(4, t.size());
        assertEquals("l", t.norm(0));
        assertEquals("equipe", t.norm(1));
        assertEquals("Équipe", text.substring(t.start(1), t.end(1)));
        assertEquals("😡", text.substring(t.start(2), t.end(2)));
        assertEquals("sorry", t.norm(3));
    }

    @Test
    void norwegianLettersStayWhileAccentsGo() {
        assertEquals("blabærsyltetøy", Tokens.normalise("Blåbærsyltetøy"));
        assertEquals("straße", Tokens.normalise("Straße"));
    }

    @Test
    void loneSurrogatesAndControlCharactersSeparateWords() {
        Tokens t = Tokens.of("a\uD83Db\u0000c\uDE21d");
        assertEquals(4, t.size());
    }

    @Test
    void veryLongWordsAreCutInTheirNormalForm() {
        Tokens t = Tokens.of("a".repeat(100_000));
        assertEquals(1, t.size());
        assertEquals(Tokens.MAX_NORM, t.norm(0).length());
        assertEquals(100_000, t.end(0));
    }

    @Test
    void recognisesNumbersAndHours() {
        Tokens t = Tokens.of("42 3pm 15h30 10am 4x 1234567");
        assertTrue(t.isNumber(0));
        assertTrue(t.isTime(1));
        assertTrue(t.isTime(2));
        assertTrue(t.isTime(3));
        assertFalse(t.isTime(4));
        assertFalse(t.isNumber(4));
        assertTrue(t.isNumber(5));
    }
}
