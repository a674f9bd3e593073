package dev.firebreak.plan;

import dev.firebreak.classify.Category;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Playbook} needs to know about an incident to make its plan.
 *
 * @param incident the incident
 * @param severity its severity
 * @param topic what it is about
 * @param category its main category, if any
 * @param platform the platform with most of its mentions, if known
 * @param atFault whether the brand is at fault (apologise) or not (explain the policy)
 * @param basis the time due times count from
 */
public record PlanContext(IncidentId incident, Severity severity, Topic topic, Optional<Category> category,
        Optional<Platform> platform, boolean atFault, Instant basis) {

    /** Validates the fields. */
    public PlanContext {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(basis, "basis");
    }
}
