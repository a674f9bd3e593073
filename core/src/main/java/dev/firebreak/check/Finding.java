package dev.firebreak.check;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing a check found in a planned post or a reply draft.
 *
 * @param rule the id of the rule that found it, for example {@code "blame-others"}: 1 to 64 characters of
 *     {@code a-z}, {@code 0-9} and {@code -}, starting with a letter or digit
 * @param severity how serious it is
 * @param message what is wrong and what to do, in words a social-media manager understands
 * @param span the part of the text it is about, when it is about a part
 */
public record Finding(String rule, FindingSeverity severity, String message, Optional<TextSpan> span) {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Validates the fields. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
        requireRuleId(rule);
        if (message.isBlank()) {
            throw new IllegalArgumentException("message of a '" + rule + "' finding must not be blank");
        }
    }

    /** A finding about the whole text. */
    public static Finding of(String rule, FindingSeverity severity, String message) {
        return new Finding(rule, severity, message, Optional.empty());
    }

    /** A finding about a part of the text. */
    public static Finding at(String rule, FindingSeverity severity, String message, TextSpan span) {
        return new Finding(rule, severity, message, Optional.of(span));
    }

    /** This finding with another severity. */
    public Finding withSeverity(FindingSeverity s) {
        return s == severity ? this : new Finding(rule, s, message, span);
    }

    /**
     * Checks a rule id.
     *
     * @throws IllegalArgumentException when it is not 1 to 64 characters of a-z, 0-9 and '-'
     */
    public static String requireRuleId(String id) {
        Objects.requireNonNull(id, "rule id");
        if (!RULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be 1 to 64 characters of a-z, 0-9 and '-', starting with a "
                    + "letter or digit; was '" + (id.length() > 70 ? id.substring(0, 70) + "..." : id) + "'");
        }
        return id;
    }
}
