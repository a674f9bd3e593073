package dev.firebreak.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rung of the escalation ladder: who owns the incident at this level, whom to call, and how long
 * they have to acknowledge it before it moves to the next level.
 *
 * @param role the role that owns the incident at this level
 * @param contacts the contact list for this level, possibly empty
 * @param ackTimeout how long the level has to acknowledge an incident assigned to it, 1 minute to 7 days
 */
public record EscalationLevel(Role role, List<Contact> contacts, Duration ackTimeout) {

    /** Validates and copies. */
    public EscalationLevel {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        contacts = List.copyOf(contacts);
        if (ackTimeout.compareTo(Duration.ofMinutes(1)) < 0 || ackTimeout.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("ackTimeout must be between 1 minute and 7 days, was " + ackTimeout);
        }
    }

    /** A level with a role, an acknowledgement deadline and contacts. */
    public static EscalationLevel of(Role role, Duration ackTimeout, Contact... contacts) {
        return new EscalationLevel(role, List.of(contacts), ackTimeout);
    }
}
