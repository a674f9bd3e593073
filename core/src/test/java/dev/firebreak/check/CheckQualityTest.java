package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of every rule on the labelled test sets in {@code src/test/resources/checks/}
 * (see {@link CheckQuality}), with floors. Prints the tables; {@code CheckQuality.main} prints them too.
 *
 * <p>Set C was never used to tune the word lists, so its figures are the estimate for unseen phrasings; the
 * floors on all sets together guard against regressions.
 */
class CheckQualityTest {

    private static List<CheckQuality.Outcome> posts;
    private static List<CheckQuality.Outcome> replies;

    @BeforeAll
    static void measure() {
        posts = CheckQuality.allPosts();
        replies = CheckQuality.allReplies();
        System.out.println(CheckQuality.report());
    }

    @Test
    void theSetsAreLargeEnoughAndCoverEveryRule() {
        assertTrue(posts.size() >= 60, "planned posts: " + posts.size());
        assertTrue(replies.size() >= 60, "reply drafts: " + replies.size());
        for (CheckQuality.RuleScore s : CheckQuality.scores(posts, CheckQuality.postRules()).values()) {
            assertTrue(s.support() >= 3, "rule " + s.rule() + " has only " + s.support() + " positive posts");
        }
        for (CheckQuality.RuleScore s : CheckQuality.scores(replies, CheckQuality.replyRules()).values()) {
            assertTrue(s.support() >= 5, "rule " + s.rule() + " has only " + s.support() + " positive drafts");
        }
        for (String lang : List.of("en", "fr", "nb", "nn", "es")) {
            assertTrue(replies.stream().filter(o -> o.lang().equals(lang)).count() >= 8, "few drafts in " + lang);
            assertTrue(posts.stream().filter(o -> o.lang().equals(lang)).count() >= 5, "few posts in " + lang);
        }
        for (String lang : List.of("de", "it", "pt", "zh")) {
            assertTrue(posts.stream().filter(o -> o.lang().equals(lang)).count() >= 2, "few posts in " + lang);
        }
    }

    @Test
    void everyPostRuleMeetsItsPrecisionAndRecallFloors() {
        assertFloors(CheckQuality.scores(posts, CheckQuality.postRules()), 0.90, 0.80);
    }

    @Test
    void everyReplyRuleMeetsItsPrecisionAndRecallFloors() {
        assertFloors(CheckQuality.scores(replies, CheckQuality.replyRules()), 0.90, 0.75);
    }

    @Test
    void rulesStayPreciseOnTheSetNeverUsedForTuning() {
        List<CheckQuality.Outcome> c = new ArrayList<>(CheckQuality.posts(CheckQuality.postFile("C")));
        List<String> failures = new ArrayList<>();
        collectPrecision(CheckQuality.scores(c, CheckQuality.postRules()), 0.80, failures);
        collectPrecision(CheckQuality.scores(CheckQuality.replies(CheckQuality.replyFile("C")),
                CheckQuality.replyRules()), 0.80, failures);
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void aGoodDraftIsFlaggedAtMostOneTimeInTenInEverySet() {
        for (String set : CheckQuality.SETS) {
            double replyRate = CheckQuality.falseFlagRate(CheckQuality.replies(CheckQuality.replyFile(set)));
            assertTrue(replyRate <= 0.10, String.format(Locale.ROOT, "set %s: %.0f%% of good drafts flagged", set,
                    100 * replyRate));
            double postRate = CheckQuality.falseFlagRate(CheckQuality.posts(CheckQuality.postFile(set)));
            assertTrue(postRate <= 0.10, String.format(Locale.ROOT, "set %s: %.0f%% of good posts flagged", set,
                    100 * postRate));
        }
    }

    private static void assertFloors(Map<String, CheckQuality.RuleScore> scores, double precision, double recall) {
        List<String> failures = new ArrayList<>();
        for (CheckQuality.RuleScore s : scores.values()) {
            if (s.precision() < precision) {
                failures.add(String.format(Locale.ROOT, "%s precision %.2f < %.2f", s.rule(), s.precision(), precision));
            }
            if (s.recall() < recall) {
                failures.add(String.format(Locale.ROOT, "%s recall %.2f < %.2f", s.rule(), s.recall(), recall));
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    private static void collectPrecision(Map<String, CheckQuality.RuleScore> scores, double floor,
            List<String> failures) {
        for (CheckQuality.RuleScore s : scores.values()) {
            if (s.tp() + s.fp() > 0 && s.precision() < floor) {
                failures.add(String.format(Locale.ROOT, "%s precision %.2f on set C", s.rule(), s.precision()));
            }
        }
    }
}
