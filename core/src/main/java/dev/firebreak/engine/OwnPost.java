package dev.firebreak.engine;

import dev.firebreak.mention.MentionKey;
import java.time.Instant;

/** One of the brand's own posts and the reaction to it. */
final class OwnPost {
    final MentionKey key;
    final String account;
    final Instant createdAt;
    long replies;
    long negativeReplies;
    Instant lastAlertAt;

    OwnPost(MentionKey key, String account, Instant createdAt) {
        this.key = key;
        this.account = account;
        this.createdAt = createdAt;
    }
}
