package dev.firebreak.benchmarks;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.engine.BrandState;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import dev.firebreak.store.internal.ChangeCodec;
import dev.firebreak.store.internal.Frames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The journal's append cost. {@code append}: one change record (an ingested mention with its classification,
 * about 600 bytes framed) written and synced as the engine does after each call, per {@link FsyncPolicy};
 * {@code baseline}: the same record encoded and framed but not written. Restart time is
 * {@link JournalRestartBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JournalBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class JournalBenchmark {

    private static final int MASK = 1023;
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Param({"never", "every_5ms", "every_record"})
    public String fsync;

    private final BrandChange[] changes = new BrandChange[MASK + 1];
    private final ChangeCodec codec = new ChangeCodec();
    private final BrandState state = BrandState.empty("acme");
    private Path dir;
    private JournalStore journal;
    private int i;

    static Classification complaint(String category) {
        return new Classification(Language.ENGLISH, 0.93, -0.71, Polarity.NEGATIVE, 0.88, true,
                List.of(Category.of(category)), List.of());
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        for (int k = 0; k <= MASK; k++) {
            Mention m = Mention.builder(Platform.TWITTER, "1766" + (100000 + k))
                    .author(Author.of("u" + k, "customer_" + k, 120 + k)).createdAt(T0.plusSeconds(k))
                    .text("@acmeshop charged me twice for order #" + k + " and support still has not answered")
                    .engagement(new Engagement(k % 7, k % 3, k % 11, 0)).brand("acme").build();
            changes[k] = new BrandChange.Ingest(T0.plusSeconds(k), m, complaint("billing"), false);
        }
        dir = Files.createTempDirectory("journal-bench");
        FsyncPolicy policy = "never".equals(fsync) ? FsyncPolicy.never()
                : "every_5ms".equals(fsync) ? FsyncPolicy.every(Duration.ofMillis(5)) : FsyncPolicy.everyRecord();
        journal = JournalStore.open(dir, JournalConfig.builder().fsync(policy).snapshotEveryRecords(1_000_000_000L)
                .build());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        delete(dir);
    }

    /** Encodes and frames a record without writing it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public ByteBuffer baseline() {
        byte[] payload = codec.write(codec.toNode("acme", changes[i++ & MASK])).getBytes(StandardCharsets.UTF_8);
        return Frames.encode(Frames.CHANGE, i, payload);
    }

    /** Writes a record and syncs it as the engine does at the end of a call. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long append() {
        journal.save(state, changes[i++ & MASK]);
        journal.sync();
        return journal.nextLsn();
    }

    static void delete(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    delete(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
