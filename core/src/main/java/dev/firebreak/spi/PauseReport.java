package dev.firebreak.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a pause or a resume did.
 *
 * @param affected the posts that were held (pause) or released (resume)
 * @param failures the posts that could not be held or released, each with the reason; they are still
 *     in their previous state and the call may be repeated
 */
public record PauseReport(List<ScheduledPost> affected, List<Failure> failures) {

    /** Copies the lists. */
    public PauseReport {
        affected = List.copyOf(affected);
        failures = List.copyOf(failures);
    }

    /** Whether every post was handled. */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    /**
     * A post that could not be handled.
     *
     * @param post the post
     * @param reason why, as the platform said it
     */
    public record Failure(ScheduledPost post, String reason) {
        public Failure {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
