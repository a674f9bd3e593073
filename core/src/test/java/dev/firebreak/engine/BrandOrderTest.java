package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.store.BrandChange;
import dev.firebreak.store.InMemoryIncidentStore;
import dev.firebreak.store.IncidentStore;
import dev.firebreak.store.StoreContext;
import dev.firebreak.store.StoredBrand;
import dev.firebreak.testkit.MarkerClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine visits its brands in the order they were added to the builder, the same in every run: time-based
 * work (and so the order of its events and store writes) does not depend on hash-table iteration order.
 */
class BrandOrderTest {

    /** Records the brand of every tick the engine hands to the store. */
    private static final class TickOrder implements IncidentStore {
        final InMemoryIncidentStore inner = new InMemoryIncidentStore();
        final List<String> ticks = new ArrayList<>();

        @Override
        public StoredBrand load(String brand, StoreContext context) {
            return inner.load(brand, context);
        }

        @Override
        public void save(BrandState state, BrandChange change) {
            if (change instanceof BrandChange.Tick) {
                ticks.add(state.brand());
            }
            inner.save(state, change);
        }
    }

    @Test
    void tickVisitsBrandsInTheOrderTheyWereAdded() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("brand-" + i);
        }
        Collections.shuffle(names, new Random(7)); // neither sorted nor hash order
        TickOrder store = new TickOrder();
        CrisisEngine.Builder b = CrisisEngine.builder().clock(new Fixture.MutableClock(T0))
                .classifier(new MarkerClassifier()).store(store);
        for (String n : names) {
            b.brand(Brand.builder(n).build());
        }
        CrisisEngine engine = b.build();

        engine.tick(T0.plusSeconds(60));
        engine.tick(T0.plusSeconds(120));

        List<String> twice = new ArrayList<>(names);
        twice.addAll(names);
        assertEquals(twice, store.ticks);
        assertEquals(names, new ArrayList<>(engine.brands().keySet()));
    }
}
