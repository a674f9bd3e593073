package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands that take options only reject a stray positional argument as bad usage. */
class UnexpectedArgumentTest {

    private static final List<String> OPTIONS_ONLY =
            List.of("classify", "evaluate", "train", "detect", "replay", "check-post", "check-reply");

    @Test
    void aStrayArgumentIsBadUsageNamingTheFirstOne() {
        for (String command : OPTIONS_ONLY) {
            CliRun run = CliRun.run("", command, "stray", "second");
            assertEquals(2, run.code(), command);
            assertEquals("", run.out(), command);
            assertEquals("firebreak " + command + ": unexpected argument 'stray'" + System.lineSeparator()
                    + "Run 'firebreak " + command + " --help' for usage." + System.lineSeparator(), run.err(), command);
        }
    }

    @Test
    void aStrayArgumentAfterTheIngestPlatformIsNamed() {
        CliRun run = CliRun.run("", "ingest", "twitter", "stray");
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("firebreak ingest: unexpected argument 'stray'"), run.err());
        CliRun none = CliRun.run("", "ingest");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("name one platform: twitter, facebook"), none.err());
    }

    @Test
    void aFlagGivenAValueSaysItTakesNoneAndABadTaskNamesTheOption() {
        CliRun flag = CliRun.run("", "evaluate", "--task", "polarity", "--json=true");
        assertEquals(2, flag.code());
        assertTrue(flag.err().contains("option --json takes no value"), flag.err());
        for (List<String> args : List.of(List.of("evaluate", "--task", "sentiment"),
                List.of("train", "--task", "sentiment", "--out", "x.model"))) {
            String command = args.get(0);
            CliRun task = CliRun.run("", args.toArray(String[]::new));
            assertEquals(2, task.code(), command);
            assertTrue(task.err().contains(": --task must be polarity or complaint, was 'sentiment'"), task.err());
        }
    }
}
