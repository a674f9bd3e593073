package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.EngineSettings;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.plan.Playbook;
import dev.firebreak.streams.internal.EngineProcessor;
import dev.firebreak.streams.internal.EngineSetup;
import dev.firebreak.streams.internal.Out;
import dev.firebreak.streams.internal.RouteProcessor;
import dev.firebreak.streams.internal.StateStoreIncidentStore;
import dev.firebreak.streams.internal.TaskClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The engines in memory are only a cache of the state stores: when a store fails, the failure goes back to Kafka
 * Streams as it is (never a dead letter, which would skip the input), and the processor, initialised again as Kafka
 * Streams does with a task it revives, goes on from what the stores hold.
 */
class StoreFailureTest {

    /** A store that fails its next write when told to. */
    static final class FlakyStore implements KeyValueStore<String, byte[]> {
        private final KeyValueStore<String, byte[]> inner;
        RuntimeException failNextPut;

        FlakyStore(KeyValueStore<String, byte[]> inner) {
            this.inner = inner;
        }

        @Override
        public void put(String key, byte[] value) {
            RuntimeException f = failNextPut;
            if (f != null) {
                failNextPut = null;
                throw f;
            }
            inner.put(key, value);
        }

        @Override
        public byte[] putIfAbsent(String key, byte[] value) {
            return inner.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, byte[]>> entries) {
            inner.putAll(entries);
        }

        @Override
        public byte[] delete(String key) {
            return inner.delete(key);
        }

        @Override
        public byte[] get(String key) {
            return inner.get(key);
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return inner.range(from, to);
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return inner.all();
        }

        @Override
        public long approximateNumEntries() {
            return inner.approximateNumEntries();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            inner.init(context, root);
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }
    }

    private static final String[] STORES = {FirebreakTopology.HEADS_STORE, FirebreakTopology.CHANGES_STORE,
        FirebreakTopology.SNAPSHOTS_STORE};

    private static EngineSetup setup() {
        MentionClassifier c = new TestClassifier();
        StreamsSettings s = TopologyEquivalenceTest.settings().toBuilder().snapshotEveryChanges(17).build();
        return new EngineSetup(c, Scenario.brands(), EngineSettings.defaults(), DetectionSettings.defaults(),
                SeverityPolicy.defaults(), EscalationPolicy.defaults(), Playbook.defaults(), s);
    }

    /** The records the first stage routes to the engines, as the repartition topic holds them. */
    private static List<Record<String, byte[]>> routed(EngineSetup setup, List<Input> inputs) {
        MockProcessorContext<String, Out> ctx = new MockProcessorContext<>();
        ctx.setCurrentSystemTimeMs(0);
        RouteProcessor route = new RouteProcessor(setup);
        route.init(ctx);
        List<Record<String, byte[]>> out = new ArrayList<>();
        long offset = 0;
        for (Input in : inputs) {
            ctx.setRecordMetadata(in.action() ? "firebreak-actions" : "firebreak-mentions", 0, offset++);
            route.process(new Record<>(null, in.json().getBytes(StandardCharsets.UTF_8), in.timestamp()));
            for (MockProcessorContext.CapturedForward<? extends String, ? extends Out> f : ctx.forwarded()) {
                if (f.record().value().kind() == Out.Kind.ROUTE) {
                    out.add(new Record<>(f.record().key(), f.record().value().value(), f.record().timestamp()));
                }
            }
            ctx.resetForwards();
        }
        return out;
    }

    private static Map<String, FlakyStore> stores(MockProcessorContext<String, Out> ctx) {
        Map<String, FlakyStore> m = new TreeMap<>();
        for (String name : STORES) {
            KeyValueStore<String, byte[]> s = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            s.init(ctx.getStateStoreContext(), s);
            FlakyStore f = new FlakyStore(s);
            ctx.addStateStore(f);
            m.put(name, f);
        }
        return m;
    }

    private static Map<String, String> states(Map<String, FlakyStore> stores) {
        StateStoreIncidentStore store = new StateStoreIncidentStore(stores.get(FirebreakTopology.HEADS_STORE),
                stores.get(FirebreakTopology.CHANGES_STORE), stores.get(FirebreakTopology.SNAPSHOTS_STORE), 60_000,
                Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20);
        Map<String, String> m = new TreeMap<>();
        for (Brand b : Scenario.brands()) {
            if (store.head(b.name()).isPresent()) {
                m.put(b.name(), CrisisEngine.builder().clock(new TaskClock()).classifier(new TestClassifier()).brand(b)
                        .store(store).build().checkpoint(b.name()));
            }
        }
        return m;
    }

    private static EngineProcessor engine(EngineSetup setup) {
        return new EngineProcessor(setup, FirebreakTopology.HEADS_STORE, FirebreakTopology.CHANGES_STORE,
                FirebreakTopology.SNAPSHOTS_STORE);
    }

    @Test
    void aFailingStoreStopsTheTaskAndARevivedTaskGoesOnFromWhatTheStoresHold() {
        EngineSetup setup = setup();
        List<Record<String, byte[]>> records = routed(setup, new Scenario(5L, 300).inputs);

        MockProcessorContext<String, Out> clean = new MockProcessorContext<>();
        clean.setCurrentSystemTimeMs(0);
        Map<String, FlakyStore> cleanStores = stores(clean);
        EngineProcessor p = engine(setup);
        p.init(clean);
        records.forEach(p::process);
        Map<String, String> expected = states(cleanStores);
        assertEquals(3, expected.size());

        MockProcessorContext<String, Out> ctx = new MockProcessorContext<>();
        ctx.setCurrentSystemTimeMs(0);
        Map<String, FlakyStore> flaky = stores(ctx);
        EngineProcessor q = engine(setup);
        q.init(ctx);
        RuntimeException[] failures = {new ProcessorStateException("RocksDB: no space left on device"),
            new IllegalStateException("a store that fails in its own way")};
        int failed = 0;
        int i = 0;
        while (i < records.size()) {
            if (i > 0 && i % 60 == 0 && failed < STORES.length * 2 && flaky.values().stream()
                    .allMatch(f -> f.failNextPut == null)) {
                flaky.get(STORES[failed % STORES.length]).failNextPut = failures[failed % failures.length];
            }
            RuntimeException armed = flaky.values().stream().map(f -> f.failNextPut).filter(f -> f != null)
                    .findFirst().orElse(null);
            ctx.resetForwards();
            try {
                q.process(records.get(i));
            } catch (RuntimeException thrown) {
                assertSame(armed, thrown, "the store's failure goes back to Kafka Streams as it is");
                assertTrue(ctx.forwarded().stream().noneMatch(x -> x.record().value().kind() == Out.Kind.DEAD_LETTER),
                        "no dead letter: the input is not skipped");
                failed++;
                q.close(); // Kafka Streams closes the task, initialises it again and the record comes again
                q.init(ctx);
                continue;
            }
            i++;
        }
        assertEquals(STORES.length * 2, failed, "every store failed twice, once each way");
        assertEquals(expected, states(flaky), "the same state as a run without failures");
    }
}
