package dev.firebreak.benchmarks;

import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a restart costs: {@code restart} opens a journal that holds 100,000 incidents ({@code brands} brands
 * of 100,000 / {@code brands} incidents each, in a snapshot plus a tail of 2,000 records after it) and builds
 * an engine on it, which decodes every brand's state and re-applies the tail. {@code baseline} reads the same
 * files' bytes: the I/O floor of any restart. The journal is built once per trial (a few minutes).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JournalRestartBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class JournalRestartBenchmark {

    static final int INCIDENTS = 100_000;
    static final int TAIL = 2000;

    /** Brands the 100,000 incidents are spread over. */
    @Param({"100"})
    public int brands;

    Path dir;
    List<Brand> watched;
    final Clock clock = Clock.fixed(JournalBenchmark.T0.plusSeconds(3600), ZoneOffset.UTC);

    CrisisEngine engine(JournalStore journal) {
        return CrisisEngine.builder().clock(clock).brands(watched).store(journal)
                .classifier(m -> JournalBenchmark.complaint(m.text().substring(m.text().lastIndexOf(' ') + 1)))
                .build();
    }

    @Setup(Level.Trial)
    public void build() throws IOException {
        int perBrand = INCIDENTS / brands;
        dir = Files.createTempDirectory("journal-restart");
        watched = new ArrayList<>();
        for (int b = 0; b < brands; b++) {
            watched.add(Brand.builder("brand" + b).build());
        }
        JournalConfig once = JournalConfig.builder().fsync(FsyncPolicy.never()).snapshotEveryRecords(1).build();
        try (JournalStore journal = JournalStore.open(dir, once)) {
            CrisisEngine engine = engine(journal);
            int id = 0;
            for (int k = 0; k < perBrand; k++) {
                for (int b = 0; b < brands; b++) {
                    engine.ingest(Mention.builder(Platform.TWITTER, "m" + id++)
                            .author(Author.of("a" + id, "user" + id, 300 + id % 1000)).createdAt(clock.instant())
                            .text("this is a complaint about c" + k).brand("brand" + b).build());
                }
            }
            engine.tick(clock.instant()); // the snapshot
        }
        JournalConfig never = JournalConfig.builder().fsync(FsyncPolicy.never()).build();
        try (JournalStore journal = JournalStore.open(dir, never)) {
            CrisisEngine engine = engine(journal);
            if (engine.incidents().size() != brands * perBrand) {
                throw new IllegalStateException("expected " + brands * perBrand + " incidents, built "
                        + engine.incidents().size());
            }
            for (int k = 0; k < TAIL; k++) { // a tail of records after the snapshot, re-applied on restart
                engine.ingest(Mention.builder(Platform.TWITTER, "t" + k).author(Author.of("t" + k, "late" + k, 50))
                        .createdAt(clock.instant()).text("still charged twice c" + (k % perBrand))
                        .brand("brand" + k % brands).build());
            }
        }
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        JournalBenchmark.delete(dir);
    }

    /** Reads the journal's files (snapshot and segments): the I/O floor. */
    @Benchmark
    public long baseline() throws IOException {
        long bytes = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                bytes += Files.readAllBytes(p).length;
            }
        }
        return bytes;
    }

    /**
     * Opens the journal of 100,000 incidents and builds the engine on it. It returns the brands' restored
     * mention counts, not {@code incidents()}: listing 100,000 incidents is not part of a restart (the setup
     * checks the count once).
     */
    @Benchmark
    public long restart() {
        try (JournalStore journal = JournalStore.open(dir, JournalConfig.builder().fsync(FsyncPolicy.never())
                .snapshotEveryRecords(1_000_000_000L).build())) {
            CrisisEngine engine = engine(journal);
            long mentions = 0;
            for (Brand b : watched) {
                mentions += engine.mentions(b.name());
            }
            return mentions;
        }
    }
}
