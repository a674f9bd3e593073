package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each brand's state in memory (the live object, not a copy): the default store. Nothing
 * survives the process; use a durable store to resume after a restart.
 */
public final class InMemoryIncidentStore implements IncidentStore {

    private final ConcurrentHashMap<String, BrandState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<BrandState> load(String brand) {
        return Optional.ofNullable(states.get(Objects.requireNonNull(brand, "brand")));
    }

    @Override
    public void save(BrandState state) {
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
