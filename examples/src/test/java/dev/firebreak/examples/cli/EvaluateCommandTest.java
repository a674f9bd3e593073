package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {

    private static final String POLARITY = String.join("\n",
            "{\"id\": \"1\", \"platform\": \"x\", \"text\": \"This is the worst service ever\", \"label\": \"negative\"}",
            "{\"id\": \"2\", \"platform\": \"x\", \"text\": \"I love it, thank you!\", \"label\": \"positive\"}",
            "{\"id\": \"3\", \"platform\": \"x\", \"text\": \"The store opens at nine\", \"label\": \"neutral\"}",
            "{\"id\": \"4\", \"platform\": \"x\", \"text\": \"Great stuff\", \"label\": \"negative\"}",
            "{\"id\": \"5\", \"platform\": \"x\", \"text\": \"no label here\"}",
            "{\"id\": \"6\", \"platform\": \"x\", \"text\": \"bad label\", \"label\": \"meh\"}") + "\n";

    @Test
    void printsAccuracyMacroF1PerClassFiguresAndTheConfusionMatrix() {
        CliRun r = CliRun.run(POLARITY, "evaluate", "--task", "polarity");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("task polarity: 4 examples (2 lines rejected)"), r.out());
        assertTrue(r.out().contains("accuracy  0.7500"), r.out());
        assertTrue(r.out().contains("macro-F1  "), r.out());
        assertTrue(r.out().matches("(?s).*negative\\s+1\\.0000\\s+0\\.5000\\s+0\\.6667\\s+2\\n.*"), r.out());
        assertTrue(r.out().contains("confusion (rows: true, columns: predicted)"), r.out());
        assertTrue(r.out().matches("(?s).*\\nnegative\\s+1\\s+0\\s+1\\n.*"), r.out());
        assertTrue(r.err().contains("line 5: missing required field 'label'"), r.err());
        assertTrue(r.err().contains("line 6: field 'label'"), r.err());
    }

    @Test
    void jsonOutputIsOneObjectWithTheSameFigures() throws Exception {
        CliRun r = CliRun.run(POLARITY, "evaluate", "--task", "polarity", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(1, r.out().strip().lines().count());
        assertEquals(4, o.get("examples").asInt());
        assertEquals(0.75, o.get("accuracy").asDouble(), 1e-9);
        assertEquals(2, o.get("classes").get("negative").get("support").asInt());
        assertEquals(1, o.get("confusion").get("negative").get("positive").asInt());
        assertEquals(2, o.get("rejected").asInt());
    }

    @Test
    void complaintTaskReadsBooleanAndNumericLabels() throws Exception {
        String in = "{\"id\": \"1\", \"platform\": \"x\", \"text\": \"@AcmeHelp my order never arrived, refund please\","
                + " \"label\": true}\n"
                + "{\"id\": \"2\", \"platform\": \"x\", \"text\": \"What a lovely day at the beach\", \"label\": 0}\n";
        CliRun r = CliRun.run(in, "evaluate", "--task", "complaint", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(1.0, o.get("accuracy").asDouble(), 1e-9);
        assertEquals(1, o.get("classes").get("true").get("support").asInt());
    }

    @Test
    void badUsageExitsWithTwoAndUnreadableInputWithOne() {
        CliRun noTask = CliRun.run(POLARITY, "evaluate");
        assertEquals(2, noTask.code());
        assertTrue(noTask.err().contains("missing required option --task"), noTask.err());
        CliRun badTask = CliRun.run(POLARITY, "evaluate", "--task", "sarcasm");
        assertEquals(2, badTask.code());
        assertTrue(badTask.err().contains("polarity or complaint"), badTask.err());
        assertEquals(1, CliRun.run("", "evaluate", "--task", "polarity").code());
        assertEquals(1, CliRun.run("nope\n", "evaluate", "--task", "polarity").code());
        CliRun help = CliRun.run("", "evaluate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: firebreak evaluate"), help.out());
    }
}
