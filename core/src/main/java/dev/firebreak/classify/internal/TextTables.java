package dev.firebreak.classify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Per-character tables for the tokenizer, computed once: a character class, a folded form (lower case,
 * accents that writers often drop removed, Arabic letter variants unified, traditional Chinese mapped
 * to simplified) and a script. Lookups are array reads: no regex, no allocation on the hot path.
 *
 * <p>Not part of the API: this package is internal and may change without notice.
 */
public final class TextTables {

    // character classes
    static final byte SPACE = 0;
    static final byte WORD = 1;
    static final byte HAN = 2;
    static final byte APOS = 3;
    static final byte HASH = 4;
    static final byte AT = 5;
    static final byte CLAUSE = 6;
    static final byte SENTENCE = 7;
    static final byte SYMBOL = 8;
    static final byte EMOJI = 9;
    static final byte SKIP = 10;
    static final byte HIGH = 11;
    static final byte NEWLINE = 12;

    // scripts
    static final byte S_NONE = 0;
    static final byte S_LATIN = 1;
    static final byte S_HAN = 2;
    static final byte S_ARABIC = 3;
    static final byte S_DEVANAGARI = 4;
    static final byte S_KANA = 5;
    static final byte S_HANGUL = 6;
    static final byte S_OTHER = 7;

    static final byte[] CLASS = new byte[65536];
    /** Folded form; 0 means: drop this character inside a word (combining accents, tatweel, harakat). */
    static final char[] FOLD = new char[65536];
    static final byte[] SCRIPT = new byte[65536];
    /** Letter case: {@link #UPPER}, {@link #LOWER} or 0. */
    static final byte[] CASE = new byte[65536];
    /**
     * FOLD, CLASS and CASE in one int per character (fold in bits 0-15, class in 16-19, case in 20-21),
     * so the word scanner reads one table per character instead of three.
     */
    static final int[] INFO = new int[65536];
    static final int INFO_CLASS_SHIFT = 16;
    static final int INFO_CASE_SHIFT = 20;
    static final byte UPPER = 1;
    static final byte LOWER = 2;

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            byte cls;
            if (Character.isHighSurrogate(ch)) {
                cls = HIGH;
            } else if (Character.isLowSurrogate(ch)) {
                cls = SYMBOL;
            } else if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) {
                cls = NEWLINE;
            } else if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || c == 0x200B) {
                cls = SPACE;
            } else if (c == 0x200C || c == 0x200D || c == 0xFE0E || c == 0xFE0F || c == 0x2060 || c == 0xFEFF
                    || c == 0x00AD || (c >= 0xFE00 && c <= 0xFE0F) || type == Character.FORMAT
                    || type == Character.CONTROL) {
                cls = SKIP;
            } else if (c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == 0x00B4 || c == 0x0060) {
                cls = APOS;
            } else if (c == '#' || c == 0xFF03) {
                cls = HASH;
            } else if (c == '@' || c == 0xFF20) {
                cls = AT;
            } else if (c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E
                    || c == 0x2026 || c == 0x061F || c == 0x0964 || c == 0x00A1 || c == 0x00BF) {
                cls = SENTENCE;
            } else if (c == ',' || c == ';' || c == ':' || c == 0x3001 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A
                    || c == 0x060C || c == 0x061B) {
                cls = CLAUSE;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && Character.isLetter(ch)) {
                cls = HAN;
            } else if (Character.isLetterOrDigit(ch) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                cls = WORD;
            } else if (type == Character.OTHER_SYMBOL) {
                cls = EMOJI;
            } else {
                cls = SYMBOL;
            }
            CLASS[c] = cls;

            char fold = Character.toLowerCase(ch);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                fold = Character.toLowerCase((char) (c - 0xFF01 + 0x21));
            } else if (c >= 0x00C0 && c < 0x0250) {
                fold = foldLatin(fold);
            } else if (c >= 0x0300 && c <= 0x036F) {
                fold = 0; // combining accents (and zalgo): dropped
            } else if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
                fold = 0; // Arabic harakat and tatweel
            } else if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
                String n = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
                if (n.length() == 1) {
                    fold = n.charAt(0);
                }
            } else if (cls == SKIP) {
                fold = 0;
            }
            fold = foldArabic(fold);
            FOLD[c] = fold;

            byte script;
            if (cls == HAN) {
                script = S_HAN;
            } else if (!Character.isLetter(ch)) {
                script = S_NONE;
            } else {
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                switch (s) {
                    case LATIN: script = S_LATIN; break;
                    case ARABIC: script = S_ARABIC; break;
                    case DEVANAGARI: script = S_DEVANAGARI; break;
                    case HIRAGANA: case KATAKANA: script = S_KANA; break;
                    case HANGUL: script = S_HANGUL; break;
                    default: script = S_OTHER; break;
                }
            }
            SCRIPT[c] = script;
            CASE[c] = Character.isUpperCase(ch) ? UPPER : Character.isLowerCase(ch) ? LOWER : 0;
        }
        // Devanagari vowel signs and Arabic letters carry meaning: keep them in words.
        for (int c = 0x0900; c <= 0x097F; c++) {
            if (CLASS[c] == WORD) {
                FOLD[c] = (char) c;
            }
        }
        loadTraditional();
        for (int c = 0; c < 65536; c++) {
            INFO[c] = FOLD[c] | CLASS[c] << INFO_CLASS_SHIFT | CASE[c] << INFO_CASE_SHIFT;
        }
    }

    private TextTables() {
    }

    /** Lower-case Latin letter with acute, grave, circumflex, tilde, cedilla, caron, macron or ogonek removed. */
    private static char foldLatin(char lower) {
        switch (lower) {
            // letters that are letters of their own in our languages, or whose accent changes the word
            case 'ä': case 'ö': case 'ü': case 'ß': case 'å': case 'æ': case 'ø': case 'ñ': case 'œ': case 'ë':
            case 'ï': case 'ÿ':
                return lower;
            default:
                break;
        }
        String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        if (d.length() >= 2 && d.charAt(0) < 128) {
            for (int i = 1; i < d.length(); i++) {
                char m = d.charAt(i);
                if (m < 0x0300 || m > 0x036F) {
                    return lower;
                }
            }
            return d.charAt(0);
        }
        return lower;
    }

    private static char foldArabic(char c) {
        switch (c) {
            case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; // alef variants
            case 0x0649: return 0x064A; // alef maksura -> yeh
            case 0x0629: return 0x0647; // teh marbuta -> heh
            case 0x0624: return 0x0648; // waw with hamza
            case 0x0626: return 0x064A; // yeh with hamza
            default: return c;
        }
    }

    /** Maps traditional Chinese characters to simplified ones, from {@code zh-traditional.txt}. */
    private static void loadTraditional() {
        InputStream in = TextTables.class.getResourceAsStream("/dev/firebreak/classify/lexicon/zh-traditional.txt");
        if (in == null) {
            throw new IllegalStateException("missing resource dev/firebreak/classify/lexicon/zh-traditional.txt");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                // pairs "繁简" separated by spaces
                for (String pair : line.split("\\s+")) {
                    if (pair.length() == 2 && CLASS[pair.charAt(0)] == HAN && CLASS[pair.charAt(1)] == HAN) {
                        FOLD[pair.charAt(0)] = pair.charAt(1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One FNV-1a step. */
    static long step(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** Final mix of a token hash into a table key; never 0 (0 marks an empty slot). */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** The key of a phrase: the keys of its tokens combined in order. */
    static long combine(long phrase, long token) {
        return mix(phrase * 0x9E3779B97F4A7C15L + token);
    }

    /** Whether a supplementary code point is an emoji modifier or flag letter that carries nothing alone. */
    static boolean isEmojiModifier(int cp) {
        return (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
