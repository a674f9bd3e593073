package dev.firebreak.incident;

import java.util.Locale;

/**
 * Where an incident stands in its handling, from detection to the post-mortem review. Which moves
 * are legal is decided by the escalation state machine.
 */
public enum IncidentState {
    /** Detected by the engine; nobody has taken it yet. */
    DETECTED,
    /** Someone on the ladder has acknowledged it. */
    ACKNOWLEDGED,
    /** A public response is under way. */
    RESPONDING,
    /** Moved up the ladder: a missed deadline, a timed-out acknowledgement or a severity increase. */
    ESCALATED,
    /** Contained: the response is out and the team watches for a relapse. */
    MONITORING,
    /** Over; no more activity expected. */
    RESOLVED,
    /** The post-mortem review is done. Terminal. */
    REVIEWED;

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a JSON name in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static IncidentState fromJson(String name) {
        for (IncidentState s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("state must be one of detected, acknowledged, responding, escalated, "
                + "monitoring, resolved, reviewed; was '" + name + "'");
    }
}
