package dev.firebreak.mention;

/**
 * How much a mention was shared, answered and liked when it was read. All counts are {@code >= 0}.
 *
 * @param shares reposts, retweets or shares
 * @param replies replies or comments
 * @param likes likes or reactions
 * @param quotes quotes (posts that share it with a comment)
 */
public record Engagement(long shares, long replies, long likes, long quotes) {

    /** No engagement. */
    public static final Engagement NONE = new Engagement(0, 0, 0, 0);

    /** Validates that no count is negative. */
    public Engagement {
        check("shares", shares);
        check("replies", replies);
        check("likes", likes);
        check("quotes", quotes);
    }

    private static void check(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }

    /** Shares plus quotes: how far the mention spread. */
    public long spread() {
        return shares + quotes;
    }
}
