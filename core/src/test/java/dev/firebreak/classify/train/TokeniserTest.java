package dev.firebreak.classify.train;

import static dev.firebreak.classify.train.FeatureExtractor.PUNCT;
import static dev.firebreak.classify.train.FeatureExtractor.SPECIAL;
import static dev.firebreak.classify.train.FeatureExtractor.WORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.testkit.HostileText;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The tokeniser's fast paths (ASCII words lower-cased and case-counted through tables, URLs recognised
 * after a word's run of characters) give exactly the tokens of the one-character-per-turn tokeniser
 * they replaced, which is kept here as the reference: same count, starts, lengths, types, hashes,
 * all-caps flags and normalised characters, so that models trained before the change score the same.
 */
class TokeniserTest {

    /** Pieces that meet the tokeniser's special cases, joined at random. */
    private static final String[] PIECES = {
        "a", "b", "h", "H", "w", "W", "t", "p", "s", "S", "x", "Z", "0", "7", "_", "e", "E", "oo", "OOO", "ll",
        " ", "  ", "\t", "\n", "\u0000", "\u007F", ".", ",", "!", "!!!", "?", ":", "/", "//", "'", "@", "#", "-",
        "http", "https", "HTTP", "hTtPs", "www", "WWW", "://", "http://", "https://x.co/A", "www.", "wwww.",
        "httpſ://", "\u017F", "don't", "can’t", "’", "\u2019",
        "é", "É", "ß", "ñ", "Ü", "e\u0301", "\u0300", "\uFE0F", "\u200D", "😡", "👍🏽", "🏽", "❤️",
        "\uD83D", "\uDE00", "日本", "ДА", "ı", "İ", "K", "ǅ", "²", "٣", "€", "+", "^", "`", "~",
        "\uD801\uDC00", "\uD801\uDC28", "NOT", "not", "n't", "@Acme_Support", "#fail", "#", "@", "@@x",
    };

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 2000, seed = "20261122")
    void fastPathsGiveTheReferenceTokens(@ForAll("texts") String text) {
        assertSameTokens(text);
    }

    @Property(tries = 500, seed = "7")
    void anyStringGivesTheReferenceTokens(@ForAll String text) {
        assertSameTokens(text);
    }

    @Test
    void hostileAndKnownTextsGiveTheReferenceTokens() {
        for (Map.Entry<String, String> e : HostileText.all().entrySet()) {
            assertSameTokens(e.getValue());
        }
        for (String t : new String[] {"", "x", "http", "http:", "http:/", "http://", "https://", "www.", "www",
            "Go to HTTPS://Acme.co/x now", "httpſ://x", "xhttp://y", "#http://x", "@http://x", "don't http://x",
            "café http://x", "sooooo gooood!!!!!", "WOW THIS IS BAD", "I'm NOT happy", "ABC1 AB ab"}) {
            assertSameTokens(t);
        }
    }

    /**
     * A trained model tokenises only the space-separated chunks it does not remember, so a text's tokens
     * must be its chunks' tokens one after the other: no rule may look across a space.
     */
    @Property(tries = 1000, seed = "20261122")
    void aTextsTokensAreItsSpaceSeparatedChunksTokens(@ForAll("texts") String text) {
        assertChunksGiveTheTextsTokens(text);
    }

    @Property(tries = 500, seed = "11")
    void anyStringsTokensAreItsChunksTokens(@ForAll String text) {
        assertChunksGiveTheTextsTokens(text);
        assertChunksGiveTheTextsTokens(text.replace('x', ' ').replace('\n', ' '));
    }

    @Test
    void hostileTextsTokensAreTheirChunksTokens() {
        for (String t : HostileText.all().values()) {
            assertChunksGiveTheTextsTokens(t);
        }
        for (String t : new String[] {"http :// x", "www .x", "don 't", "don' t", "@ x", "# x", "a\u0301 \u0301b",
            "x\uD83D \uDE00y", "!!! !!!", "soo oo", "https://x.co/a b", "e - mail", "NOT  GOOD", " ", ""}) {
            assertChunksGiveTheTextsTokens(t);
        }
    }

    /**
     * A trained model remembers "Hello" and "hello" as one chunk: a capital first letter before a
     * lower-case one gives the same tokens as a small one, all-caps flags included.
     */
    @Property(tries = 1000, seed = "20261122")
    void aCapitalFirstLetterBeforeASmallOneGivesTheSameTokens(@ForAll("texts") String text,
            @ForAll @net.jqwik.api.constraints.CharRange(from = 'A', to = 'Z') char first,
            @ForAll @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z') char second) {
        String rest = text.indexOf(' ') < 0 ? text : text.substring(0, text.indexOf(' '));
        for (String tail : new String[] {rest, rest.toUpperCase(java.util.Locale.ROOT), "TTP://x", "ww.x", "'T",
            "X,", "BC", "\u00C9\u00C9"}) {
            String upper = "" + first + second + tail;
            String lower = "" + (char) (first | 0x20) + second + tail;
            for (boolean handleChars : new boolean[] {true, false}) {
                FeatureExtractor.Scratch a = new FeatureExtractor.Scratch();
                FeatureExtractor.Scratch b = new FeatureExtractor.Scratch();
                FeatureExtractor.tokenise(upper, a, handleChars);
                FeatureExtractor.tokenise(lower, b, handleChars);
                Supplier<String> what = () -> escape(upper) + " and " + escape(lower);
                assertEquals(a.tokens, b.tokens, what);
                for (int t = 0; t < a.tokens; t++) {
                    assertSameToken(a, t, b, t, what);
                }
            }
        }
    }

    private static void assertChunksGiveTheTextsTokens(String text) {
        for (boolean handleChars : new boolean[] {true, false}) {
            FeatureExtractor.Scratch whole = new FeatureExtractor.Scratch();
            FeatureExtractor.tokenise(text, whole, handleChars);
            char[] in = text.toCharArray();
            FeatureExtractor.Scratch chunk = new FeatureExtractor.Scratch();
            int t = 0;
            for (int from = 0; from < in.length; ) {
                int to = from;
                while (to < in.length && in[to] != ' ') {
                    to++;
                }
                FeatureExtractor.tokenise(in, from, to, chunk, handleChars);
                for (int k = 0; k < chunk.tokens; k++, t++) {
                    int token = t;
                    Supplier<String> at = () -> "token " + token + " of " + escape(text);
                    assertTrue(t < whole.tokens, at);
                    assertSameToken(whole, t, chunk, k, at);
                }
                from = to + 1;
            }
            assertEquals(whole.tokens, t, () -> "tokens of " + escape(text));
        }
    }

    @Test
    void urlsAreOneTokenWhateverTheirCaseAndWordsThatStartLikeOneAreWords() {
        FeatureExtractor.Scratch s = new FeatureExtractor.Scratch();
        FeatureExtractor.tokenise("why HTTPS://x.co/a www.b.c httpſ://d what http: www", s, true);
        int[] types = Arrays.copyOf(s.tokType, s.tokens);
        assertEquals(Arrays.toString(new int[] {WORD, SPECIAL, SPECIAL, SPECIAL, WORD, WORD, PUNCT, WORD}),
                Arrays.toString(types));
    }

    private static void assertSameTokens(String text) {
        for (boolean handleChars : new boolean[] {true, false}) {
            FeatureExtractor.Scratch fast = new FeatureExtractor.Scratch();
            FeatureExtractor.Scratch ref = new FeatureExtractor.Scratch();
            FeatureExtractor.tokenise(text, fast, handleChars);
            Reference.tokenise(text, ref, handleChars);
            Supplier<String> what = () -> "tokens of " + escape(text)
                    + (handleChars ? "" : " (no handle characters)");
            assertEquals(ref.tokens, fast.tokens, what);
            for (int t = 0; t < ref.tokens; t++) {
                int token = t;
                Supplier<String> at = () -> what.get() + ", token " + token;
                assertSameToken(ref, t, fast, t, at);
            }
        }
    }

    /** Token {@code i} of {@code a} and token {@code j} of {@code b} are the same: type, hash, flags, characters. */
    private static void assertSameToken(FeatureExtractor.Scratch a, int i, FeatureExtractor.Scratch b, int j,
            Supplier<String> what) {
        assertEquals(a.tokType[i], b.tokType[j], what);
        assertEquals(a.tokHash[i], b.tokHash[j], what);
        assertEquals(a.tokCaps[i], b.tokCaps[j], what);
        assertEquals(a.tokLen[i], b.tokLen[j], what);
        assertTrue(Arrays.equals(a.norm, a.tokStart[i], a.tokStart[i] + a.tokLen[i], b.norm, b.tokStart[j],
                b.tokStart[j] + b.tokLen[j]), what);
    }

    /** The text (its first 200 characters) with every character outside printable ASCII escaped. */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.chars().limit(200).forEach(c -> b.append(c >= 32 && c < 127 ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return b.append(text.length() > 200 ? "...\"" : "\"").toString();
    }

    /** The tokeniser as it was before its fast paths (feature version 2), character by character. */
    private static final class Reference {
        private static final long FNV_OFFSET = 0xcbf29ce484222325L;
        private static final long FNV_PRIME = 0x100000001b3L;
        private static final long URL_HASH = FeatureExtractor.fnv("<url>");
        private static final long USER_HASH = FeatureExtractor.fnv("<user>");
        private static final char[] FOLD = new char[0x250];
        private static final byte[] ASCII = new byte[128];
        private static final byte A_SPACE = 0;
        private static final byte A_WORD = 1;
        private static final byte A_PUNCT = 2;

        static {
            for (int c = 0; c < FOLD.length; c++) {
                char lower = Character.toLowerCase((char) c);
                String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
                char base = decomposed.charAt(0);
                FOLD[c] = decomposed.length() > 0 && base < 0x250 && Character.isLetter(base) ? base : lower;
            }
            FOLD['ß'] = 'ß';
            for (int c = 0; c < 128; c++) {
                if (Character.isLetterOrDigit(c) || c == '_') {
                    ASCII[c] = A_WORD;
                } else if (c > ' ' && c < 127) {
                    ASCII[c] = A_PUNCT;
                } else {
                    ASCII[c] = A_SPACE;
                }
            }
        }

        static void tokenise(String text, FeatureExtractor.Scratch s, boolean handleChars) {
            int n = text.length();
            s.reset(n);
            char[] in = s.in;
            text.getChars(0, n, in, 0);
            char[] norm = s.norm;
            int out = 0;
            int i = 0;
            // current token
            int type = -1;
            int start = 0;
            long h = FNV_OFFSET;
            int upper = 0;
            int lower = 0;
            while (i < n) {
                char c = in[i];
                int cp = c;
                int width = 1;
                if (c < 128) {
                    byte cls = ASCII[c];
                    if (cls == A_WORD) {
                        if (type != WORD) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && isUrl(text, i)) {
                                i = skipNonSpace(text, i);
                                s.special(out, URL_HASH);
                                type = -1;
                                continue;
                            }
                            type = FeatureExtractor.WORD;
                            start = out;
                            h = FNV_OFFSET;
                            upper = 0;
                            lower = 0;
                        }
                        // the whole run of ASCII word characters in one loop, the token's last two characters
                        // in registers (0 stands for none: it is never a word character); the same result
                        // as one character per turn of the outer loop, at about half the cost
                        // (TrainedModelBenchmark)
                        char p1 = out - start >= 1 ? norm[out - 1] : 0;
                        char p2 = out - start >= 2 ? norm[out - 2] : 0;
                        while (true) {
                            char f = c;
                            if (c >= 'A' && c <= 'Z') {
                                f = (char) (c + 32);
                                upper++;
                            } else if (c >= 'a' && c <= 'z') {
                                lower++;
                            }
                            if (f != p1 || f != p2) {
                                norm[out++] = f;
                                h = (h ^ f) * FNV_PRIME;
                                p2 = p1;
                                p1 = f;
                            }
                            if (++i == n) {
                                break;
                            }
                            c = in[i];
                            if (c >= 128 || ASCII[c] != A_WORD) {
                                break;
                            }
                        }
                        continue;
                    }
                    if (cls == A_PUNCT) {
                        if ((c == '\'') && type == WORD && i + 1 < n && Character.isLetter(in[i + 1])) {
                            norm[out++] = '\'';
                            h = (h ^ '\'') * FNV_PRIME;
                            i++;
                            continue;
                        }
                        if (c == '@' && i + 1 < n && isHandleChar(in[i + 1]) && type != WORD) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            i++;
                            int handleStart = out;
                            while (i < n && isHandleChar(in[i])) {
                                if (handleChars) {
                                    char hc = in[i];
                                    norm[out++] = hc >= 'A' && hc <= 'Z' ? (char) (hc + 32) : hc;
                                }
                                i++;
                            }
                            s.end(SPECIAL, handleStart, out, USER_HASH, 0, 0);
                            type = -1;
                            continue;
                        }
                        if (c == '#' && i + 1 < n && Character.isLetterOrDigit(in[i + 1])) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            type = -1;
                            i++;
                            continue;
                        }
                        if (type != PUNCT) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            type = FeatureExtractor.PUNCT;
                            start = out;
                            h = FNV_OFFSET;
                        }
                        if (out - start < 2 || norm[out - 1] != c || norm[out - 2] != c) {
                            norm[out++] = c;
                            h = (h ^ c) * FNV_PRIME;
                        }
                        i++;
                        continue;
                    }
                    // space or control
                    if (type >= 0) {
                        out = s.end(type, start, out, h, upper, lower);
                        type = -1;
                    }
                    i++;
                    continue;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < n && Character.isLowSurrogate(in[i + 1])) {
                        cp = Character.toCodePoint(c, in[i + 1]);
                        width = 2;
                    } else {
                        cp = -1;
                    }
                } else if (Character.isLowSurrogate(c)) {
                    cp = -1;
                }
                int kind = cp < 0 ? Character.CONTROL : Character.getType(cp);
                switch (kind) {
                    case Character.UPPERCASE_LETTER:
                    case Character.LOWERCASE_LETTER:
                    case Character.TITLECASE_LETTER:
                    case Character.MODIFIER_LETTER:
                    case Character.OTHER_LETTER:
                    case Character.DECIMAL_DIGIT_NUMBER:
                    case Character.LETTER_NUMBER:
                    case Character.OTHER_NUMBER:
                    case Character.NON_SPACING_MARK:
                    case Character.COMBINING_SPACING_MARK:
                    case Character.ENCLOSING_MARK: {
                        boolean mark = kind == Character.NON_SPACING_MARK || kind == Character.ENCLOSING_MARK
                                || kind == Character.COMBINING_SPACING_MARK;
                        if (mark && (cp >= 0x300 && cp <= 0x36F || cp >= 0xFE00 && cp <= 0xFE0F
                                || cp >= 0xE0100 && cp <= 0xE01EF || cp >= 0x1AB0 && cp <= 0x1AFF
                                || cp >= 0x1DC0 && cp <= 0x1DFF || cp >= 0x20D0 && cp <= 0x20FF)) {
                            i += width; // accents and zalgo on decomposed text, variation selectors
                            continue;
                        }
                        if (type != WORD) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            type = FeatureExtractor.WORD;
                            start = out;
                            h = FNV_OFFSET;
                            upper = 0;
                            lower = 0;
                        }
                        if (kind == Character.UPPERCASE_LETTER || kind == Character.TITLECASE_LETTER) {
                            upper++;
                        } else if (kind == Character.LOWERCASE_LETTER) {
                            lower++;
                        }
                        if (width == 1) {
                            char f = c < FOLD.length ? FOLD[c] : Character.toLowerCase(c);
                            if (out - start < 2 || norm[out - 1] != f || norm[out - 2] != f) {
                                norm[out++] = f;
                                h = (h ^ f) * FNV_PRIME;
                            }
                        } else {
                            int lc = Character.toLowerCase(cp);
                            char hi = Character.highSurrogate(lc);
                            char lo = Character.lowSurrogate(lc);
                            norm[out++] = hi;
                            norm[out++] = lo;
                            h = (h ^ hi) * FNV_PRIME;
                            h = (h ^ lo) * FNV_PRIME;
                        }
                        i += width;
                        continue;
                    }
                    case Character.OTHER_SYMBOL:
                    case Character.MATH_SYMBOL:
                    case Character.CURRENCY_SYMBOL:
                    case Character.MODIFIER_SYMBOL: {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                            type = -1;
                        }
                        if (!(cp >= 0x1F3FB && cp <= 0x1F3FF)) { // skin tones modify the emoji before them
                            long sh = FNV_OFFSET;
                            sh = (sh ^ (cp >>> 16)) * FNV_PRIME;
                            sh = (sh ^ (cp & 0xFFFF)) * FNV_PRIME;
                            s.symbol(out, sh);
                        }
                        i += width;
                        continue;
                    }
                    case Character.CONNECTOR_PUNCTUATION:
                    case Character.DASH_PUNCTUATION:
                    case Character.START_PUNCTUATION:
                    case Character.END_PUNCTUATION:
                    case Character.INITIAL_QUOTE_PUNCTUATION:
                    case Character.FINAL_QUOTE_PUNCTUATION:
                    case Character.OTHER_PUNCTUATION: {
                        if (c == '\u2019' && type == WORD && i + 1 < n && Character.isLetter(in[i + 1])) {
                            norm[out++] = '\'';
                            h = (h ^ '\'') * FNV_PRIME;
                            i++;
                            continue;
                        }
                        if (type != PUNCT) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            type = FeatureExtractor.PUNCT;
                            start = out;
                            h = FNV_OFFSET;
                        }
                        if (width == 1 && (out - start < 2 || norm[out - 1] != c || norm[out - 2] != c)) {
                            norm[out++] = c;
                            h = (h ^ c) * FNV_PRIME;
                        }
                        i += width;
                        continue;
                    }
                    default:
                        // spaces, controls, format characters (joiners, BOM), lone surrogates, unassigned
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                            type = -1;
                        }
                        i += width;
                }
            }
            if (type >= 0) {
                s.end(type, start, out, h, upper, lower);
            }
        }

        private static boolean isHandleChar(char c) {
            return c < 128 && ASCII[c] == A_WORD;
        }

        private static boolean isUrl(String text, int i) {
            // most words starting with h or w are not URLs: look at the second character before the
            // region matches (same result, a tenth of the cost on words such as "why" or "has")
            if (i + 3 >= text.length()) {
                return false;
            }
            char second = text.charAt(i + 1);
            if (second != 't' && second != 'T' && second != 'w' && second != 'W') {
                return false;
            }
            return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
                    || text.regionMatches(true, i, "www.", 0, 4);
        }

        private static int skipNonSpace(String text, int i) {
            int n = text.length();
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
