package dev.firebreak.detect;

import dev.firebreak.mention.Platform;
import java.util.Objects;

/**
 * An author named in an alert or an incident, with their reach.
 *
 * @param platform where they posted
 * @param handle their handle without {@code @}, or their id when the handle is unknown
 * @param followers their followers
 * @param verified whether the platform verified them
 */
public record AuthorSummary(Platform platform, String handle, long followers, boolean verified) {

    /** Validates the fields. */
    public AuthorSummary {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        if (followers < 0) {
            throw new IllegalArgumentException("followers must be >= 0, was " + followers);
        }
    }

    @Override
    public String toString() {
        return "@" + handle + " (" + followers + " followers, " + platform + ")";
    }
}
