package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.engine.BrandState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryIncidentStoreTest {

    private static final BrandChange TICK = new BrandChange.Tick(Instant.EPOCH);

    @Test
    void holdsTheStateLastSavedForEachBrand() {
        InMemoryIncidentStore store = new InMemoryIncidentStore();
        List<BrandState> states = new ArrayList<>();
        for (int i = 0; i < 3000; i++) { // more than the identity slots hold without collisions
            BrandState s = BrandState.empty("b" + i);
            states.add(s);
            store.save(s, TICK);
            store.save(s, TICK);
        }
        assertEquals(3000, store.brands().size());
        for (BrandState s : states) {
            assertSame(s, store.load(s.brand(), null).state().orElseThrow());
        }
    }

    @Test
    void aNewStateForABrandReplacesTheOldAndTheOldOneSavedAgainComesBack() {
        InMemoryIncidentStore store = new InMemoryIncidentStore();
        BrandState first = BrandState.empty("kestrel");
        BrandState second = BrandState.empty("kestrel");
        store.save(first, TICK);
        store.save(first, TICK);
        store.save(second, TICK);
        assertSame(second, store.load("kestrel", null).state().orElseThrow());
        store.save(first, TICK); // saved again after it was replaced: it is the brand's state again
        assertSame(first, store.load("kestrel", null).state().orElseThrow());
        store.save(second, TICK);
        store.save(second, TICK);
        assertSame(second, store.load("kestrel", null).state().orElseThrow());
        assertEquals(Set.of("kestrel"), store.brands());
        assertTrue(store.load("oriole", null).state().isEmpty());
    }
}
