package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The primitive count table answers, and iterates, as the {@code LinkedHashMap<K, Long>} it replaces. */
class CountTableTest {

    @Property(tries = 30, seed = "13")
    void answersAndIteratesAsALinkedHashMapOfLongs(@ForAll long seed) {
        Random rnd = new Random(seed);
        CountTable<String> table = new CountTable<>();
        Map<String, Long> model = new LinkedHashMap<>();
        int keys = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 3000); // below and well beyond the scan limit
        for (int i = 0; i < 5000; i++) {
            // "Aa" and "BB" share a hash code: colliding keys must stay apart
            String k = (rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? "Aa" : "BB") : "k") + rnd.nextInt(keys);
            long v = rnd.nextInt(2000) - 100;
            switch (rnd.nextInt(4)) {
                case 0 -> assertEquals(model.putIfAbsent(k, v) == null, table.putIfAbsent(k, v), k);
                case 1 -> {
                    model.put(k, v);
                    table.put(k, v);
                }
                case 2 -> {
                    model.merge(k, v, Long::sum);
                    table.add(k, v);
                }
                default -> {
                    assertEquals(model.containsKey(k), table.containsKey(k), k);
                    assertEquals(model.getOrDefault(k, -7L), table.getOrDefault(k, -7L), k);
                }
            }
            assertEquals(model.size(), table.size());
        }
        assertEquals(model, table.toMap());
        assertEquals(new ArrayList<>(model.keySet()), keysOf(table));
        List<String> visited = new ArrayList<>();
        table.forEach((k, v) -> {
            visited.add(k);
            assertEquals(model.get(k), v, k);
        });
        assertEquals(new ArrayList<>(model.keySet()), visited);
    }

    @Test
    void keepsAKeysFirstPlaceWhenItIsCountedAgain() {
        CountTable<String> table = new CountTable<>();
        table.add("b", 1);
        table.add("a", 1);
        table.put("b", 5);
        table.add("a", 2);
        assertFalse(table.putIfAbsent("b", 9));
        assertTrue(table.putIfAbsent("c", 9));
        assertEquals(List.of("b", "a", "c"), keysOf(table));
        assertEquals(Map.of("b", 5L, "a", 3L, "c", 9L), table.toMap());
        assertEquals(0, new CountTable<String>().size());
    }

    private static List<String> keysOf(CountTable<String> table) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            keys.add(table.key(i));
        }
        return keys;
    }
}
