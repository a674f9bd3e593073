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
import java.util.ArrayList;
import java.util.List;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
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

    @Test
    void aBrandNamedOnTheCommandLineIsWatchedEvenWhenTheMentionsCarryNoBrandField() throws Exception {
        // what 'firebreak ingest' writes: platform payloads know no brand, the text names it
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            in.append("{\"id\": \"").append(100 + i).append("\", \"platform\": \"twitter\", \"createdAt\": \"2024-05-01T10:0")
                    .append(i).append(":00Z\", \"author\": {\"id\": \"").append(i).append("\", \"handle\": \"user")
                    .append(i).append("\", \"followers\": 50}, \"text\": \"Acme charged me twice and support ignores me."
                            + " Terrible, I want a refund!\"}\n");
        }
        Path report = dir.resolve("report.json");
        CliRun r = CliRun.run(in.toString(), "replay", "--brand", "acme", "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode incidents = new ObjectMapper().readTree(Files.readString(report)).get("incidents");
        assertTrue(incidents.size() >= 1, r.out());
        assertEquals("acme", incidents.get(0).get("brand").asText());

        CliRun none = CliRun.run(in.toString(), "replay");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--brand"), "says how to name the brand: " + none.err());
    }

    @Test
    void mentionsYearsApartReplayWithoutTickingThroughEveryMinuteBetween() throws Exception {
        // a minute tick for each of the 12 million minutes between them ran out of memory
        String in = "{\"id\": \"1\", \"platform\": \"twitter\", \"brand\": \"acme\", \"createdAt\": \"2000-01-01T00:00:00Z\","
                + " \"text\": \"Acme charged me twice, terrible service, refund me!\"}\n"
                + "{\"id\": \"2\", \"platform\": \"twitter\", \"brand\": \"acme\", \"createdAt\": \"2024-01-01T00:00:00Z\","
                + " \"text\": \"Acme lost my parcel, terrible service, refund me!\"}\n";
        Path report = dir.resolve("far.json");
        CliRun r = CliRun.run(in, "replay", "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 mentions read: 2 taken"), r.out());
        JsonNode incidents = new ObjectMapper().readTree(Files.readString(report)).get("incidents");
        assertEquals(2, incidents.size(), "each complaint opens its own incident, 24 years apart: " + incidents);
        List<Mention> two = new ArrayList<>();
        in.lines().forEach(l -> two.add(FirebreakJson.create().readMention(l)));
        assertTrue(ReplayCommand.calls(two).size() < 2 * 8 * 24 * 60 + 20,
                "minute ticks for at most 8 days of the gap, not 24 years: " + ReplayCommand.calls(two).size());
    }

    @Test
    void aJournalPathThatIsAFileIsAFailureSayingSo() throws Exception {
        Path file = dir.resolve("journal.txt");
        Files.writeString(file, "not a journal");
        CliRun r = CliRun.run("", "replay", "--in", "data/demo-stream.jsonl", "--journal", file.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--journal " + file + " is a file"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
        assertEquals("not a journal", Files.readString(file));
    }

    @Test
    void aReportThatCannotBeWrittenIsSaidBeforeTheReplayNotAfterIt() throws Exception {
        Path inTheWay = dir.resolve("a-file");
        Files.writeString(inTheWay, "x");
        for (String option : List.of("--report", "--html")) {
            Path target = inTheWay.resolve("report.out");
            CliRun r = CliRun.run("", "replay", "--in", "data/demo-stream.jsonl", option, target.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("cannot write " + target + ": ") && r.err().contains("is not a directory"),
                    r.err());
            assertEquals("", r.out(), "nothing replayed: " + r.out());
        }
        CliRun dirAsReport = CliRun.run("", "replay", "--in", "data/demo-stream.jsonl", "--report", dir.toString());
        assertEquals(1, dirAsReport.code(), dirAsReport.err());
        assertTrue(dirAsReport.err().contains("it is a directory"), dirAsReport.err());
        assertEquals("", dirAsReport.out());
    }
}
