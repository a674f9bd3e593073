package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReplyCommandTest {

    private static final String TEMPLATE = "we're sorry for the trouble with your payment. Our team is working on it "
            + "and we will update you within 24 hours.";

    @Test
    void checksTheContractFormWithoutAnyOption() {
        String input = String.join("\n",
                "{\"id\":\"r1\",\"text\":\"Sorry Tom, I've refunded the charge today.\"}",
                "{\"id\":\"r2\",\"incidentId\":\"acme-1\",\"inReplyTo\":\"123\",\"text\":\"This was due to a glitch at our "
                        + "supplier, nothing we could do.\"}",
                "{\"id\":\"r3\",\"text\":\"We apologize for any inconvenience.\"}");
        CliRun r = CliRun.run(input, "check-reply");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).get("ok").booleanValue());
        assertEquals(List.of(), CliRun.rules(lines.get(0)));
        assertFalse(lines.get(1).get("ok").booleanValue());
        assertTrue(CliRun.rules(lines.get(1)).contains("blame-others"));
        assertTrue(CliRun.rules(lines.get(1)).contains("no-next-step"));
        assertTrue(lines.get(1).get("findings").get(0).has("span"));
        assertEquals(List.of("corporate-jargon", "no-next-step"), CliRun.rules(lines.get(2)).stream().sorted().toList());
        assertTrue(lines.get(2).get("ok").booleanValue(), "warnings only");
    }

    @Test
    void draftsEarlierInTheInputCountAsSentUnlessIndependent() {
        StringBuilder input = new StringBuilder();
        for (String name : List.of("Maria", "Jon", "Ahmed", "Lee")) {
            input.append("{\"id\":\"").append(name).append("\",\"incidentId\":\"acme-1\",\"text\":\"Hi ").append(name)
                    .append(", ").append(TEMPLATE).append("\"}\n");
        }
        List<JsonNode> batch = CliRun.run(input.toString(), "check-reply").lines();
        assertEquals(List.of(false, false, true, true),
                batch.stream().map(l -> CliRun.rules(l).contains("canned-reply")).toList());
        List<JsonNode> alone = CliRun.run(input.toString(), "check-reply", "--independent").lines();
        assertTrue(alone.stream().noneMatch(l -> CliRun.rules(l).contains("canned-reply")));
    }

    @Test
    void usesTheIncidentsOfTheContextFile(@TempDir Path dir) throws IOException {
        Path context = dir.resolve("context.json");
        Files.writeString(context, "{\"incidents\":[{\"id\":\"acme-1\",\"brand\":\"acme\",\"severity\":\"high\","
                + "\"brandAtFault\":true}],\"sentReplies\":{\"acme-1\":[\"Hi A, " + TEMPLATE + "\",\"Hi B, " + TEMPLATE
                + "\"]}}");
        String input = "{\"id\":\"r1\",\"incidentId\":\"acme-1\",\"text\":\"The charge is reversed, you'll see it by "
                + "Friday.\"}\n{\"id\":\"r2\",\"incidentId\":\"acme-1\",\"text\":\"Hi C, " + TEMPLATE + "\"}\n";
        List<JsonNode> lines = CliRun.run(input, "check-reply", "--context", context.toString()).lines();
        assertEquals(List.of("missing-apology"), CliRun.rules(lines.get(0)));
        assertEquals(List.of("canned-reply"), CliRun.rules(lines.get(1)));
    }

    @Test
    void reportsBadLinesAndBadUsage() {
        CliRun r = CliRun.run("{\"id\":\"r1\"}\n{\"id\":\"r2\",\"text\":\"Thanks!\"}\n", "check-reply");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("line 1: missing required field 'text'"), r.err());
        assertEquals(1, r.lines().size());
        assertEquals(2, CliRun.run("", "check-reply", "--registry", "x").code(), "check-reply takes no registry");
        assertTrue(CliRun.run("", "check-reply", "--help").out().contains("--independent"));
    }
}
