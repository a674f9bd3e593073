package dev.firebreak.check.internal;

/** Short, safe excerpts of user text for messages. */
public final class Quote {

    private Quote() {
    }

    /**
     * At most {@code max} characters of {@code s}: control and format characters and lone surrogates
     * become {@code ?}, whitespace runs become one space, and a cut is marked with {@code ...}.
     */
    public static String excerpt(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 3);
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            if (sb.length() >= max) {
                sb.append("...");
                break;
            }
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
            } else {
                space = false;
                int t = Character.getType(cp);
                if (t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                        || t == Character.UNASSIGNED || t == Character.PRIVATE_USE) {
                    sb.append('?');
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += n;
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    /** The text between {@code start} and {@code end}, as an excerpt of at most 40 characters. */
    public static String span(String text, int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return excerpt(text.substring(s, Math.min(e, s + 200)), 40);
    }
}
