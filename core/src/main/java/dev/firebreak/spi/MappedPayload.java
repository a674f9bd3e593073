package dev.firebreak.spi;

import dev.firebreak.mention.Mention;
import java.util.List;

/**
 * What a payload held: the mentions read from it, in payload order, and the items that could not be
 * read.
 *
 * @param mentions the mentions, in the order the payload listed them
 * @param rejected the items that were skipped, each with where it was and why
 */
public record MappedPayload(List<Mention> mentions, List<RejectedItem> rejected) {

    /** Copies the lists. */
    public MappedPayload {
        mentions = List.copyOf(mentions);
        rejected = List.copyOf(rejected);
    }

    /** A payload with nothing in it. */
    public static MappedPayload empty() {
        return new MappedPayload(List.of(), List.of());
    }
}
