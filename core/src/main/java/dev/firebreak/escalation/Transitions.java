package dev.firebreak.escalation;

import dev.firebreak.incident.IncidentState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The transition table of an incident's handling. Every state change of the escalation state
 * machine is checked against it.
 *
 * <pre>
 * from          to
 * detected      acknowledged, responding, escalated, resolved
 * acknowledged  acknowledged (re-acknowledged), responding, escalated, resolved
 * escalated     escalated (next level or reminder), acknowledged, responding, resolved
 * responding    escalated, monitoring, resolved
 * monitoring    escalated, resolved
 * resolved      reviewed
 * reviewed      (terminal)
 * </pre>
 */
public final class Transitions {

    private static final Map<IncidentState, Set<IncidentState>> TABLE = new EnumMap<>(IncidentState.class);

    static {
        TABLE.put(IncidentState.DETECTED, EnumSet.of(IncidentState.ACKNOWLEDGED, IncidentState.RESPONDING,
                IncidentState.ESCALATED, IncidentState.RESOLVED));
        TABLE.put(IncidentState.ACKNOWLEDGED, EnumSet.of(IncidentState.ACKNOWLEDGED, IncidentState.RESPONDING,
                IncidentState.ESCALATED, IncidentState.RESOLVED));
        TABLE.put(IncidentState.ESCALATED, EnumSet.of(IncidentState.ESCALATED, IncidentState.ACKNOWLEDGED,
                IncidentState.RESPONDING, IncidentState.RESOLVED));
        TABLE.put(IncidentState.RESPONDING, EnumSet.of(IncidentState.ESCALATED, IncidentState.MONITORING,
                IncidentState.RESOLVED));
        TABLE.put(IncidentState.MONITORING, EnumSet.of(IncidentState.ESCALATED, IncidentState.RESOLVED));
        TABLE.put(IncidentState.RESOLVED, EnumSet.of(IncidentState.REVIEWED));
        TABLE.put(IncidentState.REVIEWED, EnumSet.noneOf(IncidentState.class));
    }

    private Transitions() {
    }

    /** Whether the move {@code from -> to} is in the table. */
    public static boolean isLegal(IncidentState from, IncidentState to) {
        return TABLE.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
    }

    /** The states reachable in one move from {@code from}. */
    public static Set<IncidentState> allowedFrom(IncidentState from) {
        return Set.copyOf(TABLE.get(Objects.requireNonNull(from, "from")));
    }

    /**
     * Checks a move.
     *
     * @throws IllegalTransitionException naming both states if it is not in the table
     */
    public static void check(IncidentState from, IncidentState to) {
        if (!isLegal(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }

    /** Whether an incident in this state is still being handled (not resolved or reviewed). */
    public static boolean isOpen(IncidentState state) {
        return state != IncidentState.RESOLVED && state != IncidentState.REVIEWED;
    }

    static String describeAllowed(IncidentState from) {
        Set<IncidentState> to = TABLE.get(from);
        if (to.isEmpty()) {
            return "nothing (terminal)";
        }
        StringJoiner j = new StringJoiner(", ");
        for (IncidentState s : to) {
            j.add(s.jsonName());
        }
        return j.toString();
    }
}
