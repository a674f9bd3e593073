package dev.firebreak.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.engine.BrandState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    /** A context for a journal used without an engine (no snapshot to decode here). */
    static final StoreContext NO_ENGINE = new StoreContext() {
        @Override
        public List<String> brands() {
            return List.of("acme");
        }

        @Override
        public BrandState decode(String encoded) {
            throw new AssertionError("no snapshot expected");
        }

        @Override
        public void forEachState(Consumer<BrandState> visitor) {
        }
    };

    private void writeTicks(int n) {
        BrandState acme = BrandState.empty("acme");
        try (JournalStore j = JournalStore.open(dir)) {
            for (int i = 0; i < n; i++) {
                j.save(acme, new BrandChange.Tick(T0.plusSeconds(60L * i)));
                j.sync();
            }
        }
    }

    private Path segment() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "journal-*.fbj")) {
            return ds.iterator().next();
        }
    }

    private static List<Instant> ticks(StoredBrand b) {
        List<Instant> out = new ArrayList<>();
        for (BrandChange c : b.changes()) {
            out.add(c.at());
        }
        return out;
    }

    @Test
    void aSecondJournalOnTheSameDirectoryFailsFastNamingIt() {
        try (JournalStore first = JournalStore.open(dir)) {
            JournalLockedException e = assertThrows(JournalLockedException.class, () -> JournalStore.open(dir));
            assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("another engine holds it"), e.getMessage());
        }
        try (JournalStore again = JournalStore.open(dir)) {
            assertEquals(0, again.nextLsn(), "closing releases the lock");
        }
    }

    @Test
    void changesComeBackInOrderAfterAReopen() {
        writeTicks(5);
        try (JournalStore j = JournalStore.open(dir)) {
            assertEquals(5, j.recovery().records());
            StoredBrand acme = j.load("acme", NO_ENGINE);
            assertTrue(acme.state().isEmpty());
            assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240)),
                    ticks(acme));
            assertEquals(T0.plusSeconds(240), j.lastInput("acme").orElseThrow().at());
            assertThrows(IllegalStateException.class, () -> j.load("acme", NO_ENGINE), "one engine per journal");
        }
    }

    @Test
    void aTornTailIsCutOffAndTheRecordsBeforeItAreKept() throws IOException {
        writeTicks(4);
        Path seg = segment();
        long clean = Files.size(seg);
        byte[] all = Files.readAllBytes(seg);
        // a crash in the middle of writing a fifth record: its first 30 bytes (a copy of the header and more)
        Files.write(seg, java.util.Arrays.copyOfRange(all, 0, 30), StandardOpenOption.APPEND);
        try (JournalStore j = JournalStore.open(dir)) {
            assertEquals(4, j.recovery().records());
            assertEquals(30, j.recovery().truncatedBytes());
            assertEquals(clean, Files.size(seg), "the torn tail is cut off on disk");
            assertEquals(4, j.load("acme", NO_ENGINE).changes().size());
            j.save(BrandState.empty("acme"), new BrandChange.Tick(T0.plusSeconds(999)));
        }
        try (JournalStore j = JournalStore.open(dir)) {
            assertEquals(5, j.recovery().records(), "appending after the cut continues the sequence");
            assertEquals(0, j.recovery().truncatedBytes());
        }
    }

    @Test
    void aDamagedRecordWithRecordsAfterItIsAnErrorNotSilentLoss() throws IOException {
        writeTicks(6);
        Path seg = segment();
        byte[] all = Files.readAllBytes(seg);
        int second = 18 + java.nio.ByteBuffer.wrap(all, 0, 4).getInt();
        all[second + 25] ^= 0x20; // one flipped bit in the payload of the second record
        Files.write(seg, all);
        JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> JournalStore.open(dir));
        assertEquals(second, e.offset());
        assertEquals(seg.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().contains("refusing to drop the records after it"), e.getMessage());
        assertTrue(e.getMessage().contains(seg.getFileName().toString()), e.getMessage());
        // the failed open released the lock: the directory can be repaired and opened again
        Files.write(seg, java.util.Arrays.copyOf(all, second));
        try (JournalStore j = JournalStore.open(dir)) {
            assertEquals(1, j.recovery().records());
        }
    }

    @Test
    void aRecordLargerThanTheLimitIsRefusedWithItsSize() {
        JournalConfig small = JournalConfig.builder().maxRecordBytes(1024).build();
        try (JournalStore j = JournalStore.open(dir, small)) {
            BrandChange big = BrandChange.Action.of(T0, new dev.firebreak.incident.IncidentId("acme-0001"),
                    BrandChange.ActionKind.ACKNOWLEDGE, "x".repeat(5000));
            StoreException e = assertThrows(StoreException.class, () -> j.save(BrandState.empty("acme"), big));
            assertTrue(e.getMessage().contains("maxRecordBytes"), e.getMessage());
            assertEquals(0, j.nextLsn());
        }
    }

    @Test
    void configSettersNameTheFieldAndTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalConfig.builder().segmentBytes(10));
        assertTrue(e.getMessage().startsWith("segmentBytes must be in ["), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JournalConfig.builder().snapshotEveryRecords(0));
        assertTrue(e.getMessage().startsWith("snapshotEveryRecords"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.every(Duration.ZERO));
        assertTrue(e.getMessage().contains("fsync interval"), e.getMessage());
        JournalConfig c = JournalConfig.defaults().toBuilder().fsync(FsyncPolicy.every(Duration.ofMillis(5))).build();
        assertEquals(FsyncPolicy.Mode.INTERVAL, c.fsync().mode());
        assertEquals(FsyncPolicy.everyRecord(), JournalConfig.defaults().fsync());
    }

    @Test
    void aClosedJournalRefusesWrites() {
        JournalStore j = JournalStore.open(dir);
        j.close();
        StoreException e = assertThrows(StoreException.class,
                () -> j.save(BrandState.empty("acme"), new BrandChange.Tick(T0)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
