package dev.firebreak.streams;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.EngineSettings;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.plan.Playbook;
import dev.firebreak.streams.internal.EngineProcessor;
import dev.firebreak.streams.internal.EngineSetup;
import dev.firebreak.streams.internal.LenientTimestamps;
import dev.firebreak.streams.internal.Out;
import dev.firebreak.streams.internal.RouteProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The crisis engine as a Kafka Streams topology: the engine of each brand runs on keyed, changelogged state
 * stores, so brands spread over as many instances as the repartition topic has partitions, and a failed
 * instance's brands move to another one and go on with nothing lost or doubled.
 *
 * <pre>{@code
 * StreamsSettings settings = StreamsSettings.defaults();
 * Topology topology = FirebreakTopology.builder()
 *         .settings(settings)
 *         .classifier(classifier)
 *         .brand(Brand.builder("kestrel").handles("kestrelcoffee").keywords("kestrel coffee").build())
 *         .build();
 * KafkaStreams streams = new KafkaStreams(topology, settings.properties("firebreak", "kafka:9092"));
 * streams.start();
 * }</pre>
 *
 * <h2>The topology</h2>
 * <ol>
 *   <li>{@code firebreak-route} reads {@link StreamsSettings#mentionsTopic()} (and the actions topic) as bytes,
 *       reads each mention, matches it to the watched brands ({@link dev.firebreak.engine.BrandMatching}),
 *       classifies it once and writes one record per brand, keyed by brand, timed by its {@code createdAt}, to
 *       the repartition topic {@code <application.id>-firebreak-by-brand-repartition}. Stateless: it scales
 *       with the input topic's partitions.</li>
 *   <li>{@code firebreak-engine} runs each brand's {@link dev.firebreak.engine.CrisisEngine} on three stores,
 *       {@value #HEADS_STORE}, {@value #CHANGES_STORE} and {@value #SNAPSHOTS_STORE} (see the package
 *       documentation for their layout and why), and writes alerts, incident summaries, escalation events and
 *       dead letters.</li>
 * </ol>
 * Output records are JSON in UTF-8; their formats are in the package documentation.
 */
public final class FirebreakTopology {

    /** The store of each brand's head (sequence numbers, snapshot, last tick) and the task's engine time. */
    public static final String HEADS_STORE = "firebreak-heads";
    /** The store of each brand's changes since its snapshot. */
    public static final String CHANGES_STORE = "firebreak-changes";
    /** The store of each brand's snapshot, in chunks. */
    public static final String SNAPSHOTS_STORE = "firebreak-snapshots";
    /** The name of the repartition by brand; the topic is {@code <application.id>-firebreak-by-brand-repartition}. */
    public static final String REPARTITION = "firebreak-by-brand";

    private FirebreakTopology() {
    }

    /** A builder; a classifier and at least one brand are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds the {@link Topology}. */
    public static final class Builder {
        private StreamsSettings settings = StreamsSettings.defaults();
        private MentionClassifier classifier;
        private final Map<String, Brand> brands = new LinkedHashMap<>();
        private EngineSettings engineSettings = EngineSettings.defaults();
        private DetectionSettings detection = DetectionSettings.defaults();
        private SeverityPolicy severity = SeverityPolicy.defaults();
        private EscalationPolicy escalation = EscalationPolicy.defaults();
        private Playbook playbook = Playbook.defaults();

        private Builder() {
        }

        /** Topics, stores, time and guarantee; default {@link StreamsSettings#defaults()}. */
        public Builder settings(StreamsSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The classifier (required). It runs in the first stage, on every stream thread of every instance at
         * once: it must be thread-safe and deterministic enough that two instances agree.
         */
        public Builder classifier(MentionClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** A brand to watch; names must be unique. Every instance of a deployment must watch the same brands. */
        public Builder brand(Brand brand) {
            Objects.requireNonNull(brand, "brand");
            if (brands.putIfAbsent(brand.name(), brand) != null) {
                throw new IllegalArgumentException("brand '" + brand.name() + "' is already watched");
            }
            return this;
        }

        /** Brands to watch. */
        public Builder brands(List<Brand> brands) {
            for (Brand b : brands) {
                brand(b);
            }
            return this;
        }

        /** The engine's dedup memory, grouping, merging and closing ({@code CrisisEngine.Builder#settings}). */
        public Builder engineSettings(EngineSettings settings) {
            this.engineSettings = Objects.requireNonNull(settings, "engineSettings");
            return this;
        }

        /** Detection signals and thresholds. */
        public Builder detection(DetectionSettings detection) {
            this.detection = Objects.requireNonNull(detection, "detection");
            return this;
        }

        /** The problem-or-crisis rules. */
        public Builder severityPolicy(SeverityPolicy policy) {
            this.severity = Objects.requireNonNull(policy, "severityPolicy");
            return this;
        }

        /** The escalation ladder and deadlines. */
        public Builder escalationPolicy(EscalationPolicy policy) {
            this.escalation = Objects.requireNonNull(policy, "escalationPolicy");
            return this;
        }

        /** The response playbook. */
        public Builder playbook(Playbook playbook) {
            this.playbook = Objects.requireNonNull(playbook, "playbook");
            return this;
        }

        /**
         * The topology. Re-applying a brand's stored changes uses the configuration of the instance that
         * rebuilds it: change brands, settings or policies with care (see the package documentation).
         *
         * @throws IllegalStateException without a classifier or a brand
         */
        public Topology build() {
            if (classifier == null) {
                throw new IllegalStateException("a classifier is required: builder().classifier(...)");
            }
            if (brands.isEmpty()) {
                throw new IllegalStateException("at least one brand is required: builder().brand(...)");
            }
            EngineSetup setup = new EngineSetup(classifier, new ArrayList<>(brands.values()), engineSettings,
                    detection, severity, escalation, playbook, settings);
            return topology(setup, settings);
        }
    }

    private static Topology topology(EngineSetup setup, StreamsSettings s) {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(store(s, HEADS_STORE, true));
        b.addStateStore(store(s, CHANGES_STORE, true));
        b.addStateStore(store(s, SNAPSHOTS_STORE, false));

        List<String> inputs = new ArrayList<>();
        inputs.add(s.mentionsTopic());
        s.actionsTopic().ifPresent(inputs::add);
        KStream<byte[], byte[]> in = b.stream(inputs, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withTimestampExtractor(new LenientTimestamps()).withName("firebreak-read"));
        KStream<String, Out> routed = in.process(() -> new RouteProcessor(setup), Named.as("firebreak-route"));

        BranchedKStream<String, Out> first = routed.split(Named.as("firebreak-route-"));
        first = first.branch((k, v) -> v.kind() == Out.Kind.DEAD_LETTER,
                Branched.withConsumer(ks -> write(ks, s.deadLetterTopic(), "firebreak-route-dead-letters"), "dead"));
        if (s.unmatchedTopic().isPresent()) {
            first = first.branch((k, v) -> v.kind() == Out.Kind.UNMATCHED,
                    Branched.withConsumer(ks -> write(ks, s.unmatchedTopic().get(), "firebreak-route-unmatched"),
                            "unmatched"));
        }
        first.defaultBranch(Branched.withConsumer(ks -> engine(ks, setup, s), "brand"));
        return b.build();
    }

    private static void engine(KStream<String, Out> toBrands, EngineSetup setup, StreamsSettings s) {
        Repartitioned<String, byte[]> by = Repartitioned.<String, byte[]>as(REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray());
        if (s.partitions().isPresent()) {
            by = by.withNumberOfPartitions(s.partitions().get());
        }
        KStream<String, Out> out = toBrands.mapValues(Out::value, Named.as("firebreak-route-value"))
                .repartition(by)
                .process(() -> new EngineProcessor(setup, HEADS_STORE, CHANGES_STORE, SNAPSHOTS_STORE),
                        Named.as("firebreak-engine"), HEADS_STORE, CHANGES_STORE, SNAPSHOTS_STORE);
        BranchedKStream<String, Out> split = out.split(Named.as("firebreak-engine-"));
        split = split.branch((k, v) -> v.kind() == Out.Kind.ALERT,
                Branched.withConsumer(ks -> write(ks, s.alertsTopic(), "firebreak-alerts"), "alerts"));
        split = split.branch((k, v) -> v.kind() == Out.Kind.INCIDENT,
                Branched.withConsumer(ks -> write(ks, s.incidentsTopic(), "firebreak-incidents"), "incidents"));
        split = split.branch((k, v) -> v.kind() == Out.Kind.ESCALATION,
                Branched.withConsumer(ks -> write(ks, s.escalationsTopic(), "firebreak-escalations"), "escalations"));
        if (s.eventsTopic().isPresent()) {
            split = split.branch((k, v) -> v.kind() == Out.Kind.EVENT,
                    Branched.withConsumer(ks -> write(ks, s.eventsTopic().get(), "firebreak-events"), "events"));
        }
        if (s.unmatchedTopic().isPresent()) {
            split = split.branch((k, v) -> v.kind() == Out.Kind.UNMATCHED,
                    Branched.withConsumer(ks -> write(ks, s.unmatchedTopic().get(), "firebreak-engine-unmatched"),
                            "unmatched"));
        }
        split.branch((k, v) -> v.kind() == Out.Kind.DEAD_LETTER,
                Branched.withConsumer(ks -> write(ks, s.deadLetterTopic(), "firebreak-engine-dead-letters"), "dead"));
    }

    private static void write(KStream<String, Out> ks, String topic, String name) {
        ks.mapValues(Out::value, Named.as(name + "-value"))
                .to(topic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name));
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> store(StreamsSettings s, String name, boolean cached) {
        KeyValueBytesStoreSupplier supplier = s.storeType() == StreamsSettings.StoreType.IN_MEMORY
                ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
        StoreBuilder<KeyValueStore<String, byte[]>> b = Stores.keyValueStoreBuilder(supplier, Serdes.String(),
                Serdes.ByteArray());
        // the changelog is compacted by default: it keeps the last value of every key, and a delete removes it
        return cached ? b.withCachingEnabled() : b.withCachingDisabled();
    }
}
