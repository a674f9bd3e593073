package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoStreamReplaysIntoThreeIncidentsWithTwoCrises() throws Exception {
        Path demo = Path.of("data/demo-stream.jsonl");
        Path report = dir.resolve("report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(new String[] {"replay", "--in", demo.toString(), "--report", report.toString()}, io);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String timeline = out.toString(StandardCharsets.UTF_8);
        assertTrue(timeline.contains("OPENED"), timeline);
        assertTrue(timeline.contains("now a CRISIS"), timeline);
        assertTrue(timeline.contains("ESCALATED"), timeline);

        JsonNode incidents = new ObjectMapper().readTree(Files.readString(report)).get("incidents");
        int crises = 0;
        for (JsonNode i : incidents) {
            for (String field : new String[] {"id", "brand", "topic", "severity", "crisis", "crisisAt", "state",
                "openedAt", "alertAt", "mentions", "negativeShare", "reach", "escalations", "plan"}) {
                assertTrue(i.has(field), "report field " + field + " in " + i);
            }
            crises += i.get("crisis").asBoolean() ? 1 : 0;
        }
        assertEquals(2, crises, "the billing storm and the own-post blunder are crises: " + incidents);
        JsonNode first = incidents.get(0);
        assertEquals(false, first.get("crisis").asBoolean(), "the single complaint answered in time stays a problem");
        assertTrue(first.get("escalations").isEmpty(), "and is never escalated");
    }

    @Test
    void unknownOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, Main.run(new String[] {"replay", "--nope"}, io));
    }
}
