package dev.firebreak.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.streams.internal.OutputJson;
import dev.firebreak.streams.internal.StateStoreIncidentStore;
import dev.firebreak.streams.internal.TaskClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/** What the tests compare: events per brand, the latest summary per incident, the state in the stores. */
final class Runs {

    private static final FirebreakJson JSON = FirebreakJson.create();

    private Runs() {
    }

    /** The brands of a stream as {@code firebreak replay} makes them: named in the data, owned accounts too. */
    static List<Brand> brandsOf(List<Input> inputs) {
        Map<String, Brand.Builder> builders = new LinkedHashMap<>();
        for (Input in : inputs) {
            if (in.action()) {
                continue;
            }
            Mention m = JSON.readMention(in.json());
            if (m.brand().isEmpty()) {
                continue;
            }
            String name = m.brand().get().strip().toLowerCase(Locale.ROOT);
            Brand.Builder b = builders.computeIfAbsent(name, n -> Brand.builder(n).keywords(n));
            if (m.ownedAccount() && !m.author().handle().isEmpty()) {
                b.ownedAccount(m.platform(), m.author().handle());
            }
        }
        List<Brand> out = new ArrayList<>();
        builders.values().forEach(b -> out.add(b.build()));
        return out;
    }

    /** Event JSON lines per brand, from the events topic (keyed by brand). */
    static Map<String, List<String>> byKey(List<KeyValue<String, String>> records) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (KeyValue<String, String> kv : records) {
            m.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
        }
        return m;
    }

    /**
     * The latest value per key, without its {@code changes} (which say why it was written); keys merged into
     * another incident are left out (see {@link #mergedKeys}).
     */
    static Map<String, String> latestIncidents(List<KeyValue<String, String>> records) {
        Map<String, String> m = new TreeMap<>();
        for (KeyValue<String, String> kv : records) {
            ObjectNode o = JSON.parseObject(kv.value);
            o.remove("changes");
            m.put(kv.key, JSON.write(o));
        }
        m.values().removeIf(v -> JSON.parseObject(v).has("mergedInto"));
        return m;
    }

    /** The keys whose latest summary says they were merged into another incident, with that incident. */
    static Map<String, String> mergedKeys(List<KeyValue<String, String>> records) {
        Map<String, String> m = new TreeMap<>();
        for (KeyValue<String, String> kv : records) {
            ObjectNode o = JSON.parseObject(kv.value);
            if (o.has("mergedInto")) {
                m.put(kv.key, o.get("mergedInto").asText());
            } else {
                m.remove(kv.key);
            }
        }
        return m;
    }

    /** The reference's incidents in the incidents topic's format, by id. */
    static Map<String, String> incidents(List<IncidentDetails> details) {
        OutputJson out = new OutputJson();
        Map<String, String> m = new TreeMap<>();
        for (IncidentDetails d : details) {
            ObjectNode o = out.incident(d.incident().id(), d, List.of());
            o.remove("changes");
            m.put(d.incident().id().value(), JSON.write(o));
        }
        return m;
    }

    /** Each brand's state as the stores of a driver hold it, rebuilt by an engine (BrandStateCodec JSON). */
    static Map<String, String> storedStates(Harness h, List<Brand> brands) {
        StateStoreIncidentStore store = new StateStoreIncidentStore(h.store(FirebreakTopology.HEADS_STORE),
                h.store(FirebreakTopology.CHANGES_STORE), h.store(FirebreakTopology.SNAPSHOTS_STORE),
                h.settings.tickInterval().toMillis(), Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20);
        Map<String, String> m = new TreeMap<>();
        for (Brand b : brands) {
            if (store.head(b.name()).isEmpty()) {
                continue;
            }
            CrisisEngine e = CrisisEngine.builder().clock(new TaskClock()).classifier(new TestClassifier()).brand(b)
                    .store(store).build();
            m.put(b.name(), e.checkpoint(b.name()));
        }
        return m;
    }

    /** The mentions a brand took, by its state in the stores (0 when the stores hold nothing for it). */
    static long storedMentions(Harness h, String brand) {
        StateStoreIncidentStore store = new StateStoreIncidentStore(h.store(FirebreakTopology.HEADS_STORE),
                h.store(FirebreakTopology.CHANGES_STORE), h.store(FirebreakTopology.SNAPSHOTS_STORE),
                h.settings.tickInterval().toMillis(), Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20);
        if (store.head(brand).isEmpty()) {
            return 0;
        }
        Brand b = Scenario.brands().stream().filter(x -> x.name().equals(brand)).findFirst().orElseThrow();
        return CrisisEngine.builder().clock(new TaskClock()).classifier(new TestClassifier()).brand(b).store(store)
                .build().mentions(brand);
    }

    /** The reference engine's state of each brand. */
    static Map<String, String> states(Reference ref, List<Brand> brands, Map<String, String> only) {
        Map<String, String> m = new TreeMap<>();
        for (Brand b : brands) {
            if (only.containsKey(b.name())) {
                m.put(b.name(), ref.engine.checkpoint(b.name()));
            }
        }
        return m;
    }
}
