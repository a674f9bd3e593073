package dev.firebreak.benchmarks;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.EngineSettings;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.Playbook;
import dev.firebreak.streams.FirebreakTopology;
import dev.firebreak.streams.StreamsSettings;
import dev.firebreak.streams.internal.EngineProcessor;
import dev.firebreak.streams.internal.EngineSetup;
import dev.firebreak.streams.internal.Out;
import dev.firebreak.streams.internal.RouteProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
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
 * Mentions per second through the Kafka Streams topology in the test driver (no broker), against the single-JVM
 * engine on the same mentions with the same classifier, and a {@code baseline} that only classifies.
 *
 * <ul>
 *   <li>{@code engine}: {@link CrisisEngine#ingest} of the mention, one thread, ticked every minute of data time
 *       (all brands), as the topology ticks.</li>
 *   <li>{@code topology-memory}: the mention's JSON piped into {@link TopologyTestDriver}: read, match,
 *       classify, encode to the repartition topic, decode, the brand's engine, its changes in the in-memory state
 *       stores (and their changelogs), ticks, snapshots, output JSON, exactly-once v2.</li>
 *   <li>{@code processors}: the topology's two processors called directly (no test driver, no commits, no
 *       changelogs), on in-memory stores, with the stream-time punctuation every minute of data time: the
 *       topology's own cost per mention (read, match, classify, encode, route, decode, engine, stores, output
 *       JSON).</li>
 *   <li>{@code driver-floor}: the same JSON through a topology of the same shape that does nothing (read bytes,
 *       key, repartition, write): what the test driver itself costs per record (it commits a transaction after
 *       every record).</li>
 *   <li>{@code topology-rocksdb}: the same on RocksDB. The test driver commits after every record, and a commit
 *       flushes RocksDB, so this measures a flush per record, which a real deployment pays once per commit
 *       interval (100 ms under exactly-once): read it as a floor, not as the deployment's figure.</li>
 * </ul>
 *
 * Inputs: 2^18 pre-generated mentions over {@code brands} brands (85% ordinary posts, 10% complaints, 3%
 * replies, 2% shares, some influencers), 20 ms of data time apart, as JSON for the topology and as {@link Mention}s
 * for the engine. Report figures as ratios to {@code baseline} from the same run: the machine is shared.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StreamsBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamsBenchmark {

    private static final int SIZE = 1 << 18;
    private static final int MASK = SIZE - 1;
    private static final long BASE = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long STEP_MILLIS = 20;
    private static final long MINUTE = 60_000;

    /** What runs the mentions. */
    @Param({"engine", "processors", "driver-floor", "topology-memory", "topology-rocksdb"})
    public String impl;

    /** Brands watched. */
    @Param({"100"})
    public int brands;

    private Mention[] mentions;
    private byte[][] json;
    private MentionClassifier classifier;
    private long sequence;

    private CrisisEngine engine;
    private final DataClock clock = new DataClock();
    private long ticked;

    private MockProcessorContext<String, Out> routeContext;
    private MockProcessorContext<String, Out> engineContext;
    private RouteProcessor route;
    private EngineProcessor engineProcessor;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private final List<TestOutputTopic<String, String>> outputs = new ArrayList<>();
    private Path stateDir;

    /** The engine's clock, moved with the data. */
    private static final class DataClock extends Clock {
        Instant now = Instant.ofEpochMilli(BASE);

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
            return now;
        }
    }

    /** A cheap deterministic classifier, so that the figures are the engine's and the topology's own cost. */
    static final class MarkerClassifier implements MentionClassifier {
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
    public void setUp() throws IOException {
        Random rnd = new Random(42);
        List<Brand> list = new ArrayList<>(brands);
        for (int b = 0; b < brands; b++) {
            list.add(Brand.builder("brand" + b).handles("brand" + b).ownedAccount(Platform.TWITTER, "brand" + b + "_hq")
                    .build());
        }
        String[] ordinary = {"Great coffee at the new place, recommended", "Is the shop open on Sunday?",
                "Just picked up my order, nice packaging #unboxing", "Their app update looks clean",
                "Meeting friends there later"};
        mentions = new Mention[SIZE];
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
                        .text("RT look at this");
            }
            mentions[i] = mb.build();
        }
        classifier = new MarkerClassifier();
        EngineSettings settings = EngineSettings.builder().dedupWindow(Duration.ofHours(1)).dedupCapacity(500).build();
        if (impl.equals("engine")) {
            engine = CrisisEngine.builder().clock(clock).classifier(classifier).brands(list).settings(settings).build();
            ticked = BASE;
            return;
        }
        FirebreakJson codec = FirebreakJson.create();
        json = new byte[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            json[i] = codec.writeMention(mentions[i]).getBytes(StandardCharsets.UTF_8);
        }
        StreamsSettings s = StreamsSettings.builder().noIdleAdvance().snapshotEveryChanges(2_000)
                .storeType(impl.equals("topology-rocksdb") ? StreamsSettings.StoreType.ROCKS_DB
                        : StreamsSettings.StoreType.IN_MEMORY).build();
        stateDir = Files.createTempDirectory("firebreak-streams-bench");
        Properties p = s.properties("firebreak-bench", "localhost:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (impl.equals("processors")) {
            EngineSetup setup = new EngineSetup(classifier, list, settings, DetectionSettings.defaults(),
                    SeverityPolicy.defaults(), EscalationPolicy.defaults(), Playbook.defaults(), s);
            routeContext = new MockProcessorContext<>();
            routeContext.setCurrentSystemTimeMs(0);
            route = new RouteProcessor(setup);
            route.init(routeContext);
            engineContext = new MockProcessorContext<>();
            engineContext.setCurrentSystemTimeMs(0);
            for (String name : List.of(FirebreakTopology.HEADS_STORE, FirebreakTopology.CHANGES_STORE,
                    FirebreakTopology.SNAPSHOTS_STORE)) {
                KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
                store.init(engineContext.getStateStoreContext(), store);
                engineContext.addStateStore(store);
            }
            engineProcessor = new EngineProcessor(setup, FirebreakTopology.HEADS_STORE,
                    FirebreakTopology.CHANGES_STORE, FirebreakTopology.SNAPSHOTS_STORE);
            engineProcessor.init(engineContext);
            ticked = BASE;
            return;
        }
        Topology topology;
        if (impl.equals("driver-floor")) {
            StreamsBuilder b = new StreamsBuilder();
            b.stream(s.mentionsTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                    .map((k, v) -> KeyValue.pair("brand" + (v.length % brands), v))
                    .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()))
                    .to(s.alertsTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()));
            topology = b.build();
        } else {
            topology = FirebreakTopology.builder().settings(s).classifier(classifier).brands(list)
                    .engineSettings(settings).build();
        }
        driver = new TopologyTestDriver(topology, p);
        input = driver.createInputTopic(s.mentionsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        StringDeserializer d = new StringDeserializer();
        for (String t : List.of(s.alertsTopic(), s.incidentsTopic(), s.escalationsTopic(), s.deadLetterTopic())) {
            outputs.add(driver.createOutputTopic(t, d, d));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (driver != null) {
            driver.close();
            if (sequence > SIZE) {
                System.err.println("StreamsBenchmark: the inputs wrapped around (" + sequence + " > " + SIZE
                        + "): later mentions were dated in the past");
            }
        }
        if (stateDir != null) {
            try (Stream<Path> w = Files.walk(stateDir)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Classification only: the floor every mention pays on either path. */
    @Benchmark
    public Classification baseline() {
        return classifier.classify(mentions[(int) (sequence++ & MASK)]);
    }

    /** One mention through the engine or through the topology. */
    @Benchmark
    public Object ingest() {
        int i = (int) (sequence++ & MASK);
        if (engine != null) {
            long t = Math.max(clock.now.toEpochMilli(), mentions[i].createdAt().toEpochMilli());
            for (long b = ticked + MINUTE; b <= t; b += MINUTE) {
                clock.now = Instant.ofEpochMilli(b);
                engine.tick(clock.now);
                ticked = b;
            }
            clock.now = Instant.ofEpochMilli(t);
            return engine.ingest(mentions[i]);
        }
        long ts = BASE + i * STEP_MILLIS;
        if (route != null) {
            routeContext.setRecordMetadata("firebreak-mentions", 0, sequence);
            route.process(new Record<>(null, json[i], ts));
            for (MockProcessorContext.CapturedForward<? extends String, ? extends Out> f : routeContext.forwarded()) {
                engineProcessor.process(new Record<>(f.record().key(), f.record().value().value(),
                        f.record().timestamp()));
            }
            routeContext.resetForwards();
            if (ts - ticked >= MINUTE) {
                ticked = ts;
                engineContext.scheduledPunctuators().get(0).getPunctuator().punctuate(ts);
            }
            int n = engineContext.forwarded().size();
            engineContext.resetForwards();
            return n;
        }
        input.pipeInput(new TestRecord<>(null, json[i], null, ts));
        if ((sequence & 1023) == 0) {
            int n = 0;
            for (TestOutputTopic<String, String> o : outputs) {
                n += o.readValuesToList().size(); // the driver keeps what is not read
            }
            return n;
        }
        return input;
    }
}
