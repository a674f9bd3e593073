package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The brand's dedup memory behaves as the insertion-ordered map it replaced: the same entries found by key,
 * the same oldest entry dropped, the same order when saved.
 */
class DedupTableTest {

    /** What the table held before: a key's record, in an insertion-ordered map. */
    private record Model(Instant seenAt, long spread, Visibility visibility, IncidentId incident, boolean owned,
            boolean negative) {
    }

    @Property(tries = 25, seed = "7")
    void findsAddsAndDropsTheOldestExactlyAsAnInsertionOrderedMap(@ForAll long seed) {
        Random rnd = new Random(seed);
        DedupTable table = new DedupTable();
        LinkedHashMap<MentionKey, Model> model = new LinkedHashMap<>();
        Platform[] platforms = {Platform.TWITTER, Platform.FACEBOOK, Platform.of("reviews")};
        int keys = 1 + rnd.nextInt(3000); // few keys: many repeats; many keys: long probe runs and growth
        for (int step = 0; step < 2500; step++) {
            MentionKey key = new MentionKey(platforms[rnd.nextInt(platforms.length)], "m" + rnd.nextInt(keys));
            int op = rnd.nextInt(10);
            int found = table.find(key);
            Model m = model.get(key);
            assertEquals(m != null, found >= 0, "found " + key);
            if (m != null) {
                assertEquals(m, entry(table, found));
                if (op < 3) { // an update changes spread, visibility or the incident in place
                    long spread = rnd.nextInt(1000);
                    Visibility v = Visibility.values()[rnd.nextInt(3)];
                    IncidentId inc = new IncidentId("b-" + rnd.nextInt(9));
                    table.setSpread(found, spread);
                    table.setVisibility(found, v);
                    table.setIncident(found, inc);
                    model.put(key, new Model(m.seenAt(), spread, v, inc, m.owned(), m.negative()));
                }
            } else if (op < 7) {
                Model n = new Model(Instant.ofEpochSecond(1_700_000_000L + step, rnd.nextInt(1_000_000_000)),
                        rnd.nextInt(50), Visibility.values()[rnd.nextInt(3)],
                        rnd.nextBoolean() ? null : new IncidentId("b-" + rnd.nextInt(9)), rnd.nextBoolean(),
                        rnd.nextBoolean());
                int p = table.add(key.platform(), key.id(), n.seenAt(), n.spread(), n.visibility(), n.incident(),
                        n.owned(), n.negative());
                model.put(key, n);
                assertEquals(n, entry(table, p));
            }
            if (op >= 8 && !model.isEmpty()) {
                Iterator<Map.Entry<MentionKey, Model>> it = model.entrySet().iterator();
                MentionKey oldest = it.next().getKey();
                it.remove();
                int p = table.oldest();
                assertEquals(oldest, new MentionKey(table.platform(p), table.id(p)));
                table.removeOldest();
                assertEquals(-1, table.find(oldest));
            }
            assertEquals(model.size(), table.size());
        }
        List<MentionKey> order = new ArrayList<>();
        for (int k = 0; k < table.size(); k++) {
            int p = table.at(k);
            order.add(new MentionKey(table.platform(p), table.id(p)));
            assertEquals(model.get(order.get(k)), entry(table, p));
        }
        assertEquals(new ArrayList<>(model.keySet()), order);
    }

    @Test
    void anEmptiedTableFindsNothingAndTakesNewEntries() {
        DedupTable table = new DedupTable();
        Instant t = Instant.parse("2026-03-02T09:00:00.123456789Z");
        for (int i = 0; i < 100; i++) {
            table.add(Platform.TWITTER, "m" + i, t, i, Visibility.VISIBLE, null, false, i % 2 == 0);
        }
        while (!table.isEmpty()) {
            table.removeOldest();
        }
        assertEquals(-1, table.find(Platform.TWITTER, "m5"));
        int p = table.add(Platform.TWITTER, "m5", t, 7, Visibility.REMOVED, null, true, false);
        assertEquals(p, table.find(Platform.TWITTER, "m5"));
        assertEquals(t, table.seenAt(p));
        assertTrue(table.owned(p));
        assertNull(table.incident(p));
        assertTrue(table.seenBefore(p, t.getEpochSecond(), t.getNano() + 1));
    }

    private static Model entry(DedupTable t, int p) {
        return new Model(t.seenAt(p), t.spreadOf(p), t.visibility(p), t.incident(p), t.owned(p), t.negative(p));
    }
}
