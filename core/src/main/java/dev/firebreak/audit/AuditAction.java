package dev.firebreak.audit;

import java.util.Locale;

/**
 * What an {@link AuditRecord} says happened to an incident. The {@code details} keys each action carries
 * are listed with it; times are ISO-8601, levels 1-based, numbers decimal.
 */
public enum AuditAction {
    /** The engine opened the incident. Details: {@code topic}, {@code severity}. */
    OPENED,
    /**
     * Mentions were attached to the incident during one detection bucket (one record per bucket, stamped
     * with the bucket's end). Details: {@code bucket} (its start), {@code mentions}, {@code negatives},
     * {@code sentimentSum} and {@code sentimentCount} (over the attached mentions whose classification the
     * engine saw at the time), {@code reach} and {@code total} (the incident's reach and mention count at
     * the end of the bucket), and {@code open} = {@code true} while the bucket is still running.
     */
    MENTIONS_ATTACHED,
    /** A detection signal fired on the incident. Details: {@code signal}, {@code observed}, {@code expected}. */
    ALERT_RAISED,
    /**
     * The severity changed; the reason lists the signals behind it. Details: {@code from}, {@code to},
     * {@code crisis} (whether this change made it a crisis), {@code watch}.
     */
    SEVERITY_CHANGED,
    /**
     * The incident got or lost the watch flag (a problem near the crisis line); the reason says why. Details:
     * {@code watch} ({@code true} when it got the flag).
     */
    WATCH_CHANGED,
    /** The handling state changed. Details: {@code from}, {@code to}. */
    STATE_CHANGED,
    /**
     * The incident moved up the ladder. Details: {@code fromLevel}, {@code toLevel}, {@code role},
     * {@code notified} (the level's contacts, or its role when it has none), {@code cause}.
     */
    ESCALATED,
    /** A reminder at the highest level. Details as {@link #ESCALATED}. */
    REMINDED,
    /** A deadline started. Details: {@code kind} (acknowledgement or first_response), {@code due}, {@code level}. */
    DEADLINE_SET,
    /** A deadline was met. Details: {@code kind}, {@code due}, {@code spareSeconds}. */
    DEADLINE_MET,
    /** A deadline passed without what it waited for. Details: {@code kind}, {@code due}, {@code level}, {@code role}. */
    DEADLINE_MISSED,
    /** Every reminder at the top was spent; the clocks stopped. Details: {@code level}, {@code role}. */
    ESCALATION_EXHAUSTED,
    /** Someone acknowledged the incident. Details: {@code level}, {@code role}. */
    ACKNOWLEDGED,
    /** The brand replied publicly. Details: {@code reply} (the mention key, when the engine saw it). */
    PUBLIC_REPLY,
    /** The response plan was made or gained steps. Details: {@code severity}, {@code added} (step@due, ...). */
    PLAN_UPDATED,
    /**
     * A plan step was marked done. Details: {@code step}, {@code due}, {@code lateSeconds} (0 when on
     * time).
     */
    STEP_DONE,
    /** A person said whether the brand is at fault. Details: {@code atFault}. */
    FAULT_SET,
    /** Scheduled content was held for the incident. Details: {@code control}, {@code posts}, {@code failures}. */
    PUBLISHING_PAUSED,
    /** Held content was released. Details: {@code control}, {@code posts}, {@code failures}. */
    PUBLISHING_RESUMED,
    /** Another incident was merged into this one. Details: {@code absorbed}. */
    MERGED,
    /** This incident was merged into another, which carries the story on. Details: {@code into}. */
    MERGED_INTO;

    /** The lower-case name used in JSON and reports. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action with this JSON name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static AuditAction fromJson(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown audit action '" + name + "'");
        }
    }
}
