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
    void aSingleNegativeAuthorIsStillCalledOneUnhappyCustomer() {
        assertEquals(List.of("1 negative author (a single unhappy customer), below every threshold"),
                policy.assess(authors(1)).reasons());
        assertEquals(List.of("no negative author, below every threshold"),
                policy.assess(SeverityInputs.NONE).reasons());
    }
}
