package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store holds for one brand when an engine is built: a base state (none for a brand never
 * seen) and the changes committed after it, which the engine re-applies in order.
 *
 * @param state the base state, if the store has one
 * @param changes changes committed after the base state, oldest first
 */
public record StoredBrand(Optional<BrandState> state, List<BrandChange> changes) {

    /** Validates and copies. */
    public StoredBrand {
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
    }

    /** Nothing stored: the brand starts afresh. */
    public static StoredBrand empty() {
        return new StoredBrand(Optional.empty(), List.of());
    }

    /** A state with nothing to re-apply. */
    public static StoredBrand of(BrandState state) {
        return new StoredBrand(Optional.of(state), List.of());
    }
}
