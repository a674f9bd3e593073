package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firebreak ingest twitter} on saved X payloads, as CLI.md specifies. */
class IngestTwitterCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(new ObjectMapper().readTree(line));
                }
            }
            return nodes;
        }
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ingest/twitter/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new CliIO(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSearchPageBecomesMentionJsonLines() throws IOException {
        Run r = run("ingest", "twitter", "--in", resource("search-page.json").toString());

        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        JsonNode first = lines.get(0);
        assertEquals("1785651234567890004", first.path("id").asText());
        assertEquals("twitter", first.path("platform").asText());
        assertEquals("@acme my order never arrived & support won't answer <3 weeks> now", first.path("text").asText());
        assertEquals("jane_doe", first.path("author").path("handle").asText());
        assertEquals(120500, first.path("author").path("followers").asLong());
        assertTrue(first.path("author").path("verified").asBoolean());
        assertEquals(12, first.path("engagement").path("shares").asLong());
        assertEquals("2024-05-01T10:15:00Z", first.path("createdAt").asText());
        assertEquals("reply", lines.get(1).path("kind").asText());
        assertEquals("1785650000000000001", lines.get(1).path("inReplyTo").asText());
        assertEquals("share", lines.get(2).path("kind").asText());
    }

    @Test
    void aStreamFileSkipsKeepAlivesAndReportsTheMalformedLine() throws IOException {
        Path rejects = dir.resolve("rejects.txt");
        Run r = run("ingest", "twitter", "--in", resource("stream.txt").toString(), "--rejects", rejects.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("1785800000000000001", "1785800000000000002", "1785800000000000004"),
                r.lines().stream().map(n -> n.path("id").asText()).toList());
        assertEquals("acme", r.lines().get(0).path("brand").asText());
        assertTrue(r.err().contains("line 5: "), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertTrue(Files.readString(rejects).contains("1785800000000000003"));
    }

    @Test
    void anErrorBodyExitsWithOneNamingTheProblemTypeAndDetail() throws IOException {
        Run r = run("ingest", "twitter", "--in", resource("error-403.json").toString());

        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("https://api.twitter.com/2/problems/client-forbidden"), r.err());
        assertTrue(r.err().contains("Client Forbidden"), r.err());
        assertTrue(r.err().contains("enrolled in the requested endpoint"), r.err());
    }

    @Test
    void aTruncatedPrettyPrintedPayloadIsOneErrorNotOnePerLine() {
        StringBuilder page = new StringBuilder("{\n  \"data\": [\n");
        for (int i = 0; i < 20; i++) {
            page.append("    {\"id\": \"").append(1000 + i)
                    .append("\", \"text\": \"hello @acme\", \"created_at\": \"2024-05-01T10:15:00.000Z\"},\n");
        }
        String truncated = page.substring(0, page.length() - 40); // the save was cut off
        CliRun r = CliRun.run(truncated, "ingest", "twitter");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertEquals(1, r.err().lines().count(), "one error for the document, not one per line: " + r.err());

        String stream = "\"text\": \"cut off where the capture started\"}}\n"
                + "{\"data\": {\"id\": \"7\", \"text\": \"hello @acme\", \"created_at\": \"2024-05-01T10:15:00.000Z\"}}\n";
        CliRun s = CliRun.run(stream, "ingest", "twitter");
        assertEquals(0, s.code(), s.err());
        assertEquals(1, s.lines().size(), "a stream whose first line is cut off still yields the others: " + s.out());
        assertTrue(s.err().startsWith("line 1: "), s.err());
    }
}
