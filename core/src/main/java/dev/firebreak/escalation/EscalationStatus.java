package dev.firebreak.escalation;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an incident stands on the escalation ladder: a snapshot.
 *
 * @param state the handling state
 * @param level the current level, 1 for the lowest rung
 * @param role the current level's role
 * @param severity the severity the clocks run for
 * @param detectedAt when the incident was detected (the first-response clock starts here)
 * @param acknowledgedBy who acknowledged at the current level, if someone did and it has not timed out
 * @param acknowledgedAt when
 * @param ackDeadline when the current level must acknowledge by, while it has not
 * @param responseDeadline when the brand must reply publicly by, while it has not
 * @param respondedAt when the brand first replied publicly, if it did
 * @param respondedBy who replied
 * @param reminders reminders sent at the highest level
 * @param exhausted whether every reminder was spent and the clocks stopped
 * @param history every move up the ladder, oldest first (the first entry is the start level)
 */
public record EscalationStatus(
        IncidentState state,
        int level,
        Role role,
        Severity severity,
        Instant detectedAt,
        Optional<String> acknowledgedBy,
        Optional<Instant> acknowledgedAt,
        Optional<Instant> ackDeadline,
        Optional<Instant> responseDeadline,
        Optional<Instant> respondedAt,
        Optional<String> respondedBy,
        int reminders,
        boolean exhausted,
        List<EscalationRecord> history) {

    /** Validates and copies. */
    public EscalationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(ackDeadline, "ackDeadline");
        Objects.requireNonNull(responseDeadline, "responseDeadline");
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(respondedBy, "respondedBy");
        if (level < 1) {
            throw new IllegalArgumentException("level must be >= 1, was " + level);
        }
        history = List.copyOf(history);
    }

    /** The earliest pending deadline, if any. */
    public Optional<Instant> nextDeadline() {
        if (ackDeadline.isEmpty()) {
            return responseDeadline;
        }
        if (responseDeadline.isEmpty()) {
            return ackDeadline;
        }
        return Optional.of(ackDeadline.get().isBefore(responseDeadline.get()) ? ackDeadline.get()
                : responseDeadline.get());
    }

    /** Whether the brand has replied publicly. */
    public boolean responded() {
        return respondedAt.isPresent();
    }
}
