package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import dev.firebreak.testkit.MarkerClassifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConcurrencyTest {

    @TempDir
    Path dir;

    private static CrisisEngine engine(Fixture.MutableClock clock, JournalStore journal) {
        CrisisEngine.Builder b = CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier())
                .store(journal);
        for (String name : new String[] {"kestrel", "heron", "osprey"}) {
            b.brand(Brand.builder(name).keywords(name).build());
        }
        return b.build();
    }

    @Test
    void mentionAndIncidentCountsAreConservedAcrossARestartAfterConcurrentIngestAndTicks() throws Exception {
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        JournalConfig config = JournalConfig.builder().fsync(FsyncPolicy.every(Duration.ofMillis(5)))
                .snapshotEveryRecords(500).build();
        String[] brands = {"kestrel", "heron", "osprey"};
        String[] texts = {"order late ~neg ~complaint ~cat:delivery", "lovely ~pos", "charged twice ~neg ~complaint ~cat:billing",
            "staff rude ~neg ~complaint ~cat:discrimination"};
        Map<String, Long> mentions = new TreeMap<>();
        Map<String, String> states = new TreeMap<>();
        int incidents;
        Map<String, Integer> taken = new ConcurrentHashMap<>();
        try (JournalStore journal = JournalStore.open(dir, config)) {
            CrisisEngine engine = engine(clock, journal);
            int threads = 4;
            int perThread = 400;
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String brand = brands[(thread + i) % brands.length];
                        int id = thread * perThread + i;
                        Mention m = Mention.builder(Platform.TWITTER, "t" + (id % 3 == 0 ? id - id % 6 : id))
                                .author(Author.of("a" + id % 50, "user" + id % 50, id % 97 * 100))
                                .text(brand + " " + texts[id % texts.length]).createdAt(clock.instant()).brand(brand)
                                .build();
                        IngestResult r = engine.ingest(m);
                        if (r.status() == IngestResult.Status.NEW) {
                            taken.merge(brand, 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    clock.advance(Duration.ofSeconds(20));
                    engine.tick(clock.instant());
                }
                return null;
            }));
            start.countDown();
            for (int i = 0; i < threads; i++) {
                futures.get(i).get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            futures.get(threads).get(60, TimeUnit.SECONDS);
            pool.shutdown();
            for (String b : brands) {
                mentions.put(b, engine.mentions(b));
                states.put(b, engine.checkpoint(b));
                assertEquals((long) taken.getOrDefault(b, 0), engine.mentions(b), "every NEW mention counted once");
            }
            incidents = engine.incidents().size();
            assertTrue(incidents > 0, "the run opens incidents");
        }
        try (JournalStore journal = JournalStore.open(dir, config)) {
            CrisisEngine engine = engine(clock, journal);
            assertEquals(incidents, engine.incidents().size(), "incidents conserved");
            for (String b : brands) {
                assertEquals(mentions.get(b), engine.mentions(b), "mentions of " + b + " conserved");
                JournalRecoveryTest.assertSameState(states.get(b), engine.checkpoint(b), "state of " + b);
            }
        }
    }
}
