package dev.firebreak.escalation;

import dev.firebreak.escalation.internal.EscalationStateMachine;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The escalation of one incident: a state machine over {@link IncidentState} whose moves follow the
 * {@link Transitions} table, with two clocks evaluated on demand against the time the caller passes.
 *
 * <p>The rules:
 * <ul>
 *   <li>An incident starts at its severity's start level; that level must acknowledge within its ack
 *       timeout, and the brand must reply publicly within the severity's first-response time.</li>
 *   <li>A missed acknowledgement escalates to the next level.</li>
 *   <li>A missed first response escalates to the next level; an acknowledgement given meanwhile times
 *       out (escalation re-opens) and the first-response clock restarts: an incident acknowledged but
 *       still without a public reply keeps escalating.</li>
 *   <li>A severity increase escalates at once (to the next level, or to the new severity's start level
 *       if higher) and can only shorten the first-response deadline.</li>
 *   <li>Escalation stops at the severity's highest level; there the incident is reminded at most
 *       {@link EscalationPolicy#maxReminders()} times, then its clocks stop.</li>
 *   <li>A public reply stops the first-response clock and counts as acknowledgement.</li>
 * </ul>
 *
 * <p>Every method returns the events it caused, in order, stamped with {@code now}. Human actions
 * ({@link #acknowledge}, {@link #monitor}, {@link #resolve}, {@link #review}) throw
 * {@link IllegalTransitionException} naming both states when the table forbids them. Instances are not
 * thread-safe: the engine calls them under the brand's lock.
 */
public interface Escalation {

    /**
     * Starts the escalation of a newly detected incident at its severity's start level, with both
     * clocks running from {@code now}.
     */
    static Escalation start(IncidentId incident, String brand, EscalationPolicy policy, Severity severity,
            Instant now) {
        return EscalationStateMachine.start(incident, brand, policy, severity, now);
    }

    /** The handling state. */
    IncidentState state();

    /** A snapshot of the whole status. */
    EscalationStatus status();

    /** The earliest pending deadline, if any. */
    Optional<Instant> nextDeadline();

    /**
     * When the current level must acknowledge by, while it has not: the same as
     * {@code status().ackDeadline()}, without building the whole status.
     */
    default Optional<Instant> ackDeadline() {
        return status().ackDeadline();
    }

    /**
     * When the brand must reply publicly by, while it has not: the same as
     * {@code status().responseDeadline()}, without building the whole status.
     */
    default Optional<Instant> responseDeadline() {
        return status().responseDeadline();
    }

    /**
     * Someone at the current level takes the incident: acknowledged (or responding, if the brand has
     * already replied publicly).
     *
     * @throws IllegalTransitionException from responding, monitoring, resolved or reviewed
     */
    List<FirebreakEvent> acknowledge(String who, Instant now);

    /**
     * The brand replied publicly: the first-response clock stops and the incident is responding. In a
     * closed incident (resolved or reviewed) the reply is ignored and nothing is returned.
     */
    List<FirebreakEvent> recordPublicReply(String who, Instant now);

    /** The severity changed; an increase escalates at once. */
    List<FirebreakEvent> severityChanged(Severity to, Instant now);

    /** Evaluates the clocks at {@code now}: every deadline passed is reported and escalated. */
    List<FirebreakEvent> advance(Instant now);

    /**
     * The response is out and the team watches for a relapse.
     *
     * @throws IllegalTransitionException unless responding
     */
    List<FirebreakEvent> monitor(String who, Instant now);

    /**
     * The incident is over; its clocks stop.
     *
     * @throws IllegalTransitionException if already resolved or reviewed
     */
    List<FirebreakEvent> resolve(String who, Instant now);

    /**
     * The post-mortem review is done.
     *
     * @throws IllegalTransitionException unless resolved
     */
    List<FirebreakEvent> review(String who, Instant now);

    /**
     * Takes over what another escalation of the same story reached: its level (escalating with reason
     * {@link EscalationReason#MERGE} if higher) and its public reply.
     */
    List<FirebreakEvent> absorb(EscalationStatus other, Instant now);
}
