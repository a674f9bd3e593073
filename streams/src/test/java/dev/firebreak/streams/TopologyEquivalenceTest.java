package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.engine.Brand;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.escalation.EscalationRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyEquivalenceTest {

    @TempDir
    Path dir;

    static StreamsSettings settings() {
        return StreamsSettings.builder().eventsTopic("firebreak-events").idleAdvance(Duration.ofMinutes(1))
                .storeType(StreamsSettings.StoreType.IN_MEMORY).snapshotEveryChanges(500).snapshotChunkBytes(4096)
                .build();
    }

    static Topology topology(StreamsSettings s, List<Brand> brands) {
        return FirebreakTopology.builder().settings(s).classifier(new TestClassifier()).brands(brands).build();
    }

    @Test
    void demoStreamGivesTheSameIncidentsSeveritiesAndEscalationsAsTheSingleJvmEngine() {
        List<Input> inputs = Input.demoStream();
        List<Brand> brands = Runs.brandsOf(inputs);
        StreamsSettings s = settings();
        long last = inputs.get(inputs.size() - 1).timestamp();
        Reference ref = new Reference(brands, s.tickInterval().toMillis());
        inputs.forEach(ref::input);
        ref.idleUntil(last + 120_000);

        try (Harness h = new Harness(topology(s, brands), s, dir, Instant.ofEpochMilli(last))) {
            inputs.forEach(in -> in.pipe(h));
            h.advanceWallClock(Duration.ofMinutes(2)); // idle: engine time follows the wall clock, brands tick

            Map<String, List<String>> expected = ref.eventsByBrand();
            assertEquals(expected, Runs.byKey(h.eventsOut), "every event of every brand, in order");
            Map<String, String> incidents = Runs.incidents(ref.details());
            assertEquals(incidents, Runs.latestIncidents(h.incidentsOut), "the latest summary of every incident");
            Runs.mergedKeys(h.incidentsOut).forEach((absorbed, survivor) -> assertTrue(
                    incidents.containsKey(survivor) && !incidents.containsKey(absorbed), absorbed + " -> " + survivor));
            Map<String, String> stored = Runs.storedStates(h, brands);
            assertEquals(Runs.states(ref, brands, stored), stored, "the state the stores hold");

            // not vacuous: the demo's story is there
            List<IncidentDetails> all = ref.details();
            assertFalse(all.isEmpty(), "incidents");
            assertTrue(all.stream().anyMatch(IncidentDetails::everCrisis), "a crisis");
            assertTrue(all.stream().flatMap(d -> d.escalation().history().stream()).mapToInt(EscalationRecord::level)
                    .max().orElse(0) >= 3, "escalated to communications or higher");
            assertTrue(h.escalationsOut.stream().anyMatch(kv -> kv.value.contains("\"type\":\"deadline_missed\"")),
                    "a missed deadline");
            assertFalse(h.escalationsOut.isEmpty());
            assertFalse(h.alertsOut.isEmpty());
            assertTrue(h.deadLettersOut.isEmpty(), () -> "dead letters: " + h.deadLettersOut);
        }
    }

    @Test
    void aGeneratedScenarioOfThreeBrandsWithPeopleActingMatchesTheSingleJvmEngine() {
        Scenario sc = new Scenario(20260302L, 1_500);
        List<Brand> brands = Scenario.brands();
        StreamsSettings s = settings().toBuilder().snapshotEveryChanges(97).build();
        long last = sc.inputs.get(sc.inputs.size() - 1).timestamp();
        Reference ref = new Reference(brands, s.tickInterval().toMillis());
        sc.inputs.forEach(ref::input);
        ref.idleUntil(last + 120_000);

        try (Harness h = new Harness(topology(s, brands), s, dir, Instant.ofEpochMilli(last))) {
            sc.inputs.forEach(in -> in.pipe(h));
            h.advanceWallClock(Duration.ofMinutes(2));

            assertEquals(ref.eventsByBrand(), Runs.byKey(h.eventsOut), "every event of every brand, in order");
            Map<String, String> incidents = Runs.incidents(ref.details());
            assertEquals(incidents, Runs.latestIncidents(h.incidentsOut), "the latest summary of every incident");
            Map<String, String> stored = Runs.storedStates(h, brands);
            assertEquals(Runs.states(ref, brands, stored), stored, "the state the stores hold");

            // the refused actions went to the dead-letter topic, one each, and nothing else did
            long refused = h.deadLettersOut.stream().filter(kv -> kv.value.contains("\"stage\":\"action\"")).count();
            assertEquals(ref.refused.size(), refused, () -> "reference refused " + ref.refused);
            assertEquals(refused, h.deadLettersOut.size(), () -> "dead letters: " + h.deadLettersOut);

            List<IncidentDetails> all = ref.details();
            assertEquals(3, stored.size(), "every brand has state");
            assertTrue(all.stream().map(d -> d.incident().brand()).distinct().count() == 3, "incidents of 3 brands");
            assertTrue(all.stream().anyMatch(IncidentDetails::everCrisis), "a crisis");
            assertTrue(ref.events.stream().anyMatch(e -> e instanceof dev.firebreak.events.FirebreakEvent.Acknowledged),
                    "an acknowledgement taken");
            assertTrue(ref.refused.size() > 5, "refused actions: " + ref.refused.size());
        }
    }
}
