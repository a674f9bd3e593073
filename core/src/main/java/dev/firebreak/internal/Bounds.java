package dev.firebreak.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The range checks of configuration setters: each returns the value when it is within {@code [min, max]}
 * and otherwise throws an {@link IllegalArgumentException} naming the field, the allowed range and the
 * value ({@code "maxRetries must be between 0 and 10, was 11"}). Not part of the API.
 */
public final class Bounds {

    private Bounds() {
    }

    /** {@code value}, if it is in {@code [min, max]}. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw outside(field, min, max, value);
        }
        return value;
    }

    /** {@code value}, if it is in {@code [min, max]}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw outside(field, min, max, value);
        }
        return value;
    }

    /** {@code value}, if it is in {@code [min, max]} (so never NaN). */
    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw outside(field, min, max, value);
        }
        return value;
    }

    /**
     * {@code value}, if it is in {@code [min, max]}.
     *
     * @throws NullPointerException naming the field if {@code value} is null
     */
    public static Duration range(String field, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw outside(field, min, max, value);
        }
        return value;
    }

    private static IllegalArgumentException outside(String field, Object min, Object max, Object value) {
        return new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
    }
}
