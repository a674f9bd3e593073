package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.store.InMemoryIncidentStore;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of brand states reads what the codec writes into the very state the tree reader
 * builds (the encoded forms are equal), and the codec falls back to the tree reader, with its error
 * messages, for anything else.
 */
class BrandStateReaderTest {

    private final BrandStateCodec codec = BrandStateCodec.create();
    private final FirebreakJson json = FirebreakJson.create();

    @Property(tries = 4, seed = "3")
    void readsEveryStateOfARunAsTheTreeReaderDoes(@ForAll @IntRange(min = 0, max = 1_000_000) int seed)
            throws Exception {
        JournalScenario sc = new JournalScenario(seed, 240);
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        CrisisEngine engine = JournalScenario.engine(clock, new InMemoryIncidentStore());
        int i = 0;
        for (JournalScenario.Step s : sc.steps) {
            JournalScenario.play(s, engine, clock);
            if (++i % 60 == 0 || i == sc.steps.size()) {
                String encoded = engine.checkpoint("kestrel");
                BrandState fast = BrandStateReader.read(encoded, com.fasterxml.jackson.core.JsonFactory.builder().build(), json, codec, 1, EscalationPolicy.defaults());
                BrandState tree = codec.decodeTree(encoded, EscalationPolicy.defaults());
                assertEquals(encoded, codec.encode(tree));
                assertEquals(encoded, codec.encode(fast));
            }
        }
    }

    @Test
    void textTheEncoderDidNotWriteIsJudgedByTheTreeReader() {
        String state = codec.encode(BrandState.empty("kestrel"));
        String reordered = state.replace("{\"v\":1,\"brand\":\"kestrel\",", "{\"brand\":\"kestrel\",\"v\":1,");
        assertEquals(state, codec.encode(codec.decode(reordered, EscalationPolicy.defaults())));
        JsonFormatException old = assertThrows(JsonFormatException.class,
                () -> codec.decode(state.replace("\"v\":1", "\"v\":0"), EscalationPolicy.defaults()));
        assertEquals("unsupported brand state version 0, expected 1", old.getMessage());
        assertThrows(JsonFormatException.class, () -> codec.decode(state.substring(0, state.length() - 3),
                EscalationPolicy.defaults()));
    }

    @Test
    void parsesInstantsAsInstantParseDoes() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long second = rnd.nextInt(4) == 0 ? rnd.nextLong() % 253_402_300_799L : 1_700_000_000L + rnd.nextInt();
            int nano = new int[] {0, rnd.nextInt(1000) * 1_000_000, rnd.nextInt(1_000_000) * 1000,
                rnd.nextInt(1_000_000_000)}[rnd.nextInt(4)];
            Instant t = Instant.ofEpochSecond(second, nano);
            assertEquals(t, BrandStateReader.instant(t.toString()), t.toString());
        }
        assertEquals(Instant.parse("2026-02-28T23:59:59.5Z"), BrandStateReader.instant("2026-02-28T23:59:59.5Z"));
        assertThrows(RuntimeException.class, () -> BrandStateReader.instant("2026-02-30T00:00:00Z"));
        assertThrows(RuntimeException.class, () -> BrandStateReader.instant("2026-13-01T00:00:00Z"));
    }
}
