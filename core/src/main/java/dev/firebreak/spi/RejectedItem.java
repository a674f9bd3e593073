package dev.firebreak.spi;

import java.util.Objects;

/**
 * An item of a payload that could not be turned into a mention: the dead-letter record an adapter
 * hands back so that nothing is dropped silently.
 *
 * @param location where in the payload it was, for example {@code "data[3]"} or {@code "errors[0]"}
 * @param reason what was wrong, specific enough to fix the input
 * @param raw the item's raw JSON (or an excerpt of it, for very large items); never holds secrets
 */
public record RejectedItem(String location, String reason, String raw) {

    /** Validates the fields. */
    public RejectedItem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }
}
