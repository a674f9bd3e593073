package dev.firebreak.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CrisisEngine#ingest} did with a mention.
 *
 * @param status the outcome
 * @param brands the brands that took it (empty when unmatched or rejected)
 * @param reason why it was rejected or unmatched, in words
 */
public record IngestResult(Status status, List<String> brands, Optional<String> reason) {

    /** The outcome of one ingest. */
    public enum Status {
        /** A new mention, counted for its brands. */
        NEW,
        /** A mention already seen: its engagement or visibility was updated, nothing counted twice. */
        UPDATED,
        /** A mention already seen, with nothing new. */
        DUPLICATE,
        /** No watched brand matched it; it is counted in the engine's statistics only. */
        UNMATCHED,
        /** It could not be processed (the classifier failed): see {@code MentionRejected} events. */
        REJECTED
    }

    /** Validates and copies. */
    public IngestResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        brands = List.copyOf(brands);
    }
}
