package dev.firebreak.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of human actions, severity changes and passing time on a fake clock, applied both to
 * the escalation state machine and to a plain reference model of the rules; after every step they must
 * agree, every state change must be in the transition table, and no deadline may be left overdue.
 */
class EscalationModelTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** One step of a simulation. */
    record Step(int kind, int severity, int minutes) {
        @Override
        public String toString() {
            String[] names = {"ack", "reply", "severity", "advance", "monitor", "resolve", "review"};
            return names[kind] + (kind == 2 ? "(" + Severity.values()[severity] + ")" : kind == 3 ? "(" + minutes
                    + "m)" : "");
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0).map(k -> new Step(0, 0, 0))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(1).map(k -> new Step(1, 0, 0))),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 3).map(s -> new Step(2, s, 0))),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 90).map(m -> new Step(3, 0, m))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(4).map(k -> new Step(4, 0, 0))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(5).map(k -> new Step(5, 0, 0))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(6).map(k -> new Step(6, 0, 0))));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 400, seed = "20260302")
    void machineAgreesWithReferenceModel(@ForAll("steps") List<Step> steps,
            @ForAll("severities") Severity initial) {
        EscalationPolicy policy = EscalationPolicy.defaults();
        Instant now = T0;
        Escalation real = Escalation.start(new IncidentId("b-0001"), "b", policy, initial, now);
        Model model = new Model(policy, initial, now);
        IncidentState lastState = IncidentState.DETECTED;
        for (Step s : steps) {
            List<FirebreakEvent> events = List.of();
            boolean realIllegal = false;
            boolean modelIllegal;
            switch (s.kind()) {
                case 0:
                    modelIllegal = !model.ack();
                    try {
                        events = real.acknowledge("maria", now);
                    } catch (IllegalTransitionException e) {
                        realIllegal = true;
                    }
                    break;
                case 1:
                    modelIllegal = false;
                    model.reply();
                    events = real.recordPublicReply("brand", now);
                    break;
                case 2:
                    modelIllegal = false;
                    model.severity(Severity.values()[s.severity()], now);
                    events = real.severityChanged(Severity.values()[s.severity()], now);
                    break;
                case 3:
                    modelIllegal = false;
                    now = now.plus(Duration.ofMinutes(s.minutes()));
                    model.advance(now);
                    events = real.advance(now);
                    Instant next = real.nextDeadline().orElse(null);
                    assertTrue(next == null || next.isAfter(now), "a deadline was left overdue: " + next);
                    break;
                case 4:
                    modelIllegal = !model.monitor();
                    try {
                        events = real.monitor("lead", now);
                    } catch (IllegalTransitionException e) {
                        realIllegal = true;
                    }
                    break;
                case 5:
                    modelIllegal = !model.resolve();
                    try {
                        events = real.resolve("lead", now);
                    } catch (IllegalTransitionException e) {
                        realIllegal = true;
                    }
                    break;
                default:
                    modelIllegal = !model.review();
                    try {
                        events = real.review("lead", now);
                    } catch (IllegalTransitionException e) {
                        realIllegal = true;
                    }
                    break;
            }
            assertEquals(modelIllegal, realIllegal, () -> "legality differs at " + s + " in " + steps);
            for (int i = 0; i < events.size(); i++) {
                FirebreakEvent e = events.get(i);
                if (e instanceof FirebreakEvent.StateChanged) {
                    FirebreakEvent.StateChanged sc = (FirebreakEvent.StateChanged) e;
                    assertEquals(lastState, sc.from(), "state changes chain");
                    assertTrue(Transitions.isLegal(sc.from(), sc.to()), "illegal move " + sc);
                    lastState = sc.to();
                }
                if (e instanceof FirebreakEvent.DeadlineMissed) {
                    FirebreakEvent next = i + 1 < events.size() ? events.get(i + 1) : null;
                    assertTrue(next instanceof FirebreakEvent.Escalated
                                    || next instanceof FirebreakEvent.EscalationExhausted,
                            "a missed deadline is escalated or reported exhausted: " + events);
                }
            }
            EscalationStatus st = real.status();
            assertEquals(model.state, st.state(), () -> "state after " + s + " in " + steps);
            assertEquals(model.level, st.level(), () -> "level after " + s + " in " + steps);
            assertEquals(model.ackDeadline, st.ackDeadline().orElse(null), () -> "ack deadline after " + s);
            assertEquals(model.responseDeadline, st.responseDeadline().orElse(null), () -> "response deadline after "
                    + s + " in " + steps);
            assertEquals(model.exhausted, st.exhausted());
            assertEquals(lastState, st.state());
        }
    }

    @Provide
    Arbitrary<Severity> severities() {
        return Arbitraries.of(Severity.class);
    }

    /** The rules of {@link Escalation}, written plainly, without the transition table. */
    static final class Model {
        final EscalationPolicy policy;
        IncidentState state = IncidentState.DETECTED;
        int level;
        Severity severity;
        Instant ackDeadline;
        Instant responseDeadline;
        boolean responded;
        int reminders;
        boolean exhausted;
        Instant now;

        Model(EscalationPolicy policy, Severity severity, Instant now) {
            this.policy = policy;
            this.severity = severity;
            this.now = now;
            level = policy.startLevel(severity);
            ackDeadline = now.plus(policy.level(level).ackTimeout());
            responseDeadline = now.plus(policy.firstResponse(severity));
        }

        boolean open() {
            return state != IncidentState.RESOLVED && state != IncidentState.REVIEWED;
        }

        boolean ack() {
            if (!open() || state == IncidentState.RESPONDING || state == IncidentState.MONITORING) {
                return false;
            }
            ackDeadline = null;
            state = responded ? IncidentState.RESPONDING : IncidentState.ACKNOWLEDGED;
            return true;
        }

        void reply() {
            if (!open()) {
                return;
            }
            responded = true;
            responseDeadline = null;
            ackDeadline = null;
            if (state == IncidentState.DETECTED || state == IncidentState.ACKNOWLEDGED
                    || state == IncidentState.ESCALATED) {
                state = IncidentState.RESPONDING;
            }
        }

        void severity(Severity to, Instant at) {
            now = at;
            Severity from = severity;
            severity = to;
            if (to.compareTo(from) <= 0 || !open()) {
                return;
            }
            if (!responded) {
                Instant c = at.plus(policy.firstResponse(to));
                if (responseDeadline == null || c.isBefore(responseDeadline)) {
                    responseDeadline = c;
                }
            }
            int target = Math.min(Math.max(level + 1, policy.startLevel(to)), policy.maxLevel(to));
            if (target > level) {
                exhausted = false;
                reminders = 0;
                climb(target);
            }
        }

        void climb(int to) {
            level = to;
            ackDeadline = now.plus(policy.level(level).ackTimeout());
            state = IncidentState.ESCALATED;
        }

        boolean escalateOrRemind() {
            if (level < policy.maxLevel(severity)) {
                climb(level + 1);
                return true;
            }
            if (reminders < policy.maxReminders()) {
                reminders++;
                ackDeadline = now.plus(policy.level(level).ackTimeout());
                state = IncidentState.ESCALATED;
                return true;
            }
            exhausted = true;
            ackDeadline = null;
            responseDeadline = null;
            return false;
        }

        void advance(Instant at) {
            now = at;
            for (int i = 0; i < 64 && open(); i++) {
                Instant next = ackDeadline == null ? responseDeadline : responseDeadline == null ? ackDeadline
                        : ackDeadline.isBefore(responseDeadline) ? ackDeadline : responseDeadline;
                if (next == null || next.isAfter(at)) {
                    return;
                }
                if (ackDeadline != null && !ackDeadline.isAfter(at)
                        && (responseDeadline == null || !responseDeadline.isBefore(ackDeadline))) {
                    ackDeadline = null;
                    escalateOrRemind();
                } else {
                    responseDeadline = null;
                    if (escalateOrRemind()) {
                        responseDeadline = at.plus(policy.firstResponse(severity));
                    }
                }
            }
        }

        boolean monitor() {
            if (state != IncidentState.RESPONDING) {
                return false;
            }
            state = IncidentState.MONITORING;
            return true;
        }

        boolean resolve() {
            if (!open()) {
                return false;
            }
            ackDeadline = null;
            responseDeadline = null;
            state = IncidentState.RESOLVED;
            return true;
        }

        boolean review() {
            if (state != IncidentState.RESOLVED) {
                return false;
            }
            state = IncidentState.REVIEWED;
            return true;
        }
    }

}
