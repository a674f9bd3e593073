package dev.firebreak.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * One move up the ladder, for the audit trail and the post-mortem.
 *
 * @param level the level moved to, 1 for the lowest rung
 * @param role the role of that level
 * @param at when
 * @param reason why
 */
public record EscalationRecord(int level, Role role, Instant at, EscalationReason reason) {

    /** Validates the fields. */
    public EscalationRecord {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (level < 1) {
            throw new IllegalArgumentException("level must be >= 1, was " + level);
        }
    }
}
