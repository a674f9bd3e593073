package dev.firebreak.facebook;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.RejectedItem;
import java.util.List;
import java.util.Optional;

/**
 * What one poll read.
 *
 * @param mentions the mentions, each key once (an item seen on two pages keeps its later state)
 * @param rejected the items that could not be read, with where and why
 * @param pages how many pages (HTTP calls for items) the poll made
 * @param complete {@code true} if the poll reached the last page; {@code false} if it stopped at
 *     {@link FacebookConfig#maxPages()} (or on a paging loop) with more to read
 * @param resumeAfter when incomplete, the {@code after} cursor of the last page read, to continue from
 */
public record PollResult(List<Mention> mentions, List<RejectedItem> rejected, int pages, boolean complete,
        Optional<String> resumeAfter) {

    /** Copies the lists and validates. */
    public PollResult {
        mentions = List.copyOf(mentions);
        rejected = List.copyOf(rejected);
        java.util.Objects.requireNonNull(resumeAfter, "resumeAfter");
        if (pages < 0) {
            throw new IllegalArgumentException("pages must be >= 0, was " + pages);
        }
    }

    /** The mentions and rejections as a {@link MappedPayload}. */
    public MappedPayload payload() {
        return new MappedPayload(mentions, rejected);
    }
}
