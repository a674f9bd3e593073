package dev.firebreak.engine;

import dev.firebreak.mention.MentionKey;
import java.time.Instant;

/** A post whose shares are counted for the virality signal. */
final class TrackedPost {
    final MentionKey key;
    final Instant createdAt;
    /** Shares and quotes the platform last reported for it. */
    long spread;
    /** Shares and quotes of it that were ingested as mentions. */
    long shareMentions;
    boolean negative;
    Instant lastAlertAt;

    TrackedPost(MentionKey key, Instant createdAt) {
        this.key = key;
        this.createdAt = createdAt;
    }

    long shares() {
        return Math.max(spread, shareMentions);
    }
}
