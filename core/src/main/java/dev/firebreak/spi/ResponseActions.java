package dev.firebreak.spi;

import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;

/**
 * What a response plan does on a platform: reply, hide, and move a conversation to a private channel.
 * Implementations talk to the platform; every method either succeeds or throws a specific exception
 * (an adapter's API exception) saying what the platform refused.
 */
public interface ResponseActions {

    /** The platform these actions work on. */
    Platform platform();

    /**
     * Posts a public reply.
     *
     * @param target the post or comment to answer
     * @param text the reply's text
     * @return the key of the reply that was posted
     */
    MentionKey reply(MentionKey target, String text);

    /**
     * Hides (or unhides) a reply or comment on one of the brand's posts.
     *
     * @param target the reply or comment
     * @param hidden {@code true} to hide, {@code false} to show it again
     */
    void setHidden(MentionKey target, boolean hidden);

    /**
     * Answers privately, moving the conversation out of public view, where the platform allows it.
     *
     * @throws UnsupportedOperationException if the platform or the credentials do not allow it
     */
    default void replyPrivately(MentionKey target, String text) {
        throw new UnsupportedOperationException(platform().name() + " adapter does not support private replies");
    }
}
