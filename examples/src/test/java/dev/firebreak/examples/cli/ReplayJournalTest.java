package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.store.JournalStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --journal}: the engine state lives in a journal; a replay killed half-way (a real child JVM,
 * killed with SIGKILL) and run again resumes and ends with the same report as an uninterrupted run.
 */
class ReplayJournalTest {

    private static final Path DEMO = Path.of("data/demo-stream.jsonl");

    @TempDir
    static Path shared;

    private static String uninterrupted;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(args, io);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void runWithoutAJournal() throws Exception {
        Path report = shared.resolve("uninterrupted.json");
        Run r = run("replay", "--in", DEMO.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        uninterrupted = Files.readString(report);
        assertTrue(uninterrupted.contains("kestrel-0002"), uninterrupted);
    }

    private static long journalBytes(Path journal) throws Exception {
        long n = 0;
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(journal, "*.fb?")) {
            for (Path p : ds) {
                n += Files.size(p);
            }
        }
        return n;
    }

    @Test
    void aReplayKilledHalfWayResumesFromItsJournalAndEndsWithTheSameReport() throws Exception {
        Path journal = dir.resolve("journal");
        Path report = dir.resolve("report.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.firebreak.examples.cli.Main", "replay", "--in", DEMO.toAbsolutePath().toString(), "--journal",
                journal.toString(), "--report", report.toString()));
        Process child = new ProcessBuilder(cmd).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // about a third of the run: well past the first snapshot's worth of records, far from the end
        while (journalBytes(journal) < 150_000 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child was still replaying when killed: " + Files.readString(
                dir.resolve("child.err")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(report), "killed before it could write its report");
        long left = journalBytes(journal);
        assertTrue(left > 0, "the killed replay left a journal");

        Run resumed = run("replay", "--in", DEMO.toString(), "--journal", journal.toString(), "--report",
                report.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Resumed from the journal"), resumed.out());
        assertEquals(uninterrupted, Files.readString(report), "the resumed run ends with the same report");

        Run again = run("replay", "--in", DEMO.toString(), "--journal", journal.toString(), "--report",
                report.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(uninterrupted, Files.readString(report), "a finished journal replays to the same report");
        assertTrue(again.out().contains("this run, after the journal: 0 mentions read"),
                "the counts of a resumed run say they are this run's, not the stream's: " + again.out());
        assertTrue(resumed.out().contains("this run, after the journal: "), resumed.out());
    }

    @Test
    void aJournalHeldByAnotherEngineIsAClearFailure() {
        Path journal = dir.resolve("held");
        try (JournalStore held = JournalStore.open(journal)) {
            Run r = run("replay", "--in", DEMO.toString(), "--journal", journal.toString());
            assertEquals(1, r.code());
            assertTrue(r.err().contains("another engine holds it"), r.err());
        }
    }
}
