package dev.firebreak.twitter;

/**
 * Decodes the HTML entities X leaves in post text ({@code &amp;}, {@code &lt;}, {@code &gt;}) plus
 * {@code &quot;}, {@code &apos;}, {@code &#39;}-style decimal and {@code &#x27;}-style hex references.
 * One pass, so {@code &amp;lt;} becomes {@code &lt;}, not {@code <}. Anything that is not a valid
 * entity is kept as it is.
 */
final class HtmlEntities {

    private HtmlEntities() {
    }

    static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(s, i, amp);
            int semi = s.indexOf(';', amp + 1);
            int decoded = semi < 0 || semi - amp > 10 ? -1 : decode(s, amp + 1, semi);
            if (decoded >= 0) {
                sb.appendCodePoint(decoded);
                i = semi + 1;
            } else {
                sb.append('&');
                i = amp + 1;
            }
            amp = s.indexOf('&', i);
        }
        sb.append(s, i, s.length());
        return sb.toString();
    }

    /** The code point of the entity between {@code &} and {@code ;}, or -1. */
    private static int decode(String s, int from, int to) {
        int len = to - from;
        if (len < 2) {
            return -1;
        }
        if (s.charAt(from) == '#') {
            boolean hex = s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X';
            int start = hex ? from + 2 : from + 1;
            if (start >= to) {
                return -1;
            }
            int cp = 0;
            for (int k = start; k < to; k++) {
                int digit = Character.digit(s.charAt(k), hex ? 16 : 10);
                if (digit < 0 || s.charAt(k) > 'f') {
                    return -1;
                }
                cp = cp * (hex ? 16 : 10) + digit;
                if (cp > Character.MAX_CODE_POINT) {
                    return -1;
                }
            }
            if (cp == 0 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                return -1;
            }
            return cp;
        }
        switch (s.substring(from, to)) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                return -1;
        }
    }
}
