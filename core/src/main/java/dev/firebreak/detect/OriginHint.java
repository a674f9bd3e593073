package dev.firebreak.detect;

import java.util.Locale;
import java.util.Objects;

/**
 * A hint whether a story started offline (a news story, an event, an executive's remark) and reached
 * social media afterwards, or started online and spreads from one source: the origin matters for the
 * response channel.
 *
 * @param origin the guess
 * @param reason the evidence, in words
 */
public record OriginHint(Origin origin, String reason) {

    /** Where a story seems to come from. */
    public enum Origin {
        /** Links to outside articles, or many independent authors at once. */
        OFFLINE,
        /** One source (a post, an author) being shared or answered. */
        ONLINE,
        /** Not enough evidence either way. */
        UNKNOWN;

        /** The lower-case name used in JSON. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the fields. */
    public OriginHint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }
}
