package dev.firebreak.events;

import dev.firebreak.detect.Alert;
import dev.firebreak.escalation.Contact;
import dev.firebreak.escalation.DeadlineKind;
import dev.firebreak.escalation.EscalationReason;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.plan.ResponsePlan;
import dev.firebreak.plan.StepKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the engine did or saw, stamped with the time of the engine's clock: the audit trail of an
 * incident, from the first alert to the review. Consume with {@code instanceof} patterns:
 *
 * <pre>{@code
 * engine = CrisisEngine.builder()...listener(e -> {
 *     if (e instanceof FirebreakEvent.Escalated esc) {
 *         pager.call(esc.contacts(), esc.incident());
 *     }
 * }).build();
 * }</pre>
 */
public sealed interface FirebreakEvent {

    /** When it happened, by the engine's clock. */
    Instant at();

    /** The brand it concerns; empty for a mention no brand could take. */
    String brand();

    /**
     * An incident was opened.
     *
     * @param reason why, in words (the signal or the mention that opened it)
     * @param snapshot the incident as opened
     */
    record IncidentOpened(Instant at, String brand, IncidentId incident, Topic topic, Severity severity,
            String reason, Incident snapshot) implements FirebreakEvent {
        public IncidentOpened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * An incident's severity changed: up at once, down only after sustained calm.
     *
     * @param watch whether it is flagged to watch after the change (a {@link WatchChanged} follows when this
     *     differs from before)
     * @param reasons the rules that decided the new severity
     */
    record SeverityChanged(Instant at, String brand, IncidentId incident, Severity from, Severity to, boolean watch,
            List<String> reasons) implements FirebreakEvent {
        public SeverityChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            reasons = List.copyOf(reasons);
        }

        /** Whether this change crosses the line from problem to crisis. */
        public boolean becameCrisis() {
            return !from.isCrisis() && to.isCrisis();
        }
    }

    /**
     * An incident got or lost the {@code watch} flag (see {@link Incident#watch()}): still a problem, but close to
     * the crisis line. Emitted after the change, as the others: right after {@link IncidentOpened} (and its
     * {@link PlanUpdated}) when an incident opens flagged, and after the {@link SeverityChanged} (and what follows
     * it) when a severity change moves the flag; a crisis is never flagged, so becoming one clears it.
     *
     * @param watch whether the incident is flagged to watch now
     * @param reason why, in words (what brings it near the line, or why it is no longer watched)
     */
    record WatchChanged(Instant at, String brand, IncidentId incident, boolean watch, String reason)
            implements FirebreakEvent {
        public WatchChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A detection signal fired; the alert says why. */
    record AlertRaised(Instant at, String brand, Alert alert) implements FirebreakEvent {
        public AlertRaised {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * An incident moved up the ladder, or was reminded at its highest level ({@code fromLevel == toLevel}).
     *
     * @param fromLevel the level before, 1-based
     * @param toLevel the level now, 1-based
     * @param role the role of the new level
     * @param contacts whom to call
     */
    record Escalated(Instant at, String brand, IncidentId incident, int fromLevel, int toLevel, Role role,
            List<Contact> contacts, EscalationReason reason) implements FirebreakEvent {
        public Escalated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(reason, "reason");
            contacts = List.copyOf(contacts);
        }

        /** Whether this is a reminder at the same level rather than a move up. */
        public boolean isReminder() {
            return fromLevel == toLevel;
        }
    }

    /**
     * A deadline passed without what it waited for; an {@link Escalated} or
     * {@link EscalationExhausted} event follows at the same time.
     *
     * @param deadline when it was due
     * @param level the level that missed it, 1-based
     */
    record DeadlineMissed(Instant at, String brand, IncidentId incident, DeadlineKind kind, Instant deadline, int level,
            Role role) implements FirebreakEvent {
        public DeadlineMissed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(role, "role");
        }
    }

    /** The incident missed a deadline at its highest level after every reminder: its clocks stop. */
    record EscalationExhausted(Instant at, String brand, IncidentId incident, int level, Role role)
            implements FirebreakEvent {
        public EscalationExhausted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(role, "role");
        }
    }

    /** Someone acknowledged the incident at its current level. */
    record Acknowledged(Instant at, String brand, IncidentId incident, String by, int level, Role role)
            implements FirebreakEvent {
        public Acknowledged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * The brand replied publicly inside the incident: this stops the first-response clock.
     *
     * @param by who (an owned account's handle, or the person who recorded it)
     * @param reply the owned mention that was the reply, when it was seen by the engine
     */
    record PublicReplyRecorded(Instant at, String brand, IncidentId incident, String by, Optional<MentionKey> reply)
            implements FirebreakEvent {
        public PublicReplyRecorded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The incident's handling state changed (a move in the transition table). */
    record StateChanged(Instant at, String brand, IncidentId incident, IncidentState from, IncidentState to, String by)
            implements FirebreakEvent {
        public StateChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * The response plan was made or remade (after a severity change); done steps stay done.
     *
     * @param added the kinds of step new in this version
     */
    record PlanUpdated(Instant at, String brand, IncidentId incident, ResponsePlan plan, List<StepKind> added)
            implements FirebreakEvent {
        public PlanUpdated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(plan, "plan");
            added = List.copyOf(added);
        }
    }

    /** A plan step was marked done. */
    record StepCompleted(Instant at, String brand, IncidentId incident, StepKind step, String by)
            implements FirebreakEvent {
        public StepCompleted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * The engine asked a publishing control to hold the brand's scheduled content, as a crisis plan
     * says.
     *
     * @param control the control's name
     * @param held how many posts were held
     * @param failures what could not be held (posts with reasons, or the control's error); empty when
     *     complete
     */
    record PublishingPaused(Instant at, String brand, IncidentId incident, String control, int held,
            List<String> failures) implements FirebreakEvent {
        public PublishingPaused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(control, "control");
            failures = List.copyOf(failures);
        }

        /** Whether every scheduled post was held. */
        public boolean isComplete() {
            return failures.isEmpty();
        }
    }

    /**
     * The engine released the brand's held content: the incidents that paused it are resolved.
     *
     * @param released how many posts were released
     * @param failures what could not be released; empty when complete
     */
    record PublishingResumed(Instant at, String brand, String control, int released, List<String> failures)
            implements FirebreakEvent {
        public PublishingResumed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(control, "control");
            failures = List.copyOf(failures);
        }
    }

    /**
     * Two incidents turned out to be one story: {@code absorbed} was merged into {@code survivor},
     * which keeps its id; actions on the absorbed id apply to the survivor.
     */
    record IncidentsMerged(Instant at, String brand, IncidentId survivor, IncidentId absorbed, String reason)
            implements FirebreakEvent {
        public IncidentsMerged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(survivor, "survivor");
            Objects.requireNonNull(absorbed, "absorbed");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A mention could not be processed (the classifier failed on it, say): the dead-letter path. The
     * mention is not counted anywhere; ingest it again once the cause is fixed.
     */
    record MentionRejected(Instant at, String brand, MentionKey mention, String reason) implements FirebreakEvent {
        public MentionRejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(mention, "mention");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
