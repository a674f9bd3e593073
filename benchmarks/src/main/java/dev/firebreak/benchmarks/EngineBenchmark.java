package dev.firebreak.benchmarks;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.EngineSettings;
import dev.firebreak.engine.IngestResult;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end ingest through {@link CrisisEngine} (match, classify, dedup, count the series, close
 * buckets and run the series detectors, link replies and shares, group into incidents, severity,
 * escalation clocks, plans, events) over many brands, against a {@code baseline} that only classifies.
 *
 * <p>The classifier is a cheap deterministic stand-in (two {@code indexOf} calls and a shared result)
 * so that the figure is the engine's own cost; rerun with the built-in classifier for the full pipeline.
 * Inputs: 2^20 pre-generated mentions over {@code brands} brands (85% ordinary posts, 10% complaints,
 * 3% replies, 2% shares, some hashtags and influencers); the engine's clock advances 20 ms of data time
 * per mention, so buckets close, detectors run and deadlines fire as in a live stream. The dedup memory
 * is sized so that a mention seen again after the inputs wrap around is new again.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    private static final int SIZE = 1 << 20;
    private static final int MASK = SIZE - 1;
    private static final long BASE = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long STEP_MILLIS = 20;

    /** Brands watched. */
    @Param({"1000"})
    public int brands;

    private Mention[] mentions;
    private CrisisEngine engine;
    private MentionClassifier classifier;
    private final AtomicLong sequence = new AtomicLong();

    /** A clock at {@code BASE + sequence * 20 ms}: data time advances with every mention ingested. */
    private final class SequenceClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(BASE + sequence.get() * STEP_MILLIS);
        }
    }

    /** A cheap deterministic classifier: a complaint marker and a negative marker. */
    static final class CheapClassifier implements MentionClassifier {
        private static final Classification NEUTRAL = Classification.neutral(Language.ENGLISH, 0.9);
        private static final Classification NEGATIVE = new Classification(Language.ENGLISH, 0.9, -0.6,
                Polarity.NEGATIVE, 0.3, false, List.of(), List.of());
        private static final Classification COMPLAINT = new Classification(Language.ENGLISH, 0.9, -0.8,
                Polarity.NEGATIVE, 0.9, true, List.of(Category.DELIVERY), List.of());

        @Override
        public Classification classify(Mention m) {
            String t = m.text();
            if (t.indexOf("still not here") >= 0) {
                return COMPLAINT;
            }
            return t.indexOf("disappointed") >= 0 ? NEGATIVE : NEUTRAL;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        List<Brand> list = new ArrayList<>(brands);
        for (int b = 0; b < brands; b++) {
            list.add(Brand.builder("brand" + b).handles("brand" + b).ownedAccount(Platform.TWITTER, "brand" + b + "_hq")
                    .build());
        }
        mentions = new Mention[SIZE];
        String[] ordinary = {"Great coffee at the new place, recommended", "Is the shop open on Sunday?",
                "Just picked up my order, nice packaging #unboxing", "Their app update looks clean",
                "Meeting friends there later"};
        for (int i = 0; i < SIZE; i++) {
            int brand = rnd.nextInt(brands);
            int kind = rnd.nextInt(100);
            long followers = rnd.nextInt(1000) == 0 ? 250_000 : (long) Math.exp(rnd.nextGaussian() * 1.2 + 5);
            Mention.Builder mb = Mention.builder(Platform.TWITTER, Integer.toString(i))
                    .author(Author.of("a" + rnd.nextInt(200_000), "user" + rnd.nextInt(200_000), followers))
                    .createdAt(Instant.ofEpochMilli(BASE + i * STEP_MILLIS)).brand("brand" + brand);
            if (kind < 85) {
                mb.text(ordinary[rnd.nextInt(ordinary.length)]);
            } else if (kind < 95) {
                mb.text(rnd.nextBoolean() ? "My parcel is still not here after two weeks #fail @brand" + brand
                        : "Honestly disappointed with the service today");
            } else if (kind < 98 && i > 100) {
                mb.kind(MentionKind.REPLY).inReplyTo(Integer.toString(i - 1 - rnd.nextInt(100)))
                        .text("same here, still not here");
            } else {
                mb.kind(MentionKind.SHARE).sharedFrom(Integer.toString(Math.max(0, i - 1 - rnd.nextInt(50))))
                        .text("RT look at this").engagement(new Engagement(0, 0, 0, 0));
            }
            mentions[i] = mb.build();
        }
        classifier = new CheapClassifier();
        engine = CrisisEngine.builder()
                .clock(new SequenceClock())
                .classifier(classifier)
                .brands(list)
                .settings(EngineSettings.builder().dedupWindow(Duration.ofHours(1)).dedupCapacity(500).build())
                .build();
    }

    /** Classification only: the floor every ingest pays. */
    @Benchmark
    @Threads(1)
    public Classification baseline() {
        return classifier.classify(mentions[(int) (sequence.getAndIncrement() & MASK)]);
    }

    /** The whole engine, one thread. */
    @Benchmark
    @Threads(1)
    public IngestResult ingest() {
        return engine.ingest(mentions[(int) (sequence.getAndIncrement() & MASK)]);
    }

    /** The whole engine, two threads on the same engine (per-brand locks). */
    @Benchmark
    @Threads(2)
    public IngestResult ingestTwoThreads() {
        return engine.ingest(mentions[(int) (sequence.getAndIncrement() & MASK)]);
    }
}
