package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.testkit.MarkerClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INPUT = String.join("\n",
            "{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"@AcmeHelp my parcel never arrived and nobody answers. Worst service ever!\"}",
            "{\"id\": \"2\", \"platform\": \"twitter\"}",
            "not json at all",
            "",
            "{\"id\": 3, \"platform\": \"facebook\", \"text\": \"Lovely shop, friendly staff!\", \"lang\": \"en\"}",
            "{\"id\": \"4\", \"platform\": \"twitter\", \"text\": \"Die Lieferung ist nicht gut, das Paket war kaputt.\"}") + "\n";

    @Test
    void writesOneClassificationLinePerMentionAndReportsBadLinesWithTheirNumber() throws Exception {
        CliRun r = CliRun.run(INPUT, "classify");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("1", first.get("id").asText());
        assertEquals("en", first.get("language").asText());
        assertEquals("negative", first.get("polarity").asText());
        assertTrue(first.get("sentiment").asDouble() < 0);
        assertTrue(first.get("complaint").asBoolean());
        assertTrue(first.get("complaintScore").asDouble() >= 0.5);
        assertTrue(first.get("categories").toString().contains("delivery"), first.toString());
        assertTrue(first.get("signals").isArray() && first.get("signals").size() > 0);
        assertTrue(first.has("languageConfidence") && first.has("evidence"));
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("3", second.get("id").asText());
        assertEquals("positive", second.get("polarity").asText());
        assertEquals("de", JSON.readTree(lines.get(2)).get("language").asText());
        assertTrue(r.err().contains("line 2: "), r.err());
        assertTrue(r.err().contains("line 3: "), r.err());
        assertTrue(!r.err().contains("line 4:"), "blank lines are skipped silently: " + r.err());
    }

    @Test
    void readsAndWritesFilesAndCopiesRejectedLines(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out/classified.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        Files.writeString(in, INPUT, StandardCharsets.UTF_8);
        CliRun r = CliRun.run("", "classify", "--in", in.toString(), "--out", out.toString(), "--rejects",
                rejects.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(3, Files.readAllLines(out).size());
        assertEquals(List.of("{\"id\": \"2\", \"platform\": \"twitter\"}", "not json at all"), Files.readAllLines(rejects));
    }

    @Test
    void exitsWithOneWhenNoLineCanBeReadAndTwoOnBadUsage(@TempDir Path dir) {
        CliRun none = CliRun.run("garbage\n{\"id\": 1}\n", "classify");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("line 1: ") && none.err().contains("line 2: "), none.err());
        assertEquals(0, CliRun.run("", "classify").code(), "an empty input is not a failure");
        CliRun bad = CliRun.run("", "classify", "--modle", "x.bin");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown option --modle"), bad.err());
        CliRun missing = CliRun.run("", "classify", "--in", dir.resolve("nope.jsonl").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("input file not found"), missing.err());
    }

    @Test
    void aMentionTheClassifierFailsOnIsReportedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        String boom = "{\"id\": \"2\", \"platform\": \"twitter\", \"text\": \"this one goes ~boom\"}";
        String input = String.join("\n",
                "{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"fine ~neg\"}",
                boom,
                "{\"id\": \"3\", \"platform\": \"twitter\", \"text\": \"also fine ~pos\"}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        ClassifyCommand command = new ClassifyCommand(MarkerClassifier::new);
        int code = command.run(Args.parse(List.of("--rejects", rejects.toString()), command.options(),
                command.flags()), io);

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        List<String> ids = new java.util.ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            ids.add(JSON.readTree(l).get("id").asText());
        }
        assertEquals(List.of("1", "3"), ids, "the lines before and after the failure are classified");
        assertTrue(stderr.contains("line 2: the classifier failed on twitter:2 (IllegalStateException: classifier"
                + " exploded on purpose)"), stderr);
        assertEquals(List.of(boom), Files.readAllLines(rejects, StandardCharsets.UTF_8), "the mention is not lost");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun r = CliRun.run("", "classify", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("usage: firebreak classify"), r.out());
        assertTrue(r.out().contains("--rejects"));
        assertTrue(CliRun.run("", "--help").out().contains("classify"));
    }
}
