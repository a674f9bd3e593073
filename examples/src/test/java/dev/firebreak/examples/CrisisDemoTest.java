package dev.firebreak.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.check.FindingSeverity;
import dev.firebreak.check.PostChecker;
import dev.firebreak.check.ReplyChecker;
import dev.firebreak.examples.CrisisDemo.Check;
import dev.firebreak.examples.CrisisDemo.Kind;
import dev.firebreak.incident.IncidentId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The crisis demo replays the demo stream and the checks react to the engine's crises. */
class CrisisDemoTest {

    private static List<Check> checks;
    private static String printed;

    @BeforeAll
    static void replay() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            checks = CrisisDemo.run(Path.of("data/demo-stream.jsonl"), out);
        }
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Check> during(String incident) {
        return checks.stream().filter(c -> c.incident().equals(new IncidentId(incident)) && c.crisis()).toList();
    }

    private static Check one(List<Check> list, Kind kind) {
        List<Check> of = list.stream().filter(c -> c.kind() == kind).toList();
        assertEquals(1, of.size(), () -> kind + " checks: " + of);
        return of.get(0);
    }

    @Test
    void bothCrisesOfTheStoryAreChecked() {
        Set<String> crises = checks.stream().filter(Check::crisis).map(c -> c.incident().value())
                .collect(Collectors.toSet());
        assertEquals(Set.of("kestrel-0002", "kestrel-0003"), crises, printed);
    }

    @Test
    void cheerfulPostIsAllowedForAProblemAndBlockedDuringACrisis() {
        Check calm = checks.stream().filter(c -> c.kind() == Kind.POST && !c.crisis()).findFirst().orElseThrow();
        assertTrue(calm.result().ok(), () -> "before any crisis: " + calm.result().findings());
        for (String incident : List.of("kestrel-0002", "kestrel-0003")) {
            Check post = one(during(incident), Kind.POST);
            assertFalse(post.result().ok(), incident);
            assertEquals(FindingSeverity.BLOCK, post.result().findings(PostChecker.CRISIS_CHEERFUL).get(0).severity());
            assertTrue(post.result().has(PostChecker.CRISIS_APPROVAL), incident);
            assertTrue(post.result().findings(PostChecker.CRISIS_CHEERFUL).get(0).message().contains(incident),
                    "the finding names the crisis");
        }
    }

    @Test
    void badReplyDraftsAreFlaggedForBlameAndMissingNextStep() {
        for (String incident : List.of("kestrel-0002", "kestrel-0003")) {
            Check bad = one(during(incident), Kind.BAD_REPLY);
            assertFalse(bad.result().ok(), incident + ": " + bad.result().findings());
            assertTrue(bad.result().has(ReplyChecker.BLAME_OTHERS), incident);
            assertTrue(bad.result().has(ReplyChecker.NO_NEXT_STEP), incident);
        }
        // the storm post is the brand's own: it is at fault, so a reply without an apology is blocked
        assertTrue(one(during("kestrel-0003"), Kind.BAD_REPLY).result().has(ReplyChecker.MISSING_APOLOGY));
    }

    @Test
    void goodReplyDraftsPassWithoutFindings() {
        for (String incident : List.of("kestrel-0002", "kestrel-0003")) {
            Check good = one(during(incident), Kind.GOOD_REPLY);
            assertEquals(List.of(), good.result().findings(), incident);
        }
    }

    @Test
    void printsTheFindingsAManagerReads() {
        assertTrue(printed.contains("kestrel-0002 is now a CRISIS"), printed);
        assertTrue(printed.contains("-> BLOCKED"), printed);
        assertTrue(printed.contains("-> FLAGGED"), printed);
        assertTrue(printed.contains("crisis-cheerful: "), printed);
        assertTrue(printed.contains("blame-others: "), printed);
        assertTrue(printed.contains("2 planned posts blocked, 2 reply drafts flagged"), printed);
    }
}
