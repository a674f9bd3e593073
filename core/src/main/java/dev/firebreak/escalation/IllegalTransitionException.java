package dev.firebreak.escalation;

import dev.firebreak.incident.IncidentState;
import java.util.Objects;

/**
 * A human action asked for a move the escalation state machine does not allow, for example
 * acknowledging an incident that is already resolved. Names both states.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final IncidentState from;
    private final IncidentState to;

    /** An exception for the move {@code from -> to}. */
    public IllegalTransitionException(IncidentState from, IncidentState to) {
        super("illegal transition from " + Objects.requireNonNull(from, "from").jsonName() + " to "
                + Objects.requireNonNull(to, "to").jsonName() + "; allowed from " + from.jsonName() + ": "
                + Transitions.describeAllowed(from));
        this.from = from;
        this.to = to;
    }

    /** The state the incident was in. */
    public IncidentState from() {
        return from;
    }

    /** The state that was asked for. */
    public IncidentState to() {
        return to;
    }
}
