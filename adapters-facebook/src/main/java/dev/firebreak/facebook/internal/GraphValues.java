package dev.firebreak.facebook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading Graph API values the way they really arrive: ids as strings or numbers, timestamps as
 * {@code 2014-09-20T12:59:48+0000}, ISO-8601 with a colon or {@code Z}, or Unix epoch seconds (as a
 * number or a string of digits). Not part of the API.
 */
public final class GraphValues {

    /** Epoch values at or above this are taken as milliseconds (in seconds it would be the year 5138). */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,19}");
    private static final Pattern COMPACT_OFFSET = Pattern.compile(".*[+-]\\d{4}$");
    private static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    private GraphValues() {
    }

    /**
     * An id as a string: a non-blank string as is (trimmed), an integral number in decimal; empty for
     * anything else (absent, null, blank, a fraction, an object).
     */
    public static Optional<String> id(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            String s = node.textValue().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        if (node.isFloatingPointNumber()) {
            // 1.234567890123E14 from a sloppy serializer: accept only if it is a whole number
            BigDecimal d = node.decimalValue();
            try {
                return Optional.of(d.toBigIntegerExact().toString());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The id under {@code field}, read with {@link #id(JsonNode)}. */
    public static Optional<String> id(JsonNode parent, String field) {
        return parent == null ? Optional.empty() : id(parent.get(field));
    }

    /** A non-empty text field, or empty. Numbers and booleans are not text. */
    public static Optional<String> text(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? Optional.of(n.textValue()) : Optional.empty();
    }

    /** Whether the field is present and not null. */
    public static boolean has(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    /** A count: a non-negative integral number or a string of digits; empty otherwise. */
    public static Optional<Long> count(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return Optional.of(node.longValue());
        }
        if (node.isTextual() && DIGITS.matcher(node.textValue()).matches() && !node.textValue().startsWith("-")) {
            try {
                return Optional.of(Long.parseLong(node.textValue()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A boolean the way Graph sends them: {@code true}/{@code false}, {@code 1}/{@code 0}, or the strings
     * {@code "true"}/{@code "false"}/{@code "1"}/{@code "0"}; empty for anything else.
     */
    public static Optional<Boolean> bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            long v = node.longValue();
            return v == 0 ? Optional.of(false) : v == 1 ? Optional.of(true) : Optional.empty();
        }
        if (node.isTextual()) {
            switch (node.textValue().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true":
                case "1":
                    return Optional.of(true);
                case "false":
                case "0":
                    return Optional.of(false);
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A timestamp in any of the formats Graph uses.
     *
     * @return the instant, or empty if the node is absent or null
     * @throws IllegalArgumentException if the node is present but is not a timestamp
     */
    public static Optional<Instant> time(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new IllegalArgumentException("'" + node.asText() + "' is not a timestamp");
            }
            return Optional.of(epoch(node.longValue(), node.asText()));
        }
        if (node.isFloatingPointNumber()) {
            BigDecimal seconds = node.decimalValue();
            if (seconds.abs().compareTo(BigDecimal.valueOf(MAX.getEpochSecond())) > 0) {
                throw new IllegalArgumentException("'" + node.asText() + "' is not a timestamp");
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Optional.of(checked(Instant.ofEpochSecond(whole, nanos), node.asText()));
        }
        if (node.isTextual()) {
            String s = node.textValue().strip();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(parse(s));
        }
        throw new IllegalArgumentException("a timestamp must be a string or a number, was " + node.getNodeType()
                .name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Parses a timestamp string: {@code 2014-09-20T12:59:48+0000}, ISO-8601 with an offset or
     * {@code Z} (fractions allowed), a local date-time taken as UTC, or epoch seconds as digits.
     *
     * @throws IllegalArgumentException naming the value if it is none of these
     */
    public static Instant parse(String s) {
        String v = s.strip();
        if (DIGITS.matcher(v).matches()) {
            try {
                return epoch(Long.parseLong(v), v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + excerpt(v) + "' is not a timestamp");
            }
        }
        try {
            if (COMPACT_OFFSET.matcher(v).matches()) {
                v = v.substring(0, v.length() - 2) + ":" + v.substring(v.length() - 2);
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return checked(OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), s);
            }
            return checked(LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC), s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + excerpt(s) + "' is not a timestamp (expected "
                    + "2014-09-20T12:59:48+0000, ISO-8601 or epoch seconds)");
        }
    }

    private static Instant epoch(long value, String raw) {
        try {
            Instant i = value >= MILLIS_THRESHOLD || value <= -MILLIS_THRESHOLD
                    ? Instant.ofEpochMilli(value)
                    : Instant.ofEpochSecond(value);
            return checked(i, raw);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + excerpt(raw) + "' is not a timestamp");
        }
    }

    private static Instant checked(Instant i, String raw) {
        if (i.isBefore(MIN) || i.isAfter(MAX)) {
            throw new IllegalArgumentException("'" + excerpt(raw) + "' is not a plausible timestamp");
        }
        return i;
    }

    /** The first 40 characters of a value, for messages. */
    public static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
