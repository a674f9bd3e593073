package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.engine.Brand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed or restarted instance: its brands go on from what the state stores hold, with nothing lost or
 * doubled, compared with a run that never stopped (the same outputs, in the same order, and the same state).
 */
class FailoverTest {

    private static final String[] STORES = {FirebreakTopology.HEADS_STORE, FirebreakTopology.CHANGES_STORE,
        FirebreakTopology.SNAPSHOTS_STORE};

    @TempDir
    Path dir;

    private static StreamsSettings settings(StreamsSettings.StoreType type) {
        // small snapshots and chunks, so that the restored state is a snapshot in several chunks plus changes
        return TopologyEquivalenceTest.settings().toBuilder().storeType(type).snapshotEveryChanges(13)
                .snapshotChunkBytes(1024).build();
    }

    private Outputs uninterrupted(StreamsSettings s, List<Brand> brands, List<Input> inputs, Path state,
            Map<String, String> states) {
        long last = inputs.get(inputs.size() - 1).timestamp();
        try (Harness h = new Harness(TopologyEquivalenceTest.topology(s, brands), s, state, Instant.ofEpochMilli(last))) {
            inputs.forEach(in -> in.pipe(h));
            h.advanceWallClock(Duration.ofMinutes(2));
            states.putAll(Runs.storedStates(h, brands));
            return Outputs.of(h);
        }
    }

    /**
     * Kafka Streams under exactly-once: the instance processes {@code committed} records and commits; it goes on
     * with {@code lost} more whose transaction never commits (their outputs and changelog writes are aborted) and
     * dies. Another instance restores the stores from the changelogs as of the commit and reprocesses from there.
     */
    @Test
    void anotherInstanceRestoredFromTheChangelogsGoesOnWithNothingLostOrDoubled() {
        Scenario sc = new Scenario(99L, 450);
        List<Brand> brands = Scenario.brands();
        StreamsSettings s = settings(StreamsSettings.StoreType.IN_MEMORY);
        Map<String, String> expectedStates = new LinkedHashMap<>();
        Outputs expected = uninterrupted(s, brands, sc.inputs, dir.resolve("clean"), expectedStates);
        assertTrue(expected.incidents().size() > 50 && expected.escalations().size() > 20, "a busy run: "
                + expected.incidents().size() + " summaries, " + expected.escalations().size() + " escalations");

        long last = sc.inputs.get(sc.inputs.size() - 1).timestamp();
        int[][] splits = {{1, 0}, {211, 40}, {449, 1}};
        for (int[] split : splits) {
            int committed = split[0];
            int lost = split[1];
            Map<String, List<KeyValue<String, byte[]>>> changelogs = new LinkedHashMap<>();
            Outputs before;
            try (Harness h1 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, dir.resolve("a" + committed),
                    Instant.ofEpochMilli(last))) {
                sc.inputs.subList(0, committed).forEach(in -> in.pipe(h1));
                for (String store : STORES) {
                    changelogs.put(store, h1.changelog(store));
                }
                before = Outputs.of(h1);
                sc.inputs.subList(committed, committed + lost).forEach(in -> in.pipe(h1)); // aborted
            }
            try (Harness h2 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, dir.resolve("b" + committed),
                    Instant.ofEpochMilli(last))) {
                changelogs.forEach((store, records) -> restore(h2.store(store), records));
                sc.inputs.subList(committed, sc.inputs.size()).forEach(in -> in.pipe(h2));
                h2.advanceWallClock(Duration.ofMinutes(2));
                Outputs all = before.then(Outputs.of(h2));
                String at = "failover after " + committed + " records (" + lost + " lost)";
                Map<String, Map<String, List<String>>> want = expected.byKey();
                Map<String, Map<String, List<String>>> got = all.byKey();
                for (String topic : want.keySet()) {
                    assertEquals(want.get(topic), got.get(topic), at + ": " + topic);
                }
                assertEquals(expectedStates, Runs.storedStates(h2, brands), at + ": stored state");
            }
        }
    }

    /**
     * The wall clock moved the engine time past every change (an idle spell), then records came: the engine time
     * a new owner of the task starts from is the one the old owner had, not the time of the last change.
     */
    @Test
    void anEngineTimeTheWallClockMovedSurvivesTheFailover() {
        Scenario sc = new Scenario(3L, 300);
        List<Brand> brands = Scenario.brands();
        StreamsSettings s = settings(StreamsSettings.StoreType.IN_MEMORY);
        long last = sc.inputs.get(sc.inputs.size() - 1).timestamp();
        Duration idle = Duration.ofSeconds(150);
        Outputs expected;
        try (Harness h = new Harness(TopologyEquivalenceTest.topology(s, brands), s, dir.resolve("clean"),
                Instant.ofEpochMilli(last))) {
            sc.inputs.subList(0, 100).forEach(in -> in.pipe(h));
            h.advanceWallClock(idle);
            sc.inputs.subList(100, 300).forEach(in -> in.pipe(h));
            expected = Outputs.of(h);
        }
        Map<String, List<KeyValue<String, byte[]>>> changelogs = new LinkedHashMap<>();
        Outputs before;
        try (Harness h1 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, dir.resolve("a"),
                Instant.ofEpochMilli(last))) {
            sc.inputs.subList(0, 100).forEach(in -> in.pipe(h1));
            h1.advanceWallClock(idle);
            for (String store : STORES) {
                changelogs.put(store, h1.changelog(store));
            }
            before = Outputs.of(h1);
        }
        try (Harness h2 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, dir.resolve("b"),
                Instant.ofEpochMilli(last).plus(idle))) {
            changelogs.forEach((store, records) -> restore(h2.store(store), records));
            sc.inputs.subList(100, 300).forEach(in -> in.pipe(h2));
            assertEquals(expected.byKey(), before.then(Outputs.of(h2)).byKey());
            assertTrue(expected.events().stream().anyMatch(kv -> kv.value.contains(
                    "\"at\":\"" + Instant.ofEpochMilli(last).plus(idle) + "\"")), "inputs came at the wall clock's time");
        }
    }

    /** What Kafka Streams does on restore: applies the changelog's records in order (a null value deletes). */
    private static void restore(KeyValueStore<String, byte[]> store, List<KeyValue<String, byte[]>> records) {
        for (KeyValue<String, byte[]> kv : records) {
            if (kv.value == null) {
                store.delete(kv.key);
            } else {
                store.put(kv.key, kv.value);
            }
        }
    }

    /**
     * A restart on the same state directory with RocksDB: the new driver opens the stores' files as the old one left
     * them. (The test driver deletes its state directory when it closes; a real instance does not. So the test
     * closes the stores, keeps their files aside while the driver closes, and puts them back, which is what a
     * restarted instance finds on its disk.)
     */
    @Test
    void aRestartOnTheSameStateDirectoryGoesOnFromTheRocksDbStores() throws IOException {
        Scenario sc = new Scenario(7L, 90);
        List<Brand> brands = Scenario.brands();
        StreamsSettings s = settings(StreamsSettings.StoreType.ROCKS_DB);
        long last = sc.inputs.get(sc.inputs.size() - 1).timestamp();
        try (FastDir clean = new FastDir(dir); FastDir state = new FastDir(dir); FastDir aside = new FastDir(dir)) {
            Map<String, String> expectedStates = new LinkedHashMap<>();
            Outputs expected = uninterrupted(s, brands, sc.inputs, clean.path, expectedStates);
            int half = 45;
            Harness h1 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, state.path,
                    Instant.ofEpochMilli(last));
            sc.inputs.subList(0, half).forEach(in -> in.pipe(h1));
            Outputs before = Outputs.of(h1);
            for (String store : STORES) {
                h1.store(store).flush();
                h1.store(store).close();
            }
            copy(state.path, aside.path);
            try {
                h1.close();
            } catch (RuntimeException expectedBecauseTheStoresAreClosed) {
                // the driver cannot flush stores the test closed; their files are aside already
            }
            copy(aside.path, state.path);
            try (Harness h2 = new Harness(TopologyEquivalenceTest.topology(s, brands), s, state.path,
                    Instant.ofEpochMilli(last))) {
                assertTrue(h2.store(FirebreakTopology.HEADS_STORE).get("kestrel") != null
                        || h2.store(FirebreakTopology.HEADS_STORE).get("oriole") != null, "the stores were reopened");
                sc.inputs.subList(half, sc.inputs.size()).forEach(in -> in.pipe(h2));
                h2.advanceWallClock(Duration.ofMinutes(2));
                Outputs all = before.then(Outputs.of(h2));
                assertEquals(expected.byKey(), all.byKey(), "outputs of a restarted run");
                assertEquals(expectedStates, Runs.storedStates(h2, brands), "stored state");
                assertTrue(expected.size() > 20, "a busy run: " + expected.size());
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> w = Files.walk(from)) {
            for (Path p : (Iterable<Path>) w::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
