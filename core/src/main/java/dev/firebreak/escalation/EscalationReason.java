package dev.firebreak.escalation;

import java.util.Locale;

/** Why an incident moved up the ladder (or was reminded at its top). */
public enum EscalationReason {
    /** The incident was opened at its severity's start level (the first entry of every history). */
    OPENED,
    /** The assigned level did not acknowledge in time. */
    ACK_TIMEOUT,
    /** No public reply within the first-response deadline (an acknowledgement, if any, timed out). */
    FIRST_RESPONSE_MISSED,
    /** The severity rose: escalation is immediate. */
    SEVERITY_INCREASE,
    /** Another incident, already higher on the ladder, was merged into this one. */
    MERGE;

    /** The lower-case name used in JSON and the timeline. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
