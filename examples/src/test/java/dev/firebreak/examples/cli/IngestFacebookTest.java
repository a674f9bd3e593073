package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firebreak ingest facebook}, run in-process as CLI.md specifies it. */
class IngestFacebookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed. */
    private record Run(int code, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new CliIO(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = IngestFacebookTest.class.getResourceAsStream("/facebook/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void aFeedPageBecomesMentionJsonLines() throws IOException {
        Run r = run(new byte[0], "ingest", "facebook", "--in", fixture("feed-page-1.json").toString());

        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Map<String, JsonNode> byId = r.lines().stream().collect(Collectors.toMap(n -> n.get("id").asText(),
                Function.identity()));
        assertEquals(6, byId.size());
        JsonNode post = byId.get("104729381122334_772210398845512");
        assertEquals("facebook", post.get("platform").asText());
        assertEquals("post", post.get("kind").asText());
        assertEquals("2024-05-01T10:15:00Z", post.get("createdAt").asText());
        assertTrue(post.get("ownedAccount").asBoolean(), "the Page's own post, known from the feed's paging URL");
        assertEquals(87, post.get("engagement").get("likes").asInt());
        JsonNode comment = byId.get("772210398845512_1290384756102938");
        assertEquals("comment", comment.get("kind").asText());
        assertEquals("104729381122334_772210398845512", comment.get("inReplyTo").asText());
        assertTrue(comment.get("author").get("id").isTextual(), "numeric ids come out as strings");
        assertEquals("10158231746339810", comment.get("author").get("id").asText());
    }

    @Test
    void aWebhookBodyWithMixedChangesKeepsTheGoodOnesAndReportsTheRest() throws IOException {
        Path rejects = dir.resolve("rejects.jsonl");
        byte[] body = Files.readAllBytes(fixture("webhook-feed-mixed.json"));

        Run r = run(body, "ingest", "facebook", "--rejects", rejects.toString());

        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(6, lines.size());
        Map<String, String> visibility = lines.stream().collect(Collectors.toMap(n -> n.get("id").asText(),
                n -> n.path("visibility").asText("visible")));
        assertEquals("hidden", visibility.get("772210398845512_1290384756109999"));
        assertEquals("removed", visibility.get("104729381122334_772209911112222"));
        JsonNode review = lines.stream().filter(n -> n.get("kind").asText().equals("review")).findFirst().orElseThrow();
        assertEquals(1, review.get("rating").asInt());
        List<String> err = r.err().lines().toList();
        assertEquals(3, err.size(), r.err());
        assertTrue(err.get(0).startsWith("entry[0].changes[6]: unknown item 'poll'"), err.get(0));
        assertTrue(err.get(2).contains("leadgen"), err.get(2));
        assertEquals(3, Files.readAllLines(rejects).size());
    }

    @Test
    void anErrorBodyExitsWithOneNamingTheGraphCodeAndMessage() throws IOException {
        Run r = run(new byte[0], "ingest", "facebook", "--in", fixture("error-expired-token.json").toString());

        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("190"), r.err());
        assertTrue(r.err().contains("Error validating access token: Session has expired"), r.err());
        assertTrue(r.err().contains("error code 190"), r.err());
    }

    @Test
    void helpNamesFacebook() {
        Run r = run(new byte[0], "ingest", "--help");

        assertEquals(0, r.code());
        assertTrue(r.out().contains("facebook"), r.out());
    }

    @Test
    void notJsonIsAFailureWithAMessage() {
        Run r = run("this is not json".getBytes(StandardCharsets.UTF_8), "ingest", "facebook");

        assertEquals(1, r.code());
        assertFalse(r.err().isBlank());
    }
}
