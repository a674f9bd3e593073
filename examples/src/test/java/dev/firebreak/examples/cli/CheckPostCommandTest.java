package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPostCommandTest {

    private static final String POSTS = String.join("\n",
            "{\"id\":\"p1\",\"account\":\"twitter:acme\",\"text\":\"New scarves in store from Monday.\"}",
            "{\"id\":\"p2\",\"account\":\"twitter:acme\",\"text\":\"Read more: htps://acme.com/x\"}",
            "{\"id\":3,\"account\":\"twitter:acme\",\"text\":\"Pray for Paris\",\"hashtags\":[\"#paris\"]}",
            "");

    @Test
    void checksTheContractFormWithoutAnyOption() {
        CliRun r = CliRun.run(POSTS, "check-post");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        assertEquals("p1", lines.get(0).get("id").textValue());
        assertTrue(lines.get(0).get("ok").booleanValue());
        assertEquals(0, lines.get(0).get("findings").size());
        JsonNode link = lines.get(1).get("findings").get(0);
        assertFalse(lines.get(1).get("ok").booleanValue());
        assertEquals("malformed-link", link.get("rule").textValue());
        assertEquals("block", link.get("severity").textValue());
        assertEquals(11, link.get("span").get("start").intValue());
        assertEquals(28, link.get("span").get("end").intValue());
        assertTrue(link.get("message").textValue().contains("htps://"));
        assertEquals("3", lines.get(2).get("id").textValue());
        assertEquals(List.of("sensitive-topic"), CliRun.rules(lines.get(2)));
        assertTrue(lines.get(2).get("ok").booleanValue(), "a warning does not block");
        assertEquals("", r.err());
    }

    @Test
    void reportsBadLinesAndGoesOn(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.jsonl");
        String input = "{\"id\":\"p1\",\"account\":\"twitter:acme\",\"text\":\"ok\"}\n"
                + "not json\n"
                + "{\"id\":\"p3\",\"text\":\"no account\"}\n"
                + "\n"
                + "{\"id\":\"p5\",\"account\":\"twitter:acme\",\"text\":7}\n";
        CliRun r = CliRun.run(input, "check-post", "--rejects", rejects.toString());
        assertEquals(0, r.code());
        assertEquals(1, r.lines().size());
        assertTrue(r.err().contains("line 2: not valid JSON"), r.err());
        assertTrue(r.err().contains("line 3: missing required field 'account'"), r.err());
        assertTrue(r.err().contains("line 5: field 'text' must be a string"), r.err());
        assertEquals(List.of("not json", "{\"id\":\"p3\",\"text\":\"no account\"}",
                "{\"id\":\"p5\",\"account\":\"twitter:acme\",\"text\":7}"),
                Files.readAllLines(rejects, StandardCharsets.UTF_8));
    }

    @Test
    void failsWhenNoLineCanBeRead() {
        CliRun r = CliRun.run("nope\n{}\n", "check-post");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(0, CliRun.run("", "check-post").code(), "an empty input is a success");
    }

    @Test
    void usesTheRegistryContextAndWatchListFiles(@TempDir Path dir) throws IOException {
        Path registry = dir.resolve("accounts.jsonl");
        Files.writeString(registry, "{\"platform\":\"twitter\",\"handle\":\"acme\",\"brand\":\"acme\",\"owner\":\"alice\"}\n");
        Path context = dir.resolve("context.json");
        Files.writeString(context, "{\"incidents\":[{\"id\":\"acme-1\",\"brand\":\"acme\",\"severity\":\"high\","
                + "\"hashtags\":[\"acmefail\"]}],\"knownHandles\":[\"unicef\"]}");
        Path words = dir.resolve("team.words");
        Files.writeString(words, "[sensitive.competitors]\nglobex\n");
        Path out = dir.resolve("out.jsonl");
        String input = String.join("\n",
                "{\"id\":\"a\",\"account\":\"twitter:acme\",\"text\":\"🎉 Sale! #acmefail\",\"poster\":\"mallory\"}",
                "{\"id\":\"b\",\"account\":\"twitter:acme_promo\",\"text\":\"Thanks @unicef and @unicfe\","
                        + "\"approvedBy\":\"dana\"}",
                "{\"id\":\"c\",\"account\":\"twitter:acme\",\"text\":\"Better than Globex #whyistayed\","
                        + "\"approvedBy\":\"dana\"}");
        CliRun r = CliRun.run(input, "check-post", "--registry", registry.toString(), "--context", context.toString(),
                "--words", words.toString(), "--watch", "#WhyIStayed", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(3, written.size());
        CliRun parsed = new CliRun(0, String.join("\n", written), "");
        List<JsonNode> lines = parsed.lines();
        assertEquals(List.of("crisis-approval", "crisis-cheerful", "incident-hashtag", "not-account-owner"),
                CliRun.rules(lines.get(0)).stream().sorted().toList());
        assertEquals(List.of("unknown-handle", "unregistered-account"),
                CliRun.rules(lines.get(1)).stream().sorted().toList());
        assertEquals(List.of("sensitive-topic", "watched-hashtag"), CliRun.rules(lines.get(2)).stream().sorted().toList());
    }

    @Test
    void aBadSettingsFileIsAFailureNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path registry = dir.resolve("accounts.jsonl");
        Files.writeString(registry, "{\"platform\":\"twitter\",\"handle\":\"acme\",\"brand\":\"acme\",\"owner\":\"alice\"}\n"
                + "{\"platform\":\"twitter\",\"handle\":\"ACME\",\"brand\":\"acme\",\"owner\":\"bob\"}\n");
        CliRun r = CliRun.run(POSTS, "check-post", "--registry", registry.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 2: account twitter:acme already has an owner"), r.err());
        CliRun missing = CliRun.run(POSTS, "check-post", "--context", dir.resolve("nope.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("context file not found"), missing.err());
    }

    @Test
    void badUsageExitsWithTwoAndHelpDescribesTheFormats() {
        assertEquals(2, CliRun.run("", "check-post", "--bogus").code());
        assertEquals(2, CliRun.run("", "check-post", "extra").code());
        CliRun help = CliRun.run("", "check-post", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("\"account\"") && help.out().contains("--registry"), help.out());
        assertTrue(CliRun.run("", "--help").out().contains("check-post"));
    }

    @Test
    void aMalformedWordListIsAFailureNamingTheFileAndLineForBothCommands(@TempDir Path dir) throws IOException {
        Path words = dir.resolve("team.words");
        Files.writeString(words, "# our words\n[unclosed\n", StandardCharsets.UTF_8);
        for (String command : List.of("check-post", "check-reply")) {
            CliRun r = CliRun.run("", command, "--words", words.toString());
            assertEquals(1, r.code(), command + " (a bad file is a failure, like a bad --context): " + r.err());
            assertTrue(r.err().contains(words + ":2:"), r.err());
        }
    }

    @Test
    void aDirectoryGivenAsAnOptionalFileIsNamed(@TempDir Path dir) {
        for (String option : List.of("--context", "--registry", "--words")) {
            CliRun r = CliRun.run("", "check-post", option, dir.toString());
            assertEquals(1, r.code(), option + ": " + r.err());
            assertTrue(r.err().contains(dir.toString()) && r.err().contains("is a directory"), option + ": " + r.err());
        }
    }
}
