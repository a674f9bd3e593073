package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import dev.firebreak.testkit.MarkerClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash tests of the journal under the engine: a run is recorded, the journal is cut (at every byte of
 * its last records, and at random points in the middle), and the engine recovered from what is left must
 * hold exactly the state a clean run had after the last complete record; resumed, it must end exactly
 * where the clean run ended.
 */
class JournalRecoveryTest {

    private static final JournalConfig FAST = JournalConfig.builder().fsync(FsyncPolicy.never())
            .snapshotEveryRecords(40).segmentBytes(16 * 1024).build();

    @TempDir
    Path tmp;

    /** A clean run, with what the engine held after each call. */
    static final class Run {
        /** Records written after a call -> the brand's encoded state then. */
        final TreeMap<Long, String> states = new TreeMap<>();
        /** Records written after a call -> the index of the next step. */
        final Map<Long, Integer> nextStep = new HashMap<>();
        /** Record number -> the clock time of the call that wrote it. */
        final Map<Long, Instant> times = new HashMap<>();
        String last;
    }

    static Run cleanRun(JournalScenario sc, Path dir, JournalConfig config) {
        Run run = new Run();
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        try (JournalStore journal = JournalStore.open(dir, config)) {
            CrisisEngine engine = JournalScenario.engine(clock, journal);
            run.states.put(0L, engine.checkpoint("kestrel"));
            run.nextStep.put(0L, 0);
            long before = 0;
            for (int i = 0; i < sc.steps.size(); i++) {
                JournalScenario.play(sc.steps.get(i), engine, clock);
                long after = journal.nextLsn();
                for (long n = before; n < after; n++) {
                    run.times.put(n, clock.instant());
                }
                run.states.put(after, engine.checkpoint("kestrel"));
                run.nextStep.put(after, i + 1);
                before = after;
            }
            run.last = engine.checkpoint("kestrel");
        }
        return run;
    }

    /** Recovers from {@code dir}; the clock stands where the clean run's was at the last record. */
    static Recovered recover(Path dir, JournalConfig config, Run run) {
        JournalStore journal = JournalStore.open(dir, config);
        long n = journal.recovery().nextLsn();
        Fixture.MutableClock clock = new Fixture.MutableClock(n == 0 ? Fixture.T0 : run.times.get(n - 1));
        CrisisEngine engine = JournalScenario.engine(clock, journal);
        return new Recovered(journal, engine, clock, n);
    }

    record Recovered(JournalStore journal, CrisisEngine engine, Fixture.MutableClock clock, long records) {
    }

    static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void restore(Path dir, Map<String, byte[]> files, String cut, int length) throws IOException {
        if (Files.exists(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] b = e.getValue();
            if (e.getKey().equals(cut)) {
                b = java.util.Arrays.copyOf(b, length);
            }
            Files.write(dir.resolve(e.getKey()), b);
        }
    }

    static String lastSegment(Map<String, byte[]> files) {
        String last = null;
        for (String n : files.keySet()) {
            if (n.startsWith("journal-")) {
                last = n;
            }
        }
        return last;
    }

    @Test
    void aReopenedJournalRecoversExactlyTheStateTheEngineHad() {
        JournalScenario sc = new JournalScenario(7, 250);
        Run run = cleanRun(sc, tmp.resolve("j"), FAST);
        assertTrue(run.states.lastKey() > 150, "the run writes a few hundred records: " + run.states.lastKey());
        assertTrue(run.last.contains("\"incidents\":[{"), "the run opens incidents");
        Recovered r = recover(tmp.resolve("j"), FAST, run);
        try {
            assertTrue(r.journal().recovery().snapshotLsn().isPresent(), "recovery starts from a snapshot");
            assertSameState(run.last, r.engine().checkpoint("kestrel"), "reopened");
        } finally {
            r.journal().close();
        }
    }

    @Test
    void aCutAtEveryByteOfTheLastRecordsRecoversTheStateBeforeTheCut() throws IOException {
        JournalScenario sc = new JournalScenario(11, 70);
        Path clean = tmp.resolve("clean");
        Run run = cleanRun(sc, clean, FAST);
        Map<String, byte[]> files = files(clean);
        String seg = lastSegment(files);
        byte[] bytes = files.get(seg);
        int size = bytes.length;
        List<Integer> starts = new ArrayList<>();
        for (int at = 0; at < size; at += 18 + java.nio.ByteBuffer.wrap(bytes, at, 4).getInt()) {
            starts.add(at);
        }
        assertTrue(starts.size() >= 3, "the last segment holds records: " + starts);
        int from = starts.get(starts.size() - 2); // every byte of the last two records
        Path work = tmp.resolve("work");
        int checked = 0;
        for (int k = from; k <= size; k++) {
            restore(work, files, seg, k);
            Recovered r = recover(work, FAST, run);
            try {
                long n = r.journal().nextLsn();
                String expected = run.states.get(n);
                assertNotNull(expected, "recovery from a cut at byte " + k + " ends between two calls (record " + n
                        + ")");
                assertSameState(expected, r.engine().checkpoint("kestrel"), "cut at byte " + k + " of " + seg);
                assertEquals(k == size ? 0 : 1, Math.min(1, r.journal().recovery().truncatedBytes()) + (k == size ? 0
                        : r.journal().recovery().truncatedBytes() == 0 ? 1 : 0), "a partial record is cut off");
                checked++;
            } finally {
                r.journal().close();
            }
        }
        assertEquals(size - from + 1, checked);
    }

    @Property(tries = 10, seed = "20260302")
    void aCutAnywhereRecoversTheCleanStateAndResumingEndsWhereTheCleanRunEnded(
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed, @ForAll @IntRange(min = 0, max = 999) int where,
            @ForAll @IntRange(min = 0, max = 10_000) int extra) throws IOException {
        JournalScenario sc = new JournalScenario(seed, 100);
        Path base = Files.createTempDirectory("journal-prop");
        try {
            Path clean = base.resolve("clean");
            Run run = cleanRun(sc, clean, FAST);
            Map<String, byte[]> files = files(clean);
            String seg = lastSegment(files);
            int size = files.get(seg).length;
            int cut = (int) ((long) size * where / 1000) + extra % 97;
            cut = Math.min(cut, size);
            Path work = base.resolve("work");
            restore(work, files, seg, cut);
            Recovered r = recover(work, FAST, run);
            try {
                long n = r.journal().nextLsn();
                assertSameState(run.states.get(n), r.engine().checkpoint("kestrel"), "recovered state after a cut at byte "
                        + cut + " of " + size);
                Integer next = run.nextStep.get(n);
                assertNotNull(next);
                for (int i = next; i < sc.steps.size(); i++) {
                    JournalScenario.play(sc.steps.get(i), r.engine(), r.clock());
                }
                assertSameState(run.last, r.engine().checkpoint("kestrel"), "a resumed run ends where the clean one did");
            } finally {
                r.journal().close();
            }
        } finally {
            deleteTree(base);
        }
    }

    /** Equal encoded states, or a failure that shows where they first differ. */
    static void assertSameState(String expected, String actual, String message) {
        if (expected != null && expected.equals(actual)) {
            return;
        }
        int i = 0;
        int n = Math.min(expected == null ? 0 : expected.length(), actual == null ? 0 : actual.length());
        while (i < n && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 300);
        throw new AssertionError(message + ": states differ at char " + i + "\nexpected ..."
                + (expected == null ? "null" : expected.substring(from, Math.min(expected.length(), i + 300)))
                + "\nactual   ..." + (actual == null ? "null" : actual.substring(from, Math.min(actual.length(), i + 300))));
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    @Test
    void everyCallIsOnDiskBeforeItReturnsUnderTheEveryRecordPolicy() {
        JournalScenario sc = new JournalScenario(3, 60);
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        try (JournalStore journal = JournalStore.open(tmp.resolve("every"), JournalConfig.defaults())) {
            CrisisEngine engine = JournalScenario.engine(clock, journal);
            for (JournalScenario.Step s : sc.steps) {
                JournalScenario.play(s, engine, clock);
                assertEquals(journal.nextLsn(), journal.durableLsn(), "acknowledged = fsynced");
            }
            assertTrue(journal.nextLsn() > 30);
        }
        Fixture.MutableClock frozen = new Fixture.MutableClock(Fixture.T0);
        JournalConfig hourly = JournalConfig.builder().fsync(FsyncPolicy.every(Duration.ofHours(1))).clock(frozen)
                .build();
        try (JournalStore journal = JournalStore.open(tmp.resolve("hourly"), hourly)) {
            CrisisEngine engine = JournalScenario.engine(clock, journal);
            engine.ingest(Fixture.complaint("x1", "ann", 10, clock.instant()));
            assertTrue(journal.durableLsn() < journal.nextLsn(), "the interval policy leaves the last hour unsynced");
            frozen.advance(Duration.ofHours(1));
            engine.tick(clock.instant());
            assertEquals(journal.nextLsn(), journal.durableLsn(), "and syncs once the hour is up");
        }
    }

    @Test
    void aDeadlineThatPassedWhileTheEngineWasDownFiresOnTheFirstTick() {
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        Path dir = tmp.resolve("down");
        Incident opened;
        try (JournalStore journal = JournalStore.open(dir)) {
            CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier())
                    .brand(Fixture.kestrel()).store(journal).build();
            engine.ingest(Fixture.complaint("c1", "ann", 300, clock.instant()));
            opened = engine.incidents().get(0);
        }
        clock.advance(Duration.ofHours(3)); // the engine is down meanwhile
        Fixture.Recorder events = new Fixture.Recorder();
        try (JournalStore journal = JournalStore.open(dir)) {
            CrisisEngine engine = Fixture.engine(clock, events).store(journal).build();
            assertEquals(opened.severity(), engine.incident(opened.id()).orElseThrow().severity());
            assertTrue(events.of(FirebreakEvent.DeadlineMissed.class).isEmpty(), "nothing fires while recovering");
            engine.tick(clock.instant());
            assertFalse(events.of(FirebreakEvent.DeadlineMissed.class).isEmpty(), "the missed deadline fires");
            List<AuditRecord> trail = engine.auditTrail(opened.id());
            assertTrue(trail.stream().anyMatch(a -> a.action() == AuditAction.DEADLINE_MISSED
                    && a.at().equals(clock.instant())), trail.toString());
        }
    }

    @Test
    void theAuditTrailSurvivesARestart() {
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        Path dir = tmp.resolve("audit");
        List<AuditRecord> before;
        Incident opened;
        try (JournalStore journal = JournalStore.open(dir)) {
            CrisisEngine engine = JournalScenario.engine(clock, journal);
            engine.ingest(Fixture.complaint("c1", "ann", 300, clock.instant()));
            opened = engine.incidents().get(0);
            clock.advance(Duration.ofMinutes(10));
            engine.acknowledge(opened.id(), "maria");
            before = engine.auditTrail(opened.id());
        }
        try (JournalStore journal = JournalStore.open(dir)) {
            CrisisEngine engine = JournalScenario.engine(clock, journal);
            assertEquals(before, engine.auditTrail(opened.id()));
        }
        assertTrue(before.stream().anyMatch(a -> a.action() == AuditAction.ACKNOWLEDGED && a.actor().equals("maria")));
        assertTrue(before.stream().anyMatch(a -> a.action() == AuditAction.DEADLINE_MET), before.toString());
    }
}
