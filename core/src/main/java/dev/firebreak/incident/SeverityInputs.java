package dev.firebreak.incident;

/**
 * The figures a {@link SeverityPolicy} decides from, taken over an incident's recent window (see
 * {@link SeverityPolicy#window()}). All counts are {@code >= 0}.
 *
 * @param negativeMentions negative mentions
 * @param negativeAuthors distinct authors of negative mentions; the engine counts an author once per incident, in
 *     the time bucket of their first negative mention in it, so this is the number of authors whose first
 *     negative mention in the incident falls in the window (an author negative before the window and again
 *     inside it is not counted again)
 * @param peakNegativeRate the most negative mentions in one time bucket
 * @param negativeReach the followers of the distinct negative authors, summed
 * @param negativeSpread shares and quotes of the negative mentions
 * @param maxNegativeAuthorFollowers the largest audience among the negative authors
 * @param sensitiveCategory whether a negative mention is in a sensitive category (safety,
 *     discrimination, offensive brand content, legal)
 */
public record SeverityInputs(long negativeMentions, long negativeAuthors, long peakNegativeRate, long negativeReach,
        long negativeSpread, long maxNegativeAuthorFollowers, boolean sensitiveCategory) {

    /** Nothing negative at all. */
    public static final SeverityInputs NONE = new SeverityInputs(0, 0, 0, 0, 0, 0, false);

    /** Validates that no count is negative. */
    public SeverityInputs {
        if (negativeMentions < 0 || negativeAuthors < 0 || peakNegativeRate < 0 || negativeReach < 0
                || negativeSpread < 0 || maxNegativeAuthorFollowers < 0) {
            throw new IllegalArgumentException("severity inputs must be >= 0");
        }
    }
}
