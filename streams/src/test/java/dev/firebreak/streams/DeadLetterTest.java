package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.json.FirebreakJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad records go to the dead-letter topic with the reason and the raw value, and the stream goes on. */
class DeadLetterTest {

    private static final FirebreakJson JSON = FirebreakJson.create();
    private static final long T = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    private Harness h;
    private int n;

    @BeforeEach
    void setUp() {
        StreamsSettings s = TopologyEquivalenceTest.settings().toBuilder().deadLetterMaxValueBytes(1_000).build();
        h = new Harness(TopologyEquivalenceTest.topology(s, Scenario.brands()), s, dir, Instant.ofEpochMilli(T));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        h.close();
    }

    private String complaint(String brand) {
        n++;
        return "{\"id\":\"c" + n + "\",\"platform\":\"twitter\",\"text\":\"order late ~neg ~complaint ~cat:delivery\","
                + "\"createdAt\":\"" + Instant.ofEpochMilli(T + n * 1000L) + "\",\"brand\":\"" + brand
                + "\",\"author\":{\"id\":\"u" + n + "\",\"handle\":\"user" + n + "\",\"followers\":10}}";
    }

    private ObjectNode lastDeadLetter() {
        assertFalse(h.deadLettersOut.isEmpty(), "a dead letter");
        return JSON.parseObject(h.deadLettersOut.get(h.deadLettersOut.size() - 1).value);
    }

    private void assertGoesOn(String brand) {
        long before = Runs.storedMentions(h, brand);
        h.mention(complaint(brand), T + n * 1000L);
        assertEquals(before + 1, Runs.storedMentions(h, brand), "the stream goes on: the brand takes a good mention");
    }

    @Test
    void unreadableMentionsBecomeDeadLettersWithTheReasonAndTheRawValue() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"id\": \"1\", \"platform\": \"twitter\", \"text\": ", "not valid JSON");
        bad.put("[1, 2, 3]", "expected a JSON object");
        bad.put("{\"id\": \"1\", \"platform\": \"twitter\"}", "'text'");
        bad.put("{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"hi\", \"createdAt\": \"yesterday\"}",
                "createdAt");
        bad.put("{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"hi\", \"author\": {\"followers\": \"many\"}}",
                "followers");
        bad.put("{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"hi\", \"rating\": 7}", "rating");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            int before = h.deadLettersOut.size();
            h.mention(b.getKey(), T);
            assertEquals(before + 1, h.deadLettersOut.size(), b.getKey());
            ObjectNode d = lastDeadLetter();
            assertEquals("read", d.get("stage").asText());
            assertTrue(d.get("reason").asText().contains(b.getValue()), d.get("reason").asText());
            assertEquals(b.getKey(), d.get("value").asText(), "the raw value");
            assertEquals("firebreak-mentions", d.get("source").get("topic").asText());
            assertEquals(before, d.get("source").get("offset").asInt(), "the record's offset");
        }
        assertGoesOn("kestrel");
    }

    @Test
    void bytesThatAreNotUtf8AndTombstonesAndHugeValuesAreKeptAsTheyCame() {
        byte[] latin1 = "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] key = {(byte) 0xff, 0, 1};
        h.rawMention(key, latin1, T);
        ObjectNode d = lastDeadLetter();
        assertTrue(d.get("reason").asText().contains("not UTF-8"), d.get("reason").asText());
        assertEquals(Base64.getEncoder().encodeToString(latin1), d.get("valueBase64").asText());
        assertEquals(Base64.getEncoder().encodeToString(key), d.get("keyBase64").asText());

        h.rawMention("k".getBytes(StandardCharsets.UTF_8), null, T);
        d = lastDeadLetter();
        assertTrue(d.get("reason").asText().contains("tombstone"), d.get("reason").asText());
        assertTrue(d.get("value").isNull());
        assertEquals("k", d.get("key").asText());

        String huge = "{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"" + "é".repeat(3_000) + "\", \"x\": }";
        h.mention(huge, T);
        d = lastDeadLetter();
        assertTrue(d.get("truncated").asBoolean());
        assertEquals(huge.getBytes(StandardCharsets.UTF_8).length, d.get("valueBytes").asInt());
        assertTrue(huge.startsWith(d.get("value").asText()) && d.get("value").asText().length() <= 1_000,
                "the first 1,000 bytes, cut at a character boundary");
        assertGoesOn("oriole");
    }

    @Test
    void aMentionTheClassifierFailsOnIsADeadLetterOfTheClassifyStage() {
        h.mention(complaint("heron").replace("order late", "~boom"), T);
        ObjectNode d = lastDeadLetter();
        assertEquals("classify", d.get("stage").asText());
        assertEquals("heron", d.get("brand").asText());
        assertTrue(d.get("reason").asText().startsWith("classifier failed: java.lang.IllegalStateException: "
                + "classifier exploded on purpose"), d.get("reason").asText());
        assertGoesOn("heron");
    }

    @Test
    void unreadableAndRefusedActionsAreDeadLettersAndTheActionsThatMakeSenseAreTaken() {
        h.mention(complaint("kestrel"), T + 1000);
        String[][] bad = {
            {"not json", "not valid JSON"},
            {"{\"incident\":\"kestrel-0001\",\"action\":\"dance\",\"by\":\"maria\"}", "field 'action'"},
            {"{\"incident\":\"kestrel-0001\",\"action\":\"acknowledge\"}", "'by'"},
            {"{\"incident\":\"kestrel-0001\",\"action\":\"complete_step\",\"by\":\"maria\"}", "'step'"},
            {"{\"incident\":\"kestrel-0001\",\"action\":\"set_fault\",\"by\":\"maria\"}", "atFault"},
            {"{\"incident\":\"acme-0001\",\"action\":\"acknowledge\",\"by\":\"maria\"}", "not belong to a watched brand"},
        };
        for (String[] b : bad) {
            h.action(b[0], T + 2000);
            ObjectNode d = lastDeadLetter();
            assertEquals("read", d.get("stage").asText(), b[0]);
            assertEquals("firebreak-actions", d.get("source").get("topic").asText());
            assertTrue(d.get("reason").asText().contains(b[1]), d.get("reason").asText());
        }
        h.action("{\"incident\":\"kestrel-0009\",\"action\":\"acknowledge\",\"by\":\"maria\"}", T + 3000);
        ObjectNode d = lastDeadLetter();
        assertEquals("action", d.get("stage").asText());
        assertTrue(d.get("reason").asText().contains("refused: unknown incident 'kestrel-0009'"), d.toString());

        int escalations = h.escalationsOut.size();
        h.action("{\"incident\":\"kestrel-0001\",\"action\":\"acknowledge\",\"by\":\"maria\"}", T + 4000);
        assertEquals(escalations + 1, h.escalationsOut.size(), "the acknowledgement is an escalation event");
        assertTrue(h.escalationsOut.get(escalations).value.contains("\"type\":\"acknowledged\",")
                && h.escalationsOut.get(escalations).value.contains("\"by\":\"maria\""), h.escalationsOut.toString());
        int dead = h.deadLettersOut.size();
        h.action("{\"incident\":\"kestrel-0001\",\"action\":\"review\",\"by\":\"maria\"}", T + 5000);
        assertEquals(dead + 1, h.deadLettersOut.size());
        assertTrue(lastDeadLetter().get("reason").asText().contains("illegal transition"), lastDeadLetter().toString());
        assertGoesOn("kestrel");
    }

    @Test
    void anUnreadableRecordOnTheRepartitionTopicIsADeadLetterOfTheEngineStage() {
        h.repartitioned("kestrel", "{\"v\":1,\"in\":{\"k\":\"tick\"}}".getBytes(StandardCharsets.UTF_8), T);
        ObjectNode d = lastDeadLetter();
        assertEquals("engine", d.get("stage").asText());
        assertTrue(d.get("reason").asText().startsWith("unreadable input on the repartition topic"), d.toString());
        h.repartitioned("kestrel", "{\"v\":2}".getBytes(StandardCharsets.UTF_8), T);
        assertTrue(lastDeadLetter().get("reason").asText().contains("version 2"), lastDeadLetter().toString());
        assertGoesOn("kestrel");
    }

    @Test
    void aBrandWhoseStoredStateCannotBeReadSendsItsInputsToDeadLettersWhileTheOthersGoOn() {
        Harness h1 = h;
        for (int i = 0; i < 20; i++) {
            h1.mention(complaint(i % 2 == 0 ? "kestrel" : "oriole"), T + n * 1000L);
        }
        List<KeyValue<String, byte[]>> heads = h1.changelog(FirebreakTopology.HEADS_STORE);
        List<KeyValue<String, byte[]>> changes = h1.changelog(FirebreakTopology.CHANGES_STORE);
        List<KeyValue<String, byte[]>> snapshots = h1.changelog(FirebreakTopology.SNAPSHOTS_STORE);
        h1.close();
        StreamsSettings s = h1.settings;
        h = new Harness(TopologyEquivalenceTest.topology(s, Scenario.brands()), s, dir.resolve("second"),
                Instant.ofEpochMilli(T));
        restore(h.store(FirebreakTopology.HEADS_STORE), heads);
        restore(h.store(FirebreakTopology.CHANGES_STORE), changes);
        restore(h.store(FirebreakTopology.SNAPSHOTS_STORE), snapshots);
        KeyValueStore<String, byte[]> store = h.store(FirebreakTopology.CHANGES_STORE);
        String key = "kestrel/0000000000000002";
        byte[] good = store.get(key);
        assertTrue(good != null, "kestrel's third change is in the store");
        store.put(key, "{\"at\": \"garbage\"}".getBytes(StandardCharsets.UTF_8));

        int dead = h.deadLettersOut.size();
        h.mention(complaint("kestrel"), T + n * 1000L);
        assertEquals(dead + 1, h.deadLettersOut.size());
        ObjectNode d = lastDeadLetter();
        assertEquals("engine", d.get("stage").asText());
        assertTrue(d.get("reason").asText().contains("change 2 of brand 'kestrel' cannot be read"), d.toString());
        assertTrue(d.get("value").asText().contains("\"brand\":\"kestrel\""), "the mention, to replay later");
        assertGoesOn("oriole");

        store.put(key, good); // repaired
        assertGoesOn("kestrel");
        assertEquals(dead + 1, h.deadLettersOut.size(), "no more dead letters once the state can be read");
    }

    private static void restore(KeyValueStore<String, byte[]> store, List<KeyValue<String, byte[]>> records) {
        for (KeyValue<String, byte[]> kv : records) {
            if (kv.value == null) {
                store.delete(kv.key);
            } else {
                store.put(kv.key, kv.value);
            }
        }
    }
}
