package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.mention.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the README section "Checking posts and replies before they go out"; keep the two in step. */
class ChecksReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAsDescribed() {
        // --- README snippet start
        AccountRegistry registry = AccountRegistry.builder()
                .add(OwnedAccount.of(Platform.TWITTER, "acme", "acme", "alice"))
                .build();
        IncidentId outage = new IncidentId("acme-1");
        CrisisContext crisis = CrisisContext.builder()   // or engine.crisisContext("acme")
                .incident(ActiveIncident.of(outage, "acme", Severity.HIGH, List.of("#acmefail"), true))
                .build();

        PostChecker posts = PostChecker.builder().registry(registry).crisisContext(crisis).build();
        CheckResult post = posts.check(PlannedPost.builder("p1", "twitter:acme", "🎉 Flash sale: 40% off!")
                .approvedBy("dana").build());
        // post.ok() == false: crisis-cheerful (block) - cheerful content while acme-1 is a crisis

        ReplyChecker replies = ReplyChecker.builder().crisisContext(crisis).build();
        CheckResult reply = replies.check(ReplyDraft.inIncident("r1", outage,
                "This was caused by a glitch at our payment provider."));
        for (Finding f : reply.findings()) {
            System.out.println(f.severity() + " " + f.rule() + ": " + f.message());
        }
        // blame-others (block), missing-apology (block), no-next-step (warning)
        // --- README snippet end

        assertFalse(post.ok());
        assertEquals(List.of(PostChecker.CRISIS_CHEERFUL), post.findings().stream().map(Finding::rule).toList());
        assertEquals(List.of(ReplyChecker.BLAME_OTHERS, ReplyChecker.MISSING_APOLOGY, ReplyChecker.NO_NEXT_STEP),
                reply.findings().stream().map(Finding::rule).distinct().sorted().toList());
        assertFalse(reply.ok());
    }

    @Test
    void theReadmeCustomRuleExampleRuns() {
        // --- README custom rule start
        PostRule noCompetitors = PostRule.of("no-competitors", FindingSeverity.WARNING,
                "names a competitor", (post, context) -> {
                    List<Finding> out = new java.util.ArrayList<>();
                    for (WordMatch m : context.words().find("team.competitors", post.text())) {
                        out.add(context.finding("Names a competitor: leave them out of our posts.", m.span()));
                    }
                    return out;
                });
        PostChecker checker = PostChecker.builder()
                .words(CheckWords.defaults().withText("team.words", "[team.competitors]\nglobex\ninitech*\n"))
                .addRule(noCompetitors)
                .build();
        // --- README custom rule end
        CheckResult r = checker.check(PlannedPost.of("p", "twitter:acme", "Faster than Globex and Initech's"));
        assertEquals(2, r.findings("no-competitors").size());
        assertTrue(r.ok());
    }
}
