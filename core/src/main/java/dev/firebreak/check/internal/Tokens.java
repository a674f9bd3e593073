package dev.firebreak.check.internal;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text cut into normalised tokens, each with its character span in the original text. Linear in the
 * text's length, no regular expressions; any string (invalid surrogates, control characters, megabytes)
 * is accepted.
 *
 * <p>Tokens are: runs of letters and digits (combining marks stay inside the word and are dropped from
 * the normal form; apostrophes, hyphens and all punctuation separate words); each CJK ideograph or kana
 * on its own (Chinese has no spaces, so a phrase is a sequence of characters); each symbol such as an
 * emoji, {@code %} or a currency sign on its own. The normal form is lower case with accents removed
 * ({@code é} becomes {@code e}; {@code ø}, {@code æ} and {@code ß} stay), at most {@value #MAX_NORM}
 * characters.
 */
public final class Tokens {

    /** Longer words are cut to this many characters in their normal form. */
    public static final int MAX_NORM = 48;

    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.isEmpty() ? c : d.charAt(0);
            FOLD[c] = Character.toLowerCase(base);
        }
    }

    private final String text;
    private int size;
    private int[] starts;
    private int[] ends;
    private String[] norms;

    private Tokens(String text, int capacity) {
        this.text = text;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.norms = new String[capacity];
    }

    /** Tokenises a text. */
    public static Tokens of(String text) {
        Tokens t = new Tokens(text, Math.max(8, Math.min(text.length() / 4 + 1, 1 << 16)));
        t.scan();
        return t;
    }

    /** The text the tokens were cut from. */
    public String text() {
        return text;
    }

    /** How many tokens. */
    public int size() {
        return size;
    }

    /** The normal form of token {@code i}. */
    public String norm(int i) {
        return norms[i];
    }

    /** Where token {@code i} starts in the text (a char index). */
    public int start(int i) {
        return starts[i];
    }

    /** Where token {@code i} ends in the text (exclusive char index). */
    public int end(int i) {
        return ends[i];
    }

    /** Whether token {@code i} is all ASCII digits. */
    public boolean isNumber(int i) {
        String n = norms[i];
        if (n.isEmpty()) {
            return false;
        }
        for (int k = 0; k < n.length(); k++) {
            char c = n.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether token {@code i} reads as a clock time or an hour: {@code 3pm}, {@code 10am}, {@code 15h},
     * {@code 15h30}.
     */
    public boolean isTime(int i) {
        String n = norms[i];
        int k = 0;
        while (k < n.length() && k < 2 && n.charAt(k) >= '0' && n.charAt(k) <= '9') {
            k++;
        }
        if (k == 0) {
            return false;
        }
        String rest = n.substring(k);
        if (rest.equals("am") || rest.equals("pm") || rest.equals("h")) {
            return true;
        }
        if (rest.length() == 3 && rest.charAt(0) == 'h' && Character.isDigit(rest.charAt(1))
                && Character.isDigit(rest.charAt(2))) {
            return true;
        }
        return false;
    }

    /** The normal form of a single word or symbol, as a token of it would have. */
    public static String normalise(String word) {
        Tokens t = of(word);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size; i++) {
            sb.append(t.norms[i]);
        }
        return sb.toString();
    }

    /** Lower case, accents removed, for one code point appended to {@code sb}. */
    static void appendFolded(StringBuilder sb, int cp) {
        if (cp < FOLD.length) {
            sb.append(FOLD[cp]);
        } else {
            sb.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    private void scan() {
        String s = text;
        int n = s.length();
        StringBuilder sb = new StringBuilder(16);
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (isCjk(cp)) {
                add(i, i + len, new String(Character.toChars(Character.toLowerCase(cp))));
                i += len;
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                sb.setLength(0);
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (Character.isLetterOrDigit(c) && !isCjk(c)) {
                        if (sb.length() < MAX_NORM) {
                            appendFolded(sb, c);
                        }
                    } else if (!isMark(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                add(start, i, sb.toString());
            } else if (isSymbol(cp)) {
                add(i, i + len, new String(Character.toChars(cp)));
                i += len;
            } else {
                i += len;
            }
        }
    }

    private void add(int start, int end, String norm) {
        if (size == starts.length) {
            int cap = size * 2;
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            norms = Arrays.copyOf(norms, cap);
        }
        starts[size] = start;
        ends[size] = end;
        norms[size] = norm;
        size++;
    }

    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        if (Character.isIdeographic(cp)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    static boolean isSymbol(int cp) {
        if (cp == '%') {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.OTHER_SYMBOL || t == Character.CURRENCY_SYMBOL;
    }
}
