package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The common rules of CLI.md that every command keeps: input, output files, bad lines, usage. */
class CommonContractTest {

    private static final String MENTION = "{\"id\": \"1\", \"platform\": \"twitter\", \"text\": \"Worst service ever, refund me\"}";
    private static final String POST = "{\"id\": \"p1\", \"account\": \"acme\", \"text\": \"Spring menu is out\"}";
    private static final String DRAFT = "{\"id\": \"r1\", \"text\": \"Sorry, we will refund you by Friday.\"}";

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotABadLine() {
        String bom = "\uFEFF";
        CliRun classify = CliRun.run(bom + MENTION + "\n", "classify");
        assertEquals(0, classify.code(), classify.err());
        assertEquals("", classify.err());
        assertEquals(1, classify.lines().size());
        CliRun post = CliRun.run(bom + POST + "\n", "check-post");
        assertEquals(0, post.code(), post.err());
        assertEquals(1, post.lines().size());
        CliRun reply = CliRun.run(bom + DRAFT + "\n", "check-reply");
        assertEquals(0, reply.code(), reply.err());
        assertEquals(1, reply.lines().size());
    }

    @Test
    void twoObjectsOnOneLineAreRejectedNotHalfRead(@TempDir Path dir) throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        String twoPosts = POST + POST.replace("p1", "p2");
        CliRun r = CliRun.run(POST.replace("p1", "p0") + "\n" + twoPosts + "\n", "check-post", "--rejects",
                rejects.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.lines().size(), r.out());
        assertTrue(r.err().contains("line 2: not valid JSON: text after the end of the object"), r.err());
        assertEquals(List.of(twoPosts), Files.readAllLines(rejects, StandardCharsets.UTF_8));
        CliRun junk = CliRun.run(MENTION + " trailing junk\n", "classify");
        assertEquals(1, junk.code(), "the only line was bad");
        assertTrue(junk.err().contains("line 1: not valid JSON"), junk.err());
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAFailureNamingTheFile(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        Path out = blocker.resolve("out.jsonl"); // a directory that is a file: cannot be created
        CliRun r = CliRun.run(MENTION + "\n", "classify", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("cannot write " + out), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        CliRun d = CliRun.run(MENTION + "\n", "classify", "--out", dir.toString());
        assertEquals(1, d.code(), d.err());
        assertTrue(d.err().contains("cannot write " + dir) && d.err().contains("is a directory"), d.err());
        CliRun rejects = CliRun.run(MENTION + "\n", "classify", "--rejects", out.toString());
        assertEquals(1, rejects.code(), rejects.err());
        assertTrue(rejects.err().contains("cannot write " + out), rejects.err());
    }

    @Test
    void anInputThatIsADirectoryIsAFailureNamingIt(@TempDir Path dir) {
        for (String command : List.of("classify", "detect", "check-post")) {
            CliRun r = CliRun.run("", command, "--in", dir.toString());
            assertEquals(1, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("cannot read " + dir) && r.err().contains("is a directory"),
                    command + ": " + r.err());
        }
    }

    @Test
    void noCommandIsBadUsageWithTheCommandListOnStandardError() {
        CliRun r = CliRun.run("");
        assertEquals(2, r.code());
        assertEquals("", r.out(), "nothing but results on standard output");
        assertTrue(r.err().contains("classify") && r.err().contains("check-reply"), r.err());
        CliRun help = CliRun.run("", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("classify"), help.out());
    }

    @Test
    void anOutputFileThatIsTheInputFileIsBadUsageAndLeavesTheInputIntact(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("mentions.jsonl");
        String content = (MENTION + "\n").repeat(5000);
        Files.writeString(in, content, StandardCharsets.UTF_8);
        for (String[] args : List.of(new String[] {"classify", "--in", in.toString(), "--out", in.toString()},
                new String[] {"classify", "--in", in.toString(), "--rejects", dir.resolve(".").resolve("mentions.jsonl")
                        .toString()},
                new String[] {"replay", "--in", in.toString(), "--report", in.toString()},
                new String[] {"train", "--in", in.toString(), "--task", "polarity", "--out", in.toString()})) {
            CliRun r = CliRun.run("", args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("is the input file"), r.err());
            assertEquals(content, Files.readString(in, StandardCharsets.UTF_8), "the input is untouched");
        }
        Path out = dir.resolve("out.jsonl");
        CliRun both = CliRun.run("", "classify", "--in", in.toString(), "--out", out.toString(), "--rejects",
                out.toString());
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("--rejects " + out + " is also the --out file"), both.err());
    }

    @Test
    void aTimeBeyondWhatAnInstantHoldsIsABadLineAndTheRunGoesOn() {
        CliRun r = CliRun.run("{\"id\": \"0\", \"platform\": \"twitter\", \"text\": \"x\", \"createdAt\": 9223372036854775807}\n"
                + MENTION + "\n", "classify");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("line 1: field 'createdAt'"), r.err());
        assertEquals(1, r.lines().size(), "the second line is still classified: " + r.out());
    }

    @Test
    void aStandardOutputThatCannotBeWrittenIsAFailureNotASilentSuccess() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        for (String[] args : List.of(new String[] {"classify"}, new String[] {"check-reply"})) {
            err.reset();
            String in = args[0].equals("classify") ? MENTION : DRAFT;
            CliIO io = new CliIO(new java.io.ByteArrayInputStream((in + "\n").getBytes(StandardCharsets.UTF_8)),
                    new java.io.PrintStream(full, false, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, Main.run(args, io), args[0]);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to standard output"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void invalidUtf8IsReadAsReplacementCharactersAndSaidOnStandardError(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("latin1.jsonl");
        byte[] good = (MENTION + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\": \"2\", \"platform\": \"twitter\", \"text\": \"caf\u00e9 ferm\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(good);
        all.write(bad);
        all.write("{\"id\": \"3\", \"platform\": \"twitter\", \"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(in, all.toByteArray());
        CliRun r = CliRun.run("", "classify", "--in", in.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.lines().size(), "every line is still classified: " + r.out());
        assertTrue(r.err().contains("invalid UTF-8 replaced by U+FFFD on 1 line (line 2)"), r.err());
        CliRun clean = CliRun.run(MENTION + "\n{\"id\": \"3\", \"platform\": \"twitter\", \"text\": \"caf\u00e9 \uD83C\uDF89 \u4e2d\"}\n",
                "classify");
        assertEquals("", clean.err(), "valid UTF-8, accents, emoji and CJK raise nothing");
    }
}
