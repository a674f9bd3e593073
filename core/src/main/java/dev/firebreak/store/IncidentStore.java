package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.Optional;

/**
 * Where an engine keeps each brand's state: state-oriented and keyed by brand, so it maps onto a
 * journal, a database row per brand or a keyed state store of a stream processor.
 *
 * <p>The engine calls {@link #load} once per watched brand when it is built, and {@link #save} under the
 * brand's lock after every change to it. {@code save} must be quick: keep the reference (as
 * {@link InMemoryIncidentStore} does), or encode the state right there with
 * {@link dev.firebreak.engine.BrandStateCodec}, or note the brand as dirty and encode it later through
 * the engine. Implementations must be safe to call for different brands from different threads.
 */
public interface IncidentStore {

    /** The saved state of a brand, if there is one. */
    Optional<BrandState> load(String brand);

    /** Saves a brand's state after a change. */
    void save(BrandState state);
}
