package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Keeps each brand's state in memory (the live object, not a copy): the default store. Nothing
 * survives the process; use {@link JournalStore} to resume after a restart. An engine built later on the
 * same store continues from the states it holds.
 */
public final class InMemoryIncidentStore implements IncidentStore {

    private static final int KNOWN = 1 << 13;

    private final ConcurrentHashMap<String, BrandState> states = new ConcurrentHashMap<>();
    /**
     * States that {@link #states} holds, by identity: a slot pair per identity hash, either of the two may hold the
     * state. Nearly every save is of a state the map already holds; finding it here reads one slot of this array,
     * where a map lookup read the brand name's string and a map node, two cold cache lines per mention with
     * 1,000 brands (EngineCpuTime). A state the map no longer holds is cleared from here before it is replaced,
     * so a state found here is one the map held when its save began.
     */
    private final AtomicReferenceArray<BrandState> known = new AtomicReferenceArray<>(KNOWN);

    @Override
    public StoredBrand load(String brand, StoreContext context) {
        BrandState s = states.get(Objects.requireNonNull(brand, "brand"));
        return s == null ? StoredBrand.empty() : StoredBrand.of(s);
    }

    @Override
    public void save(BrandState state, BrandChange change) {
        Objects.requireNonNull(state, "state");
        int slot = slot(state);
        if (known.get(slot) == state || known.get(slot ^ 1) == state) {
            return;
        }
        synchronized (known) { // (rarely: a brand's first save, or a state that lost its slot to another)
            BrandState old = states.get(state.brand());
            if (old != state) {
                if (old != null) {
                    int o = slot(old);
                    known.compareAndSet(o, old, null);
                    known.compareAndSet(o ^ 1, old, null);
                }
                states.put(state.brand(), state);
            }
            if (known.get(slot) == null) {
                known.set(slot, state);
            } else if (known.get(slot ^ 1) == null) {
                known.set(slot ^ 1, state);
            } else {
                known.set(slot, state);
            }
        }
    }

    private static int slot(BrandState state) {
        return (System.identityHashCode(state) * 0x9E3779B9 >>> 19) & (KNOWN - 1);
    }

    /** The brands it holds state for. */
    public Set<String> brands() {
        return Set.copyOf(states.keySet());
    }
}
