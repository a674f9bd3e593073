package dev.firebreak.escalation;

import java.util.Locale;

/** The two clocks an incident runs against. */
public enum DeadlineKind {
    /** The level the incident is assigned to must acknowledge it within the level's ack timeout. */
    ACKNOWLEDGEMENT,
    /**
     * The brand must reply publicly within the first-response time of the incident's severity
     * (defaults: 30 minutes for a crisis, 2 hours for a problem).
     */
    FIRST_RESPONSE;

    /** The lower-case name used in JSON and the timeline. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
