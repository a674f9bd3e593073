package dev.firebreak.examples;

import dev.firebreak.classify.BuiltInClassifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.escalation.EscalationRecord;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.streams.StreamsSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka Streams example: its command line, and the demo stream through its topology (no broker needed). */
class KafkaStreamsAppTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws InterruptedException {
        return KafkaStreamsApp.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badUsageExitsWith2AndSaysWhat() throws InterruptedException {
        assertEquals(2, run(Map.of(), "--brand", "kestrel"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bootstrap-servers (or FIREBREAK_BOOTSTRAP_SERVERS) "
                + "is required"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run(Map.of(KafkaStreamsApp.ENV_BOOTSTRAP, "k:9092"), "--brand", "kestrel", "--threads", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads must be in [1, 64], got 0"));
        err.reset();
        assertEquals(2, run(Map.of(KafkaStreamsApp.ENV_BOOTSTRAP, "k:9092"), "--brand", "Kestrel Coffee!"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("brand name must be"));
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: KafkaStreamsApp"));
    }

    @Test
    void aClusterThatCannotBeReachedIsReportedWithExitCode1() throws InterruptedException {
        long t0 = System.nanoTime();
        assertEquals(1, run(Map.of(), "--bootstrap-servers", "127.0.0.1:1", "--brand", "kestrel", "--timeout", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot list the topics of 127.0.0.1:1 within 1 s"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos(), "gives up on time");
    }

    /** A clock the reference engine moves with the data, as the topology's engine time does. */
    private static final class DataClock extends Clock {
        Instant now = Instant.EPOCH;

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

    @Test
    void anUnknownOptionIsNamedAsUnknownEvenAsTheLastArgument() {
        Map<String, String> env = Map.of(KafkaStreamsApp.ENV_BOOTSTRAP, "unused:9092");
        for (String[] args : List.of(new String[] {"--brand", "kestrel", "--bogus"},
                new String[] {"--bogus", "x", "--brand", "kestrel"})) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> KafkaStreamsApp.parse(args, env));
            assertEquals("unknown option --bogus", e.getMessage());
        }
        IllegalArgumentException noValue = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> KafkaStreamsApp.parse(new String[] {"--brand"}, env));
        assertEquals("--brand needs a value", noValue.getMessage());
    }

    @Test
    void theDemoStreamThroughTheTopologyTellsTheDemosStoryAsTheSingleJvmEngineDoes() throws Exception {
        KafkaStreamsApp.Options o = KafkaStreamsApp.parse(new String[] {"--brand", "kestrel", "--replay"},
                Map.of(KafkaStreamsApp.ENV_BOOTSTRAP, "unused:9092"));
        StreamsSettings settings = KafkaStreamsApp.settings(o).toBuilder()
                .storeType(StreamsSettings.StoreType.IN_MEMORY).build(); // the driver flushes RocksDB on every record
        FirebreakJson json = FirebreakJson.create();
        List<Mention> mentions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("data/demo-stream.jsonl"), StandardCharsets.UTF_8)) {
            mentions.add(json.readMention(line));
        }
        mentions.sort(Comparator.comparing(Mention::createdAt));

        // the single-JVM engine, ticked every minute of data time before each mention, as the topology ticks
        DataClock clock = new DataClock();
        CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(BuiltInClassifier.create())
                .brands(o.brands()).build();
        long ticked = Long.MIN_VALUE;
        for (Mention m : mentions) {
            long now = Math.max(clock.now.toEpochMilli(), m.createdAt().toEpochMilli());
            long last = Math.floorDiv(now, 60_000) * 60_000;
            for (long b = ticked == Long.MIN_VALUE ? last + 60_000 : ticked + 60_000; b <= last; b += 60_000) {
                clock.now = Instant.ofEpochMilli(b);
                engine.tick(clock.now);
            }
            ticked = last;
            clock.now = Instant.ofEpochMilli(now);
            engine.ingest(m);
        }
        Map<String, IncidentDetails> expected = new TreeMap<>();
        engine.allDetails().forEach(d -> expected.put(d.incident().id().value(), d));

        Properties props = KafkaStreamsApp.properties(o, settings);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        Map<String, JsonNode> latest = new TreeMap<>();
        List<KeyValue<String, String>> escalations;
        try (TopologyTestDriver driver = new TopologyTestDriver(KafkaStreamsApp.topology(settings, o.brands()), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(settings.mentionsTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            for (Mention m : mentions) {
                in.pipeInput(new TestRecord<>(null, json.writeMention(m).getBytes(StandardCharsets.UTF_8), null,
                        m.createdAt().toEpochMilli()));
            }
            StringDeserializer s = new StringDeserializer();
            for (KeyValue<String, String> kv : driver.createOutputTopic(settings.incidentsTopic(), s, s)
                    .readKeyValuesToList()) {
                latest.put(kv.key, json.parseObject(kv.value));
            }
            escalations = driver.createOutputTopic(settings.escalationsTopic(), s, s).readKeyValuesToList();
            assertTrue(driver.createOutputTopic(settings.deadLetterTopic(), s, s).readKeyValuesToList().isEmpty());
        }

        latest.values().removeIf(n -> n.has("mergedInto"));
        assertEquals(expected.keySet(), latest.keySet(), "the same incidents");
        for (IncidentDetails d : expected.values()) {
            JsonNode n = latest.get(d.incident().id().value());
            String id = d.incident().id().value();
            assertEquals(d.incident().topic().toString(), n.get("topic").asText(), id);
            assertEquals(d.highestSeverity().jsonName(), n.get("highestSeverity").asText(), id);
            assertEquals(d.everCrisis(), n.get("everCrisis").asBoolean(), id);
            assertEquals(d.escalation().level(), n.get("escalation").get("level").asInt(), id);
            List<String> levels = new ArrayList<>();
            for (EscalationRecord r : d.escalation().history()) {
                levels.add(r.level() + " " + r.role().name() + " " + r.reason().jsonName() + " " + r.at());
            }
            List<String> streamed = new ArrayList<>();
            n.get("escalation").get("history").forEach(h -> streamed.add(h.get("level").asInt() + " "
                    + h.get("role").asText() + " " + h.get("reason").asText() + " " + h.get("at").asText()));
            assertEquals(levels, streamed, id + ": the escalation history");
        }
        // the demo's story: a problem answered in time, a crisis taken to the executive, an own post's backlash
        assertTrue(expected.values().stream().anyMatch(d -> !d.everCrisis() && d.escalation().level() == 1),
                "a problem that stays at customer service");
        assertTrue(expected.values().stream().anyMatch(d -> d.everCrisis() && d.escalation().level() == 4),
                "a crisis escalated to the executive");
        assertTrue(expected.values().stream().anyMatch(d -> d.incident().topic().toString().startsWith("own_post")),
                "an incident about the brand's own post");
        assertTrue(escalations.stream().anyMatch(kv -> kv.value.contains("\"type\":\"deadline_missed\"")),
                "a missed deadline on the escalations topic");
    }
}
