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

    /** The incidents that became a crisis, in the order they did. */
    private static List<String> crises() {
        return checks.stream().filter(Check::crisis).map(c -> c.incident().value()).distinct().toList();
    }

    @Test
    void bothCrisesOfTheStoryAreChecked() {
        // the billing storm (its facebook side may turn into a crisis a few minutes before it is merged
        // into the twitter side) and the own-post blunder
        List<String> crises = crises();
        assertTrue(crises.size() >= 2, printed);
        assertTrue(crises.contains("kestrel-0002"), printed);
    }

    @Test
    void cheerfulPostIsAllowedForAProblemAndBlockedDuringACrisis() {
        Check calm = checks.stream().filter(c -> c.kind() == Kind.POST && !c.crisis()).findFirst().orElseThrow();
        assertTrue(calm.result().ok(), () -> "before any crisis: " + calm.result().findings());
        for (String incident : crises()) {
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
        List<String> crises = crises();
        for (String incident : crises) {
            Check bad = one(during(incident), Kind.BAD_REPLY);
            assertFalse(bad.result().ok(), incident + ": " + bad.result().findings());
            assertTrue(bad.result().has(ReplyChecker.BLAME_OTHERS), incident);
            assertTrue(bad.result().has(ReplyChecker.NO_NEXT_STEP), incident);
        }
        // the last crisis is the brand's own post: it is at fault, so a reply without an apology is blocked
        String blunder = crises.get(crises.size() - 1);
        assertTrue(one(during(blunder), Kind.BAD_REPLY).result().has(ReplyChecker.MISSING_APOLOGY));
    }

    @Test
    void eachCrisisChecksTheDraftsOfItsOwnStory() {
        // the drafts about the double charges go to the app's crises (day 2), the storm drafts to the own post's (day 4)
        List<String> crises = crises();
        String blunder = crises.get(crises.size() - 1);
        for (String incident : crises) {
            for (Check draft : during(incident)) {
                if (draft.kind() == Kind.POST) {
                    continue;
                }
                String text = draft.text().toLowerCase(java.util.Locale.ROOT);
                boolean aboutTheStorm = text.contains("post") && !text.contains("charge");
                assertEquals(incident.equals(blunder), aboutTheStorm, incident + ": " + draft.text());
            }
        }
    }

    @Test
    void goodReplyDraftsPassWithoutFindings() {
        for (String incident : crises()) {
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
        int crises = crises().size();
        assertTrue(printed.contains(crises + " planned posts blocked, " + crises + " reply drafts flagged"), printed);
    }
}
