package dev.firebreak.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityPolicyReasonTest {

    private final SeverityPolicy policy = SeverityPolicy.defaults();

    private static SeverityInputs authors(long n) {
        return new SeverityInputs(n, n, 1, n * 100, 0, 100, false);
    }

    @Test
    void belowEveryThresholdNamesTheFigureAsTheThresholdRulesDo() {
        SeverityAssessment four = policy.assess(authors(4));
        SeverityAssessment six = policy.assess(authors(6));
        assertEquals(Severity.LOW, four.severity());
        assertEquals(List.of("4 negative authors, below every threshold"), four.reasons());
        assertEquals(Severity.MODERATE, six.severity());
        assertEquals(List.of("6 negative authors (threshold 5)"), six.reasons());
    }

    @Test
    void watchReasonSaysWhatBringsAProblemNearTheLineOrWhyItIsNotWatched() {
        SeverityInputs influencer = new SeverityInputs(4, 4, 1, 300_000, 0, 150_000, false);
        assertEquals("a negative influencer (150000 followers)", policy.watchReason(influencer));
        SeverityInputs near = new SeverityInputs(40, 14, 30, 20_000, 0, 2_000, false);
        assertEquals(Severity.MODERATE, policy.assess(near).severity());
        assertEquals("14 negative authors, at least 50% of the crisis threshold 25; 30 negative mentions in one "
                + "bucket, at least 50% of the crisis threshold 50", policy.watchReason(near));
        assertEquals("a sensitive category", policy.watchReason(new SeverityInputs(1, 1, 1, 10, 0, 10, true)));
        assertEquals("a crisis (high)", policy.watchReason(authors(30)));
        assertEquals("no negative influencer, no sensitive category, every figure below 50% of its crisis threshold",
                policy.watchReason(authors(6)));
    }

    @Test
    void aSingleNegativeAuthorIsStillCalledOneUnhappyCustomer() {
        assertEquals(List.of("1 negative author (a single unhappy customer), below every threshold"),
                policy.assess(authors(1)).reasons());
        assertEquals(List.of("no negative author, below every threshold"),
                policy.assess(SeverityInputs.NONE).reasons());
    }
}
