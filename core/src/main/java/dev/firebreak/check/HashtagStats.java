package dev.firebreak.check;

import dev.firebreak.check.internal.TextScan;
import java.util.Objects;

/**
 * How a hashtag has been used in recent mentions: "check what a trending hashtag is about before joining
 * it". What "recent" means is the supplier's choice (the engine uses its detection window).
 *
 * @param hashtag the hashtag in normal form (no {@code #}, lower case, no accents)
 * @param mentions how many recent mentions used it, {@code >= 0}
 * @param negativeShare the share of them that were negative, in [0, 1]
 */
public record HashtagStats(String hashtag, long mentions, double negativeShare) {

    /** Validates and normalises. */
    public HashtagStats {
        Objects.requireNonNull(hashtag, "hashtag");
        hashtag = TextScan.normaliseTag(hashtag);
        if (hashtag.isEmpty()) {
            throw new IllegalArgumentException("hashtag must not be empty");
        }
        if (mentions < 0) {
            throw new IllegalArgumentException("mentions of #" + hashtag + " must be >= 0, was " + mentions);
        }
        if (!(negativeShare >= 0 && negativeShare <= 1)) {
            throw new IllegalArgumentException("negativeShare of #" + hashtag + " must be in [0, 1], was "
                    + negativeShare);
        }
    }
}
