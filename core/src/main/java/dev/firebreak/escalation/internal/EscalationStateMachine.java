package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.DeadlineKind;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationReason;
import dev.firebreak.escalation.EscalationRecord;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.escalation.Transitions;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The implementation of {@link Escalation}. Internal: use {@link Escalation#start}. Its whole state is
 * the {@link EscalationStatus} it reports, so {@link #restore} rebuilds it from a snapshot.
 */
public final class EscalationStateMachine implements Escalation {

    /** Deadlines handled in one {@link #advance} call, a guard against a pathological policy. */
    private static final int MAX_STEPS_PER_ADVANCE = 64;

    private final IncidentId incident;
    private final String brand;
    private final EscalationPolicy policy;

    private IncidentState state;
    private int level;
    private Severity severity;
    private final Instant detectedAt;
    private String ackBy;
    private Instant ackAt;
    private Instant ackDeadline;
    private Instant responseDeadline;
    private Instant respondedAt;
    private String respondedBy;
    private int reminders;
    private boolean exhausted;
    private final List<EscalationRecord> history;

    private EscalationStateMachine(IncidentId incident, String brand, EscalationPolicy policy,
            EscalationStatus s) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.brand = Objects.requireNonNull(brand, "brand");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.state = s.state();
        this.level = Math.min(s.level(), policy.levels().size());
        this.severity = s.severity();
        this.detectedAt = s.detectedAt();
        this.ackBy = s.acknowledgedBy().orElse(null);
        this.ackAt = s.acknowledgedAt().orElse(null);
        this.ackDeadline = s.ackDeadline().orElse(null);
        this.responseDeadline = s.responseDeadline().orElse(null);
        this.respondedAt = s.respondedAt().orElse(null);
        this.respondedBy = s.respondedBy().orElse(null);
        this.reminders = s.reminders();
        this.exhausted = s.exhausted();
        this.history = new ArrayList<>(s.history());
    }

    /** A new escalation at the severity's start level. */
    public static EscalationStateMachine start(IncidentId incident, String brand, EscalationPolicy policy,
            Severity severity, Instant now) {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(now, "now");
        int start = policy.startLevel(severity);
        EscalationLevel l = policy.level(start);
        EscalationStatus s = new EscalationStatus(IncidentState.DETECTED, start, l.role(), severity, now,
                Optional.empty(), Optional.empty(), Optional.of(now.plus(l.ackTimeout())),
                Optional.of(now.plus(policy.firstResponse(severity))), Optional.empty(), Optional.empty(), 0, false,
                List.of(new EscalationRecord(start, l.role(), now, EscalationReason.OPENED)));
        return new EscalationStateMachine(incident, brand, policy, s);
    }

    /** Rebuilds a machine from a status snapshot (see the brand-state codec). */
    public static EscalationStateMachine restore(IncidentId incident, String brand, EscalationPolicy policy,
            EscalationStatus status) {
        return new EscalationStateMachine(incident, brand, policy, status);
    }

    @Override
    public IncidentState state() {
        return state;
    }

    @Override
    public EscalationStatus status() {
        EscalationLevel l = policy.level(level);
        return new EscalationStatus(state, level, l.role(), severity, detectedAt, Optional.ofNullable(ackBy),
                Optional.ofNullable(ackAt), Optional.ofNullable(ackDeadline), Optional.ofNullable(responseDeadline),
                Optional.ofNullable(respondedAt), Optional.ofNullable(respondedBy), reminders, exhausted, history);
    }

    @Override
    public Optional<Instant> ackDeadline() {
        return Optional.ofNullable(ackDeadline);
    }

    @Override
    public Optional<Instant> responseDeadline() {
        return Optional.ofNullable(responseDeadline);
    }

    @Override
    public Optional<Instant> nextDeadline() {
        if (ackDeadline == null) {
            return Optional.ofNullable(responseDeadline);
        }
        if (responseDeadline == null) {
            return Optional.of(ackDeadline);
        }
        return Optional.of(ackDeadline.isBefore(responseDeadline) ? ackDeadline : responseDeadline);
    }

    @Override
    public List<FirebreakEvent> acknowledge(String who, Instant now) {
        requireWho(who);
        Transitions.check(state, IncidentState.ACKNOWLEDGED);
        List<FirebreakEvent> out = new ArrayList<>(2);
        ackBy = who;
        ackAt = now;
        ackDeadline = null;
        out.add(new FirebreakEvent.Acknowledged(now, brand, incident, who, level, policy.level(level).role()));
        move(respondedAt != null ? IncidentState.RESPONDING : IncidentState.ACKNOWLEDGED, who, now, out);
        return out;
    }

    @Override
    public List<FirebreakEvent> recordPublicReply(String who, Instant now) {
        requireWho(who);
        if (!Transitions.isOpen(state)) {
            return List.of();
        }
        List<FirebreakEvent> out = new ArrayList<>(2);
        if (respondedAt == null) {
            respondedAt = now;
            respondedBy = who;
        }
        responseDeadline = null;
        if (ackDeadline != null) {
            // a public reply is handling the incident: it counts as acknowledgement at this level
            ackDeadline = null;
            ackBy = who;
            ackAt = now;
        }
        out.add(new FirebreakEvent.PublicReplyRecorded(now, brand, incident, who, Optional.empty()));
        if (state == IncidentState.DETECTED || state == IncidentState.ACKNOWLEDGED
                || state == IncidentState.ESCALATED) {
            move(IncidentState.RESPONDING, who, now, out);
        }
        return out;
    }

    @Override
    public List<FirebreakEvent> severityChanged(Severity to, Instant now) {
        Objects.requireNonNull(to, "to");
        Severity from = severity;
        severity = to;
        if (!to.isAbove(from) || !Transitions.isOpen(state)) {
            return List.of();
        }
        List<FirebreakEvent> out = new ArrayList<>(2);
        if (respondedAt == null) {
            Instant candidate = now.plus(policy.firstResponse(to));
            if (responseDeadline == null || candidate.isBefore(responseDeadline)) {
                responseDeadline = candidate;
            }
        }
        int target = Math.min(Math.max(level + 1, policy.startLevel(to)), policy.maxLevel(to));
        if (target > level) {
            exhausted = false;
            reminders = 0;
            climb(target, EscalationReason.SEVERITY_INCREASE, now, out);
        }
        return out;
    }

    @Override
    public List<FirebreakEvent> advance(Instant now) {
        Objects.requireNonNull(now, "now");
        List<FirebreakEvent> out = null;
        for (int step = 0; step < MAX_STEPS_PER_ADVANCE && Transitions.isOpen(state); step++) {
            Instant due = nextDeadline().orElse(null);
            if (due == null || due.isAfter(now)) {
                break;
            }
            if (out == null) {
                out = new ArrayList<>(4);
            }
            if (ackDeadline != null && !ackDeadline.isAfter(now)
                    && (responseDeadline == null || !responseDeadline.isBefore(ackDeadline))) {
                Instant missed = ackDeadline;
                ackDeadline = null;
                out.add(new FirebreakEvent.DeadlineMissed(now, brand, incident, DeadlineKind.ACKNOWLEDGEMENT, missed,
                        level, policy.level(level).role()));
                escalateOrRemind(EscalationReason.ACK_TIMEOUT, now, out);
            } else {
                Instant missed = responseDeadline;
                responseDeadline = null;
                out.add(new FirebreakEvent.DeadlineMissed(now, brand, incident, DeadlineKind.FIRST_RESPONSE, missed,
                        level, policy.level(level).role()));
                // an acknowledgement that did not lead to a public reply times out: escalation re-opens
                ackBy = null;
                ackAt = null;
                boolean stillRunning = escalateOrRemind(EscalationReason.FIRST_RESPONSE_MISSED, now, out);
                if (stillRunning) {
                    responseDeadline = now.plus(policy.firstResponse(severity));
                }
            }
        }
        return out == null ? List.of() : out;
    }

    @Override
    public List<FirebreakEvent> monitor(String who, Instant now) {
        requireWho(who);
        Transitions.check(state, IncidentState.MONITORING);
        List<FirebreakEvent> out = new ArrayList<>(1);
        move(IncidentState.MONITORING, who, now, out);
        return out;
    }

    @Override
    public List<FirebreakEvent> resolve(String who, Instant now) {
        requireWho(who);
        Transitions.check(state, IncidentState.RESOLVED);
        List<FirebreakEvent> out = new ArrayList<>(1);
        ackDeadline = null;
        responseDeadline = null;
        move(IncidentState.RESOLVED, who, now, out);
        return out;
    }

    @Override
    public List<FirebreakEvent> review(String who, Instant now) {
        requireWho(who);
        Transitions.check(state, IncidentState.REVIEWED);
        List<FirebreakEvent> out = new ArrayList<>(1);
        move(IncidentState.REVIEWED, who, now, out);
        return out;
    }

    @Override
    public List<FirebreakEvent> absorb(EscalationStatus other, Instant now) {
        Objects.requireNonNull(other, "other");
        if (!Transitions.isOpen(state)) {
            return List.of();
        }
        List<FirebreakEvent> out = new ArrayList<>(2);
        if (other.severity().isAbove(severity)) {
            severity = other.severity();
        }
        if (other.respondedAt().isPresent() && respondedAt == null) {
            out.addAll(recordPublicReply(other.respondedBy().orElse("merge"), now));
        }
        int target = Math.min(other.level(), policy.levels().size());
        if (target > level) {
            climb(target, EscalationReason.MERGE, now, out);
        }
        return out;
    }

    // ---------------------------------------------------------------- internals

    /** Escalates one level, or reminds at the top; returns false when exhausted (clocks stopped). */
    private boolean escalateOrRemind(EscalationReason reason, Instant now, List<FirebreakEvent> out) {
        int ceiling = policy.maxLevel(severity);
        if (level < ceiling) {
            climb(level + 1, reason, now, out);
            return true;
        }
        EscalationLevel l = policy.level(level);
        if (reminders < policy.maxReminders()) {
            reminders++;
            ackBy = null;
            ackAt = null;
            ackDeadline = now.plus(l.ackTimeout());
            out.add(new FirebreakEvent.Escalated(now, brand, incident, level, level, l.role(), l.contacts(), reason));
            if (state != IncidentState.ESCALATED && Transitions.isLegal(state, IncidentState.ESCALATED)) {
                move(IncidentState.ESCALATED, "firebreak", now, out);
            }
            return true;
        }
        exhausted = true;
        ackDeadline = null;
        responseDeadline = null;
        out.add(new FirebreakEvent.EscalationExhausted(now, brand, incident, level, l.role()));
        return false;
    }

    private void climb(int target, EscalationReason reason, Instant now, List<FirebreakEvent> out) {
        int from = level;
        level = target;
        EscalationLevel l = policy.level(level);
        ackBy = null;
        ackAt = null;
        ackDeadline = now.plus(l.ackTimeout());
        history.add(new EscalationRecord(level, l.role(), now, reason));
        out.add(new FirebreakEvent.Escalated(now, brand, incident, from, level, l.role(), l.contacts(), reason));
        if (Transitions.isLegal(state, IncidentState.ESCALATED)) {
            move(IncidentState.ESCALATED, "firebreak", now, out);
        }
    }

    private void move(IncidentState to, String by, Instant now, List<FirebreakEvent> out) {
        Transitions.check(state, to);
        IncidentState from = state;
        state = to;
        if (from != to) {
            out.add(new FirebreakEvent.StateChanged(now, brand, incident, from, to, by));
        }
    }

    private static void requireWho(String who) {
        Objects.requireNonNull(who, "who");
        if (who.isBlank()) {
            throw new IllegalArgumentException("who must not be blank: name the person or account acting");
        }
    }
}
