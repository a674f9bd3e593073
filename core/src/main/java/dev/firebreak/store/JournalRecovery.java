package dev.firebreak.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link JournalStore} found when it opened its directory.
 *
 * @param snapshotLsn the log sequence number the snapshot it started from covers up to (exclusive), if it
 *     found one
 * @param records change records read after the snapshot
 * @param brands brands it holds state or changes for
 * @param truncatedBytes bytes of a torn tail it cut off (an incomplete or damaged last record left by a
 *     crash); 0 when the journal ended cleanly
 * @param nextLsn the sequence number of the next record it will write
 */
public record JournalRecovery(Optional<Long> snapshotLsn, long records, List<String> brands, long truncatedBytes,
        long nextLsn) {

    /** Validates and copies. */
    public JournalRecovery {
        Objects.requireNonNull(snapshotLsn, "snapshotLsn");
        brands = List.copyOf(brands);
    }

    /** Whether the journal was empty (a fresh directory). */
    public boolean isFresh() {
        return nextLsn == 0;
    }
}
