package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each brand's state in memory (the live object, not a copy): the default store. Nothing
 * survives the process; use {@link JournalStore} to resume after a restart. An engine built later on the
 * same store continues from the states it holds.
 */
public final class InMemoryIncidentStore implements IncidentStore {

    private final ConcurrentHashMap<String, BrandState> states = new ConcurrentHashMap<>();

    @Override
    public StoredBrand load(String brand, StoreContext context) {
        BrandState s = states.get(Objects.requireNonNull(brand, "brand"));
        return s == null ? StoredBrand.empty() : StoredBrand.of(s);
    }

    @Override
    public void save(BrandState state, BrandChange change) {
        Objects.requireNonNull(state, "state");
        if (states.get(state.brand()) != state) {
            states.put(state.brand(), state);
        }
    }

    /** The brands it holds state for. */
    public Set<String> brands() {
        return Set.copyOf(states.keySet());
    }
}
