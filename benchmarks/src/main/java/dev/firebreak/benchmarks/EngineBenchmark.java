package dev.firebreak.benchmarks;

import dev.firebreak.classify.BuiltInClassifier;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * End-to-end ingest through {@link CrisisEngine} (match, classify, dedup, count the series, close
 * buckets and run the series detectors, link replies and shares, group into incidents, severity,
 * escalation clocks, plans, events to a listener) over 1,000 brands, against a {@code baseline} that
 * only steps through the same inputs and classifies.
 *
 * <h2>The stream</h2>
 * 2^20 mentions pre-generated in {@link #setUp} (seeded), replayed in order and indexed with a mask.
 * Mention {@code i} is stamped {@code i * 20 ms} of data time (50 mentions a second over all brands,
 * so about 15 per brand per 5-minute bucket: buckets close, detectors run and deadlines fire as in a
 * live stream) and the engine's clock reads that data time. Brands are picked with a Zipf-like skew
 * (exponent 0.8: a few big brands, a long tail of small ones). The mix, most of it quiet:
 * <ul>
 *   <li>about 92% quiet traffic: ordinary posts (some with hashtags), 7% of it mildly negative, 1.5%
 *       complaints (each opens or joins an incident), replies and shares of the brand's recent
 *       mentions, reviews with star ratings, the brand's own posts and its replies to complaints
 *       (public responses), copies of recent mentions delivered again with more engagement
 *       (updates) or unchanged (duplicates), one author in 2,000 an influencer;</li>
 *   <li>about 8% storms: 10 brands each go through a 45-minute storm (a hashtag campaign of
 *       complaints, a wave of negative replies to one of the brand's own posts, an influential
 *       complaint shared over and over, redeliveries with growing engagement).</li>
 * </ul>
 * About 10% of mentions carry no brand field and are matched by the brand's handle in the text (or, for
 * the brand's own posts, by the posting account).
 * After 2^20 mentions the inputs wrap around while the clock keeps advancing: the replayed mentions
 * are hours old by then (counted as late arrivals in the open bucket) and outside the one-hour dedup
 * window, so they count as new.
 *
 * <h2>Threads</h2>
 * {@code ingest} runs the stream on one thread. {@code ingestTwoThreads} splits the same stream by
 * brand (mention {@code i} belongs to lane {@code i % 2}; each lane holds 500 brands) and runs one
 * lane per thread on the same engine: each brand sees exactly the same mentions at the same data
 * times as in {@code ingest}. Throughput is reported per benchmark (for two threads, the sum of both);
 * the per-thread figure is half of it. The data-time clock is per thread (a thread-local value), so
 * the harness itself shares nothing between the two threads.
 *
 * <h2>Classifier</h2>
 * {@code classifier=cheap} is a deterministic stand-in (a few {@code indexOf} calls and shared
 * results) so that the figure is the engine's own cost.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    static final int SIZE = 1 << 20;
    static final int MASK = SIZE - 1;
    static final long BASE = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    static final long STEP_MILLIS = 20;
    static final int LANES = 2;
    static final int STORMS = 10;
    static final int STORM_LENGTH = (int) (Duration.ofMinutes(45).toMillis() / STEP_MILLIS);
    static final int AUTHORS = 200_000;

    /** Brands watched. */
    @Param({"1000"})
    public int brands;

    /**
     * The classifier in front of the engine: {@code cheap}, a stand-in that measures the engine alone, or
     * {@code builtin}, the built-in classifier: the whole pipeline a user runs.
     */
    @Param({"cheap", "builtin"})
    public String classifier;

    Mention[] mentions;
    MentionClassifier classify;
    CrisisEngine engine;
    final LongAdder events = new LongAdder();
    final AtomicInteger lanesTaken = new AtomicInteger();

    /** The data time of the mention the calling thread is about to ingest, epoch millis. */
    static final ThreadLocal<long[]> NOW = ThreadLocal.withInitial(() -> new long[] {BASE});

    /** The engine's clock: the calling thread's data time. */
    static final class DataClock extends Clock {
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
            return Instant.ofEpochMilli(NOW.get()[0]);
        }
    }

    /** A cheap deterministic classifier: complaint, safety and negative markers. */
    static final class CheapClassifier implements MentionClassifier {
        private static final Classification NEUTRAL = Classification.neutral(Language.ENGLISH, 0.9);
        private static final Classification NEGATIVE = new Classification(Language.ENGLISH, 0.9, -0.6,
                Polarity.NEGATIVE, 0.3, false, List.of(), List.of());
        private static final Classification COMPLAINT = new Classification(Language.ENGLISH, 0.9, -0.8,
                Polarity.NEGATIVE, 0.9, true, List.of(Category.DELIVERY), List.of());
        private static final Classification SAFETY = new Classification(Language.ENGLISH, 0.9, -0.9,
                Polarity.NEGATIVE, 0.9, true, List.of(Category.SAFETY), List.of());

        @Override
        public Classification classify(Mention m) {
            String t = m.text();
            if (t.indexOf("still not here") >= 0) {
                return COMPLAINT;
            }
            if (t.indexOf("disappointed") >= 0) {
                return NEGATIVE;
            }
            return t.indexOf("made me sick") >= 0 ? SAFETY : NEUTRAL;
        }
    }

    static MentionClassifier classifier(String name) {
        switch (name) {
            case "cheap":
                return new CheapClassifier();
            case "builtin":
                return BuiltInClassifier.create();
            default:
                throw new IllegalArgumentException("unknown classifier '" + name + "'");
        }
    }

    /** One thread's position in the stream: lane {@code lane} of {@code stride}. */
    @State(Scope.Thread)
    public static class Cursor {
        long next;
        int stride;
        int lane;

        @Setup(Level.Trial)
        public void setUp(EngineBenchmark b, BenchmarkParams params) {
            stride = params.getThreads() == 1 ? 1 : LANES;
            if (params.getThreads() > LANES) {
                throw new IllegalStateException("the stream has " + LANES + " lanes");
            }
            lane = stride == 1 ? 0 : b.lanesTaken.getAndIncrement() % LANES;
        }

        /** The next mention of this thread's lane; sets the thread's data time to its time. */
        Mention next(Mention[] mentions) {
            long seq = next++ * stride + lane;
            NOW.get()[0] = BASE + seq * STEP_MILLIS; // the calling thread's slot
            return mentions[(int) (seq & MASK)];
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        classify = classifier(classifier);
        mentions = new StreamGenerator(brands, new Random(42)).generate();
        List<Brand> list = new ArrayList<>(brands);
        for (int b = 0; b < brands; b++) {
            list.add(Brand.builder("brand" + b).handles("brand" + b).ownedAccount(Platform.TWITTER, "brand" + b + "_hq")
                    .ownedAccount(Platform.FACEBOOK, "brand" + b + "_hq").build());
        }
        engine = CrisisEngine.builder()
                .clock(new DataClock())
                .classifier(classify)
                .brands(list)
                .settings(EngineSettings.builder().dedupWindow(Duration.ofHours(1)).build())
                .listener(e -> events.increment())
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println("engine: " + engine.stats() + ", events=" + events.sum());
    }

    /** Steps through the inputs and classifies: the floor every ingest pays. */
    @Benchmark
    @Threads(1)
    public Classification baseline(Cursor c) {
        return classify.classify(c.next(mentions));
    }

    /** The whole engine, one thread over all brands. */
    @Benchmark
    @Threads(1)
    public IngestResult ingest(Cursor c) {
        return engine.ingest(c.next(mentions));
    }

    /** The whole engine, two threads on the same engine, each on its own half of the brands. */
    @Benchmark
    @Threads(2)
    public IngestResult ingestTwoThreads(Cursor c) {
        return engine.ingest(c.next(mentions));
    }

    /** Makes the stream described on the class. */
    static final class StreamGenerator {
        private static final String[] ORDINARY = {"Great coffee at the new place, recommended",
            "Is the shop open on Sunday?", "Just picked up my order, nice packaging #unboxing",
            "Their app update looks clean", "Meeting friends there later", "New season menu is out #foodie",
            "Anyone tried the loyalty card yet?", "Fast delivery this time, thanks"};
        private static final String NEGATIVE = "Honestly disappointed with the service today";
        private static final String REPLY = "same here, no answer from them";
        private static final String SHARE = "RT look at this";

        private final int brands;
        private final Random rnd;
        private final double[][] laneWeights = new double[LANES][];
        private final int[][] laneBrands = new int[LANES][];
        /** Recent mention positions per brand, to reply to, share or deliver again. */
        private final int[][] recent;
        private final int[] recentCount;
        private final int[] lastComplaint;
        private final Mention[] out = new Mention[SIZE];

        StreamGenerator(int brands, Random rnd) {
            this.brands = brands;
            this.rnd = rnd;
            this.recent = new int[brands][16];
            this.recentCount = new int[brands];
            this.lastComplaint = new int[brands];
            Arrays.fill(lastComplaint, -1);
            for (int lane = 0; lane < LANES; lane++) {
                int n = (brands - lane + LANES - 1) / LANES;
                laneBrands[lane] = new int[n];
                laneWeights[lane] = new double[n];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    int b = lane + k * LANES;
                    laneBrands[lane][k] = b;
                    sum += 1 / Math.pow(b + 1, 0.8);
                    laneWeights[lane][k] = sum;
                }
            }
        }

        Mention[] generate() {
            // storm j hits brand stormBrand[j] (lane j % 2) from stormStart[j] on, in its own lane
            int[] stormBrand = new int[STORMS];
            int[] stormStart = new int[STORMS];
            int[] stormCount = new int[STORMS];
            for (int j = 0; j < STORMS; j++) {
                stormBrand[j] = (j % LANES) + LANES * (1 + 7 * j); // a mix of big and small brands
                stormStart[j] = (int) ((long) j * (SIZE - STORM_LENGTH) / STORMS);
            }
            for (int i = 0; i < SIZE; i++) {
                int lane = i % LANES;
                Mention m = null;
                for (int j = 0; j < STORMS && m == null; j++) {
                    if (j % LANES == lane && i >= stormStart[j] && i < stormStart[j] + STORM_LENGTH
                            && stormBrand[j] < brands && rnd.nextInt(100) < 12) {
                        m = storm(i, stormBrand[j], stormCount[j]++, stormStart[j]);
                    }
                }
                out[i] = m != null ? m : quiet(i, pickBrand(lane));
            }
            return out;
        }

        private int pickBrand(int lane) {
            double[] w = laneWeights[lane];
            int k = Arrays.binarySearch(w, rnd.nextDouble() * w[w.length - 1]);
            return laneBrands[lane][Math.min(w.length - 1, k < 0 ? -k - 1 : k)];
        }

        private Instant at(int i) {
            return Instant.ofEpochMilli(BASE + i * STEP_MILLIS - rnd.nextInt(30_000)); // up to 30 s late
        }

        private Author author() {
            long followers = rnd.nextInt(2000) == 0 ? 250_000 : (long) Math.exp(rnd.nextGaussian() * 1.2 + 5);
            int a = rnd.nextInt(AUTHORS);
            return Author.of("a" + a, "user" + a, followers);
        }

        private Mention.Builder base(int i, int brand, Platform platform) {
            Mention.Builder mb = Mention.builder(platform, Integer.toString(i)).author(author()).createdAt(at(i));
            if (rnd.nextInt(10) != 0) {
                mb.brand("brand" + brand);
            }
            return mb;
        }

        private void remember(int brand, int i) {
            recent[brand][recentCount[brand]++ & 15] = i;
        }

        private int recentOf(int brand) {
            int n = Math.min(16, recentCount[brand]);
            return n == 0 ? -1 : recent[brand][rnd.nextInt(n)];
        }

        private Mention quiet(int i, int brand) {
            Platform platform = rnd.nextInt(4) == 0 ? Platform.FACEBOOK : Platform.TWITTER;
            int kind = rnd.nextInt(1000);
            int earlier = recentOf(brand);
            if (kind < 25 && earlier >= 0) { // delivered again: more engagement (update) or unchanged
                Mention e = out[earlier];
                Engagement g = e.engagement();
                return rnd.nextBoolean() ? e : e.toBuilder()
                        .engagement(new Engagement(g.shares() + 1 + rnd.nextInt(5), g.replies(), g.likes() + 3, 0))
                        .build();
            }
            Mention.Builder mb = base(i, brand, platform);
            String handle = " @brand" + brand;
            if (kind < 50 && earlier >= 0) {
                Mention e = out[earlier];
                mb = base(i, brand, e.platform()).kind(MentionKind.REPLY).inReplyTo(e.id()).text(REPLY + handle);
            } else if (kind < 80 && earlier >= 0) {
                Mention e = out[earlier];
                mb = base(i, brand, e.platform()).kind(MentionKind.SHARE).sharedFrom(e.id()).text(SHARE + handle);
            } else if (kind < 90) { // the brand's own post
                mb = Mention.builder(Platform.TWITTER, Integer.toString(i)).createdAt(at(i))
                        .author(Author.of("brand" + brand + "_hq", "brand" + brand + "_hq", 50_000))
                        .text("This week at brand" + brand + ": new opening hours #news");
            } else if (kind < 100 && lastComplaint[brand] >= 0) { // the brand answers a complaint
                Mention c = out[lastComplaint[brand]];
                mb = Mention.builder(c.platform(), Integer.toString(i)).createdAt(at(i)).kind(MentionKind.REPLY)
                        .author(Author.of("brand" + brand + "_hq", "brand" + brand + "_hq", 50_000))
                        .inReplyTo(c.id()).text("Sorry to hear that, we sent you a DM");
                lastComplaint[brand] = -1;
            } else if (kind < 110) { // a review
                int stars = 1 + rnd.nextInt(5);
                mb = base(i, brand, Platform.REVIEWS).rating(stars)
                        .text((stars <= 2 ? "disappointed, would not order again" : stars + " stars, fine") + handle);
            } else if (kind < 125) {
                mb.text("My parcel is still not here after two weeks" + handle);
                lastComplaint[brand] = i;
            } else if (kind < 126) {
                mb.text("The sandwich made me sick" + handle);
            } else if (kind < 200) {
                mb.text(NEGATIVE + handle);
            } else {
                mb.text(ORDINARY[rnd.nextInt(ORDINARY.length)] + handle);
            }
            remember(brand, i);
            return mb.build();
        }

        private Mention storm(int i, int brand, int count, int start) {
            String handle = " @brand" + brand;
            String post = "storm" + start; // the brand's post that started it
            String seed = "seed" + start; // an influential complaint that gets shared
            if (count == 0) {
                return Mention.builder(Platform.TWITTER, post).createdAt(at(i))
                        .author(Author.of("brand" + brand + "_hq", "brand" + brand + "_hq", 50_000))
                        .text("Our new ad is out! #brand" + brand + "ad").build();
            }
            if (count == 1) {
                return Mention.builder(Platform.TWITTER, seed).createdAt(at(i)).brand("brand" + brand)
                        .author(Author.of("critic" + brand, "critic" + brand, 400_000))
                        .text("My parcel is still not here and nobody answers #brand" + brand + "fail" + handle)
                        .build();
            }
            int kind = rnd.nextInt(100);
            int earlier = recentOf(brand);
            if (kind < 12 && earlier >= 0) { // redelivered with growing engagement
                Mention e = out[earlier];
                Engagement g = e.engagement();
                return e.toBuilder().engagement(new Engagement(g.shares() + 10 + rnd.nextInt(40), g.replies() + 5,
                        g.likes() + 50, g.quotes() + 2)).build();
            }
            Mention.Builder mb = base(i, brand, Platform.TWITTER);
            if (kind < 50) {
                mb.text("My parcel is still not here, third time #brand" + brand + "fail" + handle);
            } else if (kind < 75) {
                mb.kind(MentionKind.REPLY).inReplyTo(post).conversationId(post)
                        .text("disappointed, this ad is tone deaf" + handle);
            } else {
                mb.kind(MentionKind.SHARE).sharedFrom(seed).text(SHARE + handle);
            }
            remember(brand, i);
            return mb.build();
        }
    }
}
