package dev.firebreak.store;

import dev.firebreak.engine.BrandState;

/**
 * Where an engine keeps each brand's state: state-oriented and keyed by brand, so it maps onto a journal
 * ({@link JournalStore}), a database row per brand or a keyed state store of a stream processor. Two
 * implementations ship: {@link InMemoryIncidentStore} (the default) and {@link JournalStore} (durable,
 * on the local file system).
 *
 * <p>The engine calls {@link #load} once per watched brand when it is built, and {@link #save} under the
 * brand's lock after every change to it, with the change that caused it. A store may keep the state
 * (the reference, as {@link InMemoryIncidentStore} does, or its encoding with
 * {@link dev.firebreak.engine.BrandStateCodec}) or the change (as {@link JournalStore} does: the engine's
 * per-brand logic is deterministic, so changes re-applied in order rebuild the state exactly). Then,
 * outside the lock and before the engine call returns to its caller, the engine calls {@link #sync}: what
 * was saved before {@code sync} returns counts as acknowledged. {@link #maintain} runs on every
 * {@code CrisisEngine.tick}, outside every lock, for work that can wait (group commit, snapshots).
 *
 * <p>Implementations must be safe to call for different brands from different threads; calls for one
 * brand are never concurrent. A failure is a {@link StoreException}.
 */
public interface IncidentStore {

    /**
     * What the store holds for a brand: a base state and the changes to re-apply on it, or
     * {@link StoredBrand#empty()}.
     *
     * @param context decodes saved states with the engine's configuration
     */
    StoredBrand load(String brand, StoreContext context);

    /**
     * Records a committed change; called under the brand's lock, in the order the changes happened.
     *
     * @param state the brand's state after the change (valid only during the call)
     * @param change what changed it
     */
    void save(BrandState state, BrandChange change);

    /** Makes what was saved so far as durable as the store promises; called outside every lock. */
    default void sync() {
    }

    /** Time-based upkeep (group commit, snapshots), on every engine tick, outside every lock. */
    default void maintain(StoreContext context) {
    }
}
