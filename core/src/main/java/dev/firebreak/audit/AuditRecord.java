package dev.firebreak.audit;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.internal.OrderedArrayMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an incident's audit trail: what changed, when (by the engine's clock), who did it and why.
 * Read it with {@code CrisisEngine.auditTrail(id)}; it is kept with the brand's state, so a durable store
 * keeps it too.
 *
 * @param at when, by the engine's clock
 * @param incident the incident it concerns
 * @param action what happened
 * @param actor who: {@link #ENGINE} for the engine, else the person (or the brand's account) that acted
 * @param reason why, in words (the signals behind a severity change, the contacts notified, ...)
 * @param details the figures, by the keys {@link AuditAction} lists for each action, in a stable order
 */
public record AuditRecord(Instant at, IncidentId incident, AuditAction action, String actor, String reason,
        Map<String, String> details) {

    /** The actor name of the engine itself. */
    public static final String ENGINE = "firebreak";

    /** Validates and copies (keeping the order of the details). */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(details, "details");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        details = OrderedArrayMap.copyOf(details);
    }

    /** Whether the engine did it (rather than a person). */
    public boolean byEngine() {
        return ENGINE.equals(actor);
    }

    /** A detail, if present. */
    public Optional<String> detail(String key) {
        return Optional.ofNullable(details.get(key));
    }

    /**
     * A numeric detail, or {@code fallback} when absent.
     *
     * @throws IllegalStateException if present but not a number
     */
    public long number(String key, long fallback) {
        String v = details.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("audit detail '" + key + "' of " + action.jsonName() + " is not a whole "
                    + "number: " + v, e);
        }
    }

    /**
     * A decimal detail, or {@code fallback} when absent.
     *
     * @throws IllegalStateException if present but not a number
     */
    public double decimal(String key, double fallback) {
        String v = details.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("audit detail '" + key + "' of " + action.jsonName() + " is not a number: "
                    + v, e);
        }
    }

    /**
     * A time detail, if present.
     *
     * @throws IllegalStateException if present but not an ISO-8601 instant
     */
    public Optional<Instant> instant(String key) {
        String v = details.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("audit detail '" + key + "' of " + action.jsonName() + " is not a time: "
                    + v, e);
        }
    }
}
