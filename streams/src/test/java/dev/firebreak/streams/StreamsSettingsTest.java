package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.engine.Brand;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StreamsSettingsTest {

    @Test
    void defaultsAreExactlyOnceOnRocksDbWithTheDocumentedTopics() {
        StreamsSettings s = StreamsSettings.defaults();
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, s.processingGuarantee());
        assertEquals(StreamsSettings.StoreType.ROCKS_DB, s.storeType());
        assertEquals("firebreak-mentions", s.mentionsTopic());
        assertEquals(Optional.of("firebreak-actions"), s.actionsTopic());
        assertEquals("firebreak-alerts", s.alertsTopic());
        assertEquals("firebreak-incidents", s.incidentsTopic());
        assertEquals("firebreak-escalations", s.escalationsTopic());
        assertEquals("firebreak-dead-letters", s.deadLetterTopic());
        assertEquals(Duration.ofMinutes(1), s.tickInterval());
        assertEquals(s, s.toBuilder().build());
        Properties p = s.properties("firebreak-prod", "kafka-1:9092,kafka-2:9092");
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("firebreak-prod", p.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("kafka-1:9092,kafka-2:9092", p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    private static void refused(String field, Executable setter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, setter);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndTheRange() {
        StreamsSettings.Builder b = StreamsSettings.builder();
        refused("mentionsTopic", () -> b.mentionsTopic("has space"));
        refused("alertsTopic", () -> b.alertsTopic(""));
        refused("partitions", () -> b.partitions(0));
        refused("tickInterval", () -> b.tickInterval(Duration.ofMillis(10)));
        refused("tickInterval", () -> b.tickInterval(Duration.ofHours(2)));
        refused("idleAdvance", () -> b.idleAdvance(Duration.ZERO));
        refused("maxFutureSkew", () -> b.maxFutureSkew(Duration.ofSeconds(-1)));
        refused("snapshotEveryChanges", () -> b.snapshotEveryChanges(0));
        refused("snapshotChunkBytes", () -> b.snapshotChunkBytes(10));
        refused("processingGuarantee", () -> b.processingGuarantee("exactly_once"));
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
                () -> StreamsSettings.builder().alertsTopic("firebreak-mentions").build());
        assertTrue(loop.getMessage().contains("also an input topic"), loop.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StreamsSettings.builder().actionsTopic("firebreak-mentions").build());
        assertThrows(IllegalArgumentException.class, () -> StreamsSettings.defaults().properties(" ", "k:9092"));
    }

    @Test
    void theTopologyReadsAndWritesTheConfiguredTopicsThroughOneRepartitionByBrand() {
        StreamsSettings s = StreamsSettings.builder().mentionsTopic("in").noActions().alertsTopic("a")
                .incidentsTopic("i").escalationsTopic("e").deadLetterTopic("d").partitions(12).build();
        TopologyDescription d = FirebreakTopology.builder().settings(s).classifier(new TestClassifier())
                .brand(Brand.builder("kestrel").build()).build().describe();
        String text = d.toString();
        assertEquals(2, d.subtopologies().size(), text);
        for (String t : new String[] {"topics: [in]", "topic: a)", "topic: i)", "topic: e)", "topic: d)",
            "firebreak-by-brand-repartition", FirebreakTopology.HEADS_STORE, FirebreakTopology.CHANGES_STORE,
            FirebreakTopology.SNAPSHOTS_STORE}) {
            assertTrue(text.contains(t), t + " in " + text);
        }
        assertThrows(IllegalStateException.class, () -> FirebreakTopology.builder().brand(Brand.builder("x").build())
                .build());
        assertThrows(IllegalStateException.class, () -> FirebreakTopology.builder().classifier(new TestClassifier())
                .build());
        assertThrows(IllegalArgumentException.class, () -> FirebreakTopology.builder()
                .brand(Brand.builder("x").build()).brand(Brand.builder("X").build()));
    }
}
