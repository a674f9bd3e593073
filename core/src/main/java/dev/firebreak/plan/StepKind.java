package dev.firebreak.plan;

import java.util.Locale;

/** The kinds of step a response plan is made of; each encodes a rule of crisis handling. */
public enum StepKind {
    /** Acknowledge the customer quickly, personally and directly; say you are working on an answer. */
    ACKNOWLEDGE,
    /** Offer to continue in a private channel (direct message, e-mail, phone). */
    MOVE_TO_PRIVATE,
    /** Apologise right away: the brand is at fault. */
    APOLOGISE,
    /** Explain the policy plainly: the brand is not at fault. */
    EXPLAIN_POLICY,
    /** A short holding statement: we know, we are on it, next update at a given time. */
    HOLDING_STATEMENT,
    /** The official statement, on an owned channel (website, blog) first, then linked from social. */
    OFFICIAL_STATEMENT,
    /** Pause scheduled posts, ads and marketing e-mails: cheerful content during a crisis looks indifferent. */
    PAUSE_SCHEDULED,
    /** Call in the people on the contact list. */
    NOTIFY_CONTACTS,
    /** Answer the most negative and most influential voices one by one, each reply specific. */
    ANSWER_KEY_VOICES,
    /** Weigh deleting the offending post: it stops spreading there, but screenshots remain. */
    WEIGH_DELETION,
    /** Corrective action, which speaks loudest: a fix, training, a donation. */
    CORRECTIVE_ACTION,
    /** Review what happened afterwards and adjust the guidelines. */
    POST_MORTEM;

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a JSON name in any case.
     *
     * @throws IllegalArgumentException when unknown
     */
    public static StepKind fromJson(String name) {
        for (StepKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown plan step '" + name + "'");
    }
}
