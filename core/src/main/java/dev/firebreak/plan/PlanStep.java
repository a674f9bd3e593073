package dev.firebreak.plan;

import dev.firebreak.escalation.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a response plan.
 *
 * @param kind what to do
 * @param owner who does it
 * @param due when it must be done
 * @param guidance what to do, in words a social-media manager reads
 * @param doneAt when it was marked done, if it was
 * @param doneBy who marked it done, if it was
 */
public record PlanStep(StepKind kind, Role owner, Instant due, String guidance, Optional<Instant> doneAt,
        Optional<String> doneBy) {

    /** Validates the fields: done time and done-by go together. */
    public PlanStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(doneAt, "doneAt");
        Objects.requireNonNull(doneBy, "doneBy");
        if (doneAt.isPresent() != doneBy.isPresent()) {
            throw new IllegalArgumentException("doneAt and doneBy must both be present or both absent");
        }
    }

    /** A step not yet done. */
    public static PlanStep open(StepKind kind, Role owner, Instant due, String guidance) {
        return new PlanStep(kind, owner, due, guidance, Optional.empty(), Optional.empty());
    }

    /** Whether the step was marked done. */
    public boolean isDone() {
        return doneAt.isPresent();
    }

    /** This step marked done at a time by someone. */
    public PlanStep markDone(Instant at, String by) {
        return new PlanStep(kind, owner, due, guidance, Optional.of(at), Optional.of(by));
    }

    /** Whether the step is open and its due time has passed at {@code now}. */
    public boolean isOverdue(Instant now) {
        return !isDone() && now.isAfter(due);
    }
}
