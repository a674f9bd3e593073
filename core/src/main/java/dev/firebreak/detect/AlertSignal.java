package dev.firebreak.detect;

import java.util.Locale;

/** The early-warning signals the engine watches, per brand and topic. */
public enum AlertSignal {
    /** Mention volume far above the baseline for this time of day and week. */
    VOLUME_SPIKE,
    /** The share of negative mentions jumped above its usual level. */
    NEGATIVE_SHARE_JUMP,
    /** One post is being shared fast (shares per hour): it is going viral. */
    VIRALITY,
    /** An author with a large audience is negative about the brand. */
    INFLUENTIAL_AUTHOR,
    /** A run of 1-star reviews in a short time: often a coordinated campaign. */
    ONE_STAR_RUN,
    /** One of the brand's own posts draws a wave of negative replies. */
    OWN_POST_BACKLASH;

    /** The lower-case name used in JSON and the timeline. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
