package dev.firebreak.spi;

import java.util.List;

/**
 * Pauses a brand's scheduled content during a crisis and releases it afterwards: unrelated cheerful
 * content during a crisis looks like indifference. Adapters implement it over the platform's
 * scheduling (Facebook) or a local queue (X has no scheduling API); users implement it for their ad
 * and e-mail tools.
 *
 * <p>Contract: {@link #pause(String)} and {@link #resume()} are idempotent; a held post is recorded
 * so that it is neither lost nor published twice; a post that could not be held is reported, not
 * silently left to go out.
 */
public interface PublishingControl {

    /** A name for logs and the audit trail, for example {@code "facebook:page 1234 scheduled posts"}. */
    String name();

    /** The posts currently scheduled and not held. */
    List<ScheduledPost> scheduled();

    /** The posts currently held by a pause. */
    List<ScheduledPost> held();

    /**
     * Holds every scheduled post.
     *
     * @param reason why, recorded with the hold (for example the incident id)
     */
    PauseReport pause(String reason);

    /** Releases every held post, rescheduling any whose time has passed as the implementation documents. */
    PauseReport resume();
}
