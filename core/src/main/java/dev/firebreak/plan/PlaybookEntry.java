package dev.firebreak.plan;

import dev.firebreak.classify.Category;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Platform;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a playbook: a step, who owns it, how long after the plan's basis it is due, and when it
 * applies. An empty set in a condition means "any".
 *
 * @param kind the step
 * @param owner who does it
 * @param dueAfter how long after the plan's basis (detection, or the severity change that added it) it is due
 * @param guidance what to do, in words a social-media manager reads
 * @param minSeverity the lowest severity it applies to
 * @param maxSeverity the highest severity it applies to
 * @param fault whether it applies when the brand is at fault, when it is not, or always
 * @param topicKinds the topic kinds it applies to, empty for any
 * @param categories the main categories it applies to, empty for any
 * @param platforms the main platforms it applies to, empty for any
 */
public record PlaybookEntry(StepKind kind, Role owner, Duration dueAfter, String guidance, Severity minSeverity,
        Severity maxSeverity, Fault fault, Set<Topic.Kind> topicKinds, Set<Category> categories,
        Set<Platform> platforms) {

    /** When an entry applies with respect to the brand's fault. */
    public enum Fault {
        /** Whether or not the brand is at fault. */
        ANY,
        /** Only when the brand is at fault. */
        AT_FAULT,
        /** Only when the brand is not at fault. */
        NOT_AT_FAULT
    }

    /** Validates and copies. */
    public PlaybookEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dueAfter, "dueAfter");
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(maxSeverity, "maxSeverity");
        Objects.requireNonNull(fault, "fault");
        if (dueAfter.isNegative() || dueAfter.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("dueAfter must be between 0 and 30 days, was " + dueAfter);
        }
        if (minSeverity.isAbove(maxSeverity)) {
            throw new IllegalArgumentException("minSeverity (" + minSeverity.jsonName() + ") must not be above maxSeverity ("
                    + maxSeverity.jsonName() + ")");
        }
        topicKinds = Set.copyOf(topicKinds);
        categories = Set.copyOf(categories);
        platforms = Set.copyOf(platforms);
    }

    /** An entry for a range of severities, any fault, topic, category and platform. */
    public static PlaybookEntry of(StepKind kind, Role owner, Duration dueAfter, Severity min, Severity max,
            String guidance) {
        return new PlaybookEntry(kind, owner, dueAfter, guidance, min, max, Fault.ANY, Set.of(), Set.of(), Set.of());
    }

    /** This entry restricted to a fault condition. */
    public PlaybookEntry when(Fault fault) {
        return new PlaybookEntry(kind, owner, dueAfter, guidance, minSeverity, maxSeverity, fault, topicKinds,
                categories, platforms);
    }

    /** This entry restricted to topics of these kinds. */
    public PlaybookEntry forTopics(Set<Topic.Kind> kinds) {
        return new PlaybookEntry(kind, owner, dueAfter, guidance, minSeverity, maxSeverity, fault, kinds, categories,
                platforms);
    }

    /** This entry restricted to these main categories. */
    public PlaybookEntry forCategories(Set<Category> categories) {
        return new PlaybookEntry(kind, owner, dueAfter, guidance, minSeverity, maxSeverity, fault, topicKinds,
                categories, platforms);
    }

    /** This entry restricted to these main platforms. */
    public PlaybookEntry forPlatforms(Set<Platform> platforms) {
        return new PlaybookEntry(kind, owner, dueAfter, guidance, minSeverity, maxSeverity, fault, topicKinds,
                categories, platforms);
    }

    /** Whether this entry applies to the context. */
    public boolean appliesTo(PlanContext c) {
        if (c.severity().compareTo(minSeverity) < 0 || c.severity().compareTo(maxSeverity) > 0) {
            return false;
        }
        if (fault == Fault.AT_FAULT && !c.atFault() || fault == Fault.NOT_AT_FAULT && c.atFault()) {
            return false;
        }
        if (!topicKinds.isEmpty() && !topicKinds.contains(c.topic().kind())) {
            return false;
        }
        if (!categories.isEmpty() && (c.category().isEmpty() || !categories.contains(c.category().get()))) {
            return false;
        }
        return platforms.isEmpty() || c.platform().isPresent() && platforms.contains(c.platform().get());
    }
}
