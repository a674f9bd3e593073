package dev.firebreak.incident;

import java.util.Objects;

/**
 * The identity of an incident, unique within the engine that opened it.
 *
 * @param value a non-blank identifier, for example {@code "acme-0007"}
 */
public record IncidentId(String value) {

    /** Validates the value. */
    public IncidentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("incident id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
