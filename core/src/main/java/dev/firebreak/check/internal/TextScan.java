package dev.firebreak.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds hashtags, {@code @handles} and link-like words in a text, with their spans. Hand-written scanners,
 * linear in the text's length; results are capped at {@value #MAX_ITEMS} per kind.
 */
public final class TextScan {

    /** At most this many hashtags, handles or links are reported per text. */
    public static final int MAX_ITEMS = 200;

    private static final int MAX_TAG = 140;
    private static final int MAX_HANDLE = 50;
    private static final int MAX_LINK = 2048;

    private TextScan() {
    }

    /**
     * A {@code #hashtag} in a text.
     *
     * @param tag the normal form (see {@link #normaliseTag(String)})
     * @param start the index of {@code #}
     * @param end the exclusive end
     */
    public record Tag(String tag, int start, int end) {
    }

    /**
     * An {@code @handle} in a text.
     *
     * @param handle lower-case, without {@code @}
     * @param start the index of {@code @}
     * @param end the exclusive end
     */
    public record Handle(String handle, int start, int end) {
    }

    /**
     * A word that is, or was meant to be, a link.
     *
     * @param link the word, trailing punctuation removed
     * @param start where it starts
     * @param end the exclusive end
     */
    public record Link(String link, int start, int end) {
    }

    /** A hashtag's normal form: without {@code #}, lower case, accents removed. */
    public static String normaliseTag(String tag) {
        String t = tag.strip();
        while (t.startsWith("#") || t.startsWith("\uFF03")) {
            t = t.substring(1);
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length() && sb.length() < MAX_TAG; ) {
            int cp = t.codePointAt(i);
            if (!Tokens.isMark(cp)) {
                Tokens.appendFolded(sb, cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** A handle's normal form: without {@code @}, lower case. */
    public static String normaliseHandle(String handle) {
        String h = handle.strip();
        while (h.startsWith("@")) {
            h = h.substring(1);
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** The hashtags of a text: {@code #} not inside a word, then letters, digits, marks or {@code _}, with a letter. */
    public static List<Tag> hashtags(String text) {
        List<Tag> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n && out.size() < MAX_ITEMS; i++) {
            char c = text.charAt(i);
            if ((c != '#' && c != '\uFF03') || (i > 0 && isWordChar(text.codePointBefore(i)))) {
                continue;
            }
            int j = i + 1;
            boolean letter = false;
            while (j < n) {
                int cp = text.codePointAt(j);
                if (Character.isLetter(cp)) {
                    letter = true;
                } else if (!(Character.isDigit(cp) || cp == '_' || Tokens.isMark(cp))) {
                    break;
                }
                j += Character.charCount(cp);
            }
            if (letter && j - i <= MAX_TAG + 1) {
                out.add(new Tag(normaliseTag(text.substring(i + 1, j)), i, j));
            }
            i = j - 1;
        }
        return out;
    }

    /** The {@code @handles} of a text; an {@code @} inside a word (an e-mail address) is not one. */
    public static List<Handle> handles(String text) {
        List<Handle> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n && out.size() < MAX_ITEMS; i++) {
            if (text.charAt(i) != '@' || (i > 0 && (isWordChar(text.codePointBefore(i)) || text.charAt(i - 1) == '.'))) {
                continue;
            }
            int j = i + 1;
            while (j < n && isHandleChar(text.charAt(j))) {
                j++;
            }
            int end = j;
            while (end > i + 1 && text.charAt(end - 1) == '.') {
                end--;
            }
            boolean email = j < n && text.charAt(j) == '@';
            if (end > i + 1 && end - i - 1 <= MAX_HANDLE && !email) {
                out.add(new Handle(text.substring(i + 1, end).toLowerCase(Locale.ROOT), i, end));
            }
            i = j - 1;
        }
        return out;
    }

    /**
     * The words of a text that look like links, broken ones included: anything with {@code ://}, starting
     * with {@code www.} or with an {@code http}-like scheme, and placeholders in braces or brackets such as
     * {@code {{link}}} or {@code [URL]}.
     */
    public static List<Link> links(String text) {
        List<Link> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && out.size() < MAX_ITEMS) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= MAX_LINK) {
                int s = start;
                int e = i;
                while (s < e && "(\"'<[«“‘".indexOf(text.charAt(s)) >= 0 && !placeholderAt(text, s, e)) {
                    s++;
                }
                while (e > s && ".,;:!?)\"'>]»”’".indexOf(text.charAt(e - 1)) >= 0 && !placeholderAt(text, s, e)) {
                    e--;
                }
                if (e > s && isLinkLike(text, s, e)) {
                    out.add(new Link(text.substring(s, e), s, e));
                }
            }
        }
        return out;
    }

    private static boolean placeholderAt(String text, int s, int e) {
        String w = text.substring(s, e).toLowerCase(Locale.ROOT);
        return Links.isPlaceholder(w);
    }

    private static boolean isLinkLike(String text, int s, int e) {
        String w = text.substring(s, Math.min(e, s + 64)).toLowerCase(Locale.ROOT);
        if (w.contains("://") || w.startsWith("www.") || w.startsWith("www,")) {
            return true;
        }
        if (Links.isPlaceholder(text.substring(s, e).toLowerCase(Locale.ROOT))) {
            return true;
        }
        // schemes typed wrong: http//, https//, http:/x, htp://, hhtp: ...
        int colonOrSlash = -1;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == ':' || c == '/') {
                colonOrSlash = k;
                break;
            }
            if (!(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        if (colonOrSlash < 3 || colonOrSlash > 6) {
            return false;
        }
        String scheme = w.substring(0, colonOrSlash);
        boolean httpish = scheme.startsWith("ht") || scheme.endsWith("tp") || scheme.endsWith("tps");
        return httpish && w.length() > colonOrSlash + 1
                && (w.charAt(colonOrSlash + 1) == '/' || w.charAt(colonOrSlash) == ':');
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '&';
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
