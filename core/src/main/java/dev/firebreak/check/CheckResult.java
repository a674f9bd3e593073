package dev.firebreak.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one planned post or reply draft.
 *
 * <p>{@link #ok()} is {@code true} when no finding has severity {@link FindingSeverity#BLOCK}: warnings and
 * information do not stop a post, they ask for a second look.
 *
 * @param id the id of the post or draft checked
 * @param findings what the rules found, most serious first, then in text order
 * @param checkedAt when it was checked, from the checker's clock
 */
public record CheckResult(String id, List<Finding> findings, Instant checkedAt) {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparingInt(f -> f.span().map(TextSpan::start).orElse(-1))
            .thenComparing(Finding::rule);

    /** Validates and sorts the findings: most serious first, then by position in the text. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkedAt, "checkedAt");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
    }

    /** Whether it may go out as it is: no finding is {@link FindingSeverity#BLOCK}. */
    public boolean ok() {
        for (Finding f : findings) {
            if (f.severity() == FindingSeverity.BLOCK) {
                return false;
            }
        }
        return true;
    }

    /** Whether a rule found something. */
    public boolean has(String ruleId) {
        for (Finding f : findings) {
            if (f.rule().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    /** The findings of one rule. */
    public List<Finding> findings(String ruleId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.rule().equals(ruleId)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The findings at least as serious as {@code severity}. */
    public List<Finding> atLeast(FindingSeverity severity) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity().isAtLeast(severity)) {
                out.add(f);
            }
        }
        return out;
    }
}
