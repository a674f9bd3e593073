package dev.firebreak.check;

/**
 * The part of a text a finding is about, as Java {@code String} indexes (UTF-16 code units, as in Java and
 * JavaScript): {@code text.substring(start, end)}.
 *
 * @param start the first character, {@code >= 0}
 * @param end the character after the last one, {@code >= start}
 */
public record TextSpan(int start, int end) {

    /** Validates the range. */
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must have 0 <= start <= end, was [" + start + ", " + end + ")");
        }
    }

    /** The spanned part of {@code text}, clipped to its length. */
    public String of(String text) {
        int s = Math.min(start, text.length());
        return text.substring(s, Math.max(s, Math.min(end, text.length())));
    }

    /** The number of characters spanned. */
    public int length() {
        return end - start;
    }
}
