package dev.firebreak.plan;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered steps for handling one incident, made by the playbook for the incident's severity,
 * category, platform and fault. The plan is remade when the severity changes; steps already done
 * stay done.
 *
 * @param incident the incident it is for
 * @param severity the severity it was made for
 * @param steps the steps, in the order to do them
 */
public record ResponsePlan(IncidentId incident, Severity severity, List<PlanStep> steps) {

    /** Validates and copies. */
    public ResponsePlan {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(severity, "severity");
        steps = List.copyOf(steps);
    }

    /** The first step of this kind, if the plan has one. */
    public Optional<PlanStep> step(StepKind kind) {
        for (PlanStep s : steps) {
            if (s.kind() == kind) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether every step is done. */
    public boolean isComplete() {
        for (PlanStep s : steps) {
            if (!s.isDone()) {
                return false;
            }
        }
        return true;
    }
}
