package dev.firebreak.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} around a Firebreak topology, with its topics at hand. */
final class Harness implements AutoCloseable {

    static final String APP = "firebreak-test";

    final TopologyTestDriver driver;
    final StreamsSettings settings;
    private final TestInputTopic<byte[], byte[]> mentions;
    private final TestInputTopic<byte[], byte[]> actions;
    private final TestOutputTopic<String, String> alerts;
    private final TestOutputTopic<String, String> incidents;
    private final TestOutputTopic<String, String> escalations;
    private final TestOutputTopic<String, String> deadLetters;
    private final TestOutputTopic<String, String> events;
    private final TestOutputTopic<String, String> unmatched;

    /** Everything written to the output topics so far, in order per topic. */
    final List<KeyValue<String, String>> alertsOut = new ArrayList<>();
    final List<KeyValue<String, String>> incidentsOut = new ArrayList<>();
    final List<KeyValue<String, String>> escalationsOut = new ArrayList<>();
    final List<KeyValue<String, String>> deadLettersOut = new ArrayList<>();
    final List<KeyValue<String, String>> eventsOut = new ArrayList<>();
    final List<KeyValue<String, String>> unmatchedOut = new ArrayList<>();

    Harness(Topology topology, StreamsSettings settings, Path stateDir, Instant wallClock) {
        this.settings = settings;
        Properties p = settings.properties(APP, "localhost:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(topology, p, wallClock);
        ByteArraySerializer bytes = new ByteArraySerializer();
        mentions = driver.createInputTopic(settings.mentionsTopic(), bytes, bytes);
        actions = settings.actionsTopic().map(t -> driver.createInputTopic(t, bytes, bytes)).orElse(null);
        StringDeserializer s = new StringDeserializer();
        alerts = driver.createOutputTopic(settings.alertsTopic(), s, s);
        incidents = driver.createOutputTopic(settings.incidentsTopic(), s, s);
        escalations = driver.createOutputTopic(settings.escalationsTopic(), s, s);
        deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), s, s);
        events = settings.eventsTopic().map(t -> driver.createOutputTopic(t, s, s)).orElse(null);
        unmatched = settings.unmatchedTopic().map(t -> driver.createOutputTopic(t, s, s)).orElse(null);
    }

    void mention(String json, long timestamp) {
        mentions.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8), null, timestamp));
        drain();
    }

    void rawMention(byte[] key, byte[] value, long timestamp) {
        mentions.pipeInput(new TestRecord<>(key, value, null, timestamp));
        drain();
    }

    void action(String json, long timestamp) {
        actions.pipeInput(new TestRecord<>(null, json.getBytes(StandardCharsets.UTF_8), null, timestamp));
        drain();
    }

    /** Pipes a record straight into the repartition topic, as a corrupted or foreign record would arrive. */
    void repartitioned(String brand, byte[] value, long timestamp) {
        TestInputTopic<String, byte[]> t = driver.createInputTopic(
                APP + "-" + FirebreakTopology.REPARTITION + "-repartition", new StringSerializer(),
                new ByteArraySerializer());
        t.pipeInput(new TestRecord<>(brand, value, null, timestamp));
        drain();
    }

    void advanceWallClock(java.time.Duration d) {
        driver.advanceWallClockTime(d);
        drain();
    }

    void drain() {
        alertsOut.addAll(alerts.readKeyValuesToList());
        incidentsOut.addAll(incidents.readKeyValuesToList());
        escalationsOut.addAll(escalations.readKeyValuesToList());
        deadLettersOut.addAll(deadLetters.readKeyValuesToList());
        if (events != null) {
            eventsOut.addAll(events.readKeyValuesToList());
        }
        if (unmatched != null) {
            unmatchedOut.addAll(unmatched.readKeyValuesToList());
        }
    }

    KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Everything written to a store's changelog so far (a null value deletes its key), in order. */
    List<KeyValue<String, byte[]>> changelog(String store) {
        TestOutputTopic<String, byte[]> t = driver.createOutputTopic(APP + "-" + store + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer());
        return t.readKeyValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
