package dev.firebreak.incident;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link SeverityPolicy} concluded.
 *
 * @param severity the severity the rules give
 * @param watch whether, short of a crisis, the figures come close to one (flag to watch)
 * @param reasons the rules that decided, in words, for example {@code "influencer @x (250000 followers)
 *     with 6 negative authors"}
 */
public record SeverityAssessment(Severity severity, boolean watch, List<String> reasons) {

    /** Validates and copies. */
    public SeverityAssessment {
        Objects.requireNonNull(severity, "severity");
        reasons = List.copyOf(reasons);
    }
}
