package dev.firebreak.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.facebook.internal.GraphValues;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Graph API error object: {@code {"error": {"message", "type", "code", "error_subcode",
 * "error_user_title", "error_user_msg", "fbtrace_id", "is_transient"}}}.
 *
 * @param code the error code, for example {@code 190} (token invalid or expired) or {@code 4} (app
 *     request limit reached); {@code 0} if the body had none
 * @param subcode the {@code error_subcode}, for example {@code 463} (token expired)
 * @param type the error type, for example {@code OAuthException}; empty string if absent
 * @param message Facebook's message (meant for developers)
 * @param fbtraceId the trace id to quote to Meta support
 * @param isTransient whether Facebook flagged the error as transient ({@code is_transient})
 * @param userTitle the {@code error_user_title} meant for end users, if any
 * @param userMessage the {@code error_user_msg} meant for end users, if any
 */
public record GraphError(int code, OptionalInt subcode, String type, String message, Optional<String> fbtraceId,
        boolean isTransient, Optional<String> userTitle, Optional<String> userMessage) {

    /** Error codes that mean "throttled": 4 app, 17 user, 32 Page, 613 custom, 80001 Pages BUC limit. */
    public static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613, 80001);

    /** Error codes that mean the access token is invalid or expired (102 session, 190 token). */
    public static final Set<Integer> TOKEN_CODES = Set.of(102, 190);

    /** Error codes Facebook documents as transient service errors worth a retry. */
    public static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);

    /** Validates the fields. */
    public GraphError {
        Objects.requireNonNull(subcode, "subcode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fbtraceId, "fbtraceId");
        Objects.requireNonNull(userTitle, "userTitle");
        Objects.requireNonNull(userMessage, "userMessage");
    }

    /**
     * Reads the error object of a response body, the value of its {@code "error"} field.
     *
     * @param error the object under {@code "error"} (a bare string is accepted as the message)
     * @return the error, or empty if the node is not an error object
     */
    public static Optional<GraphError> from(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return Optional.empty();
        }
        if (error.isTextual()) {
            return Optional.of(new GraphError(0, OptionalInt.empty(), "", error.textValue(), Optional.empty(), false,
                    Optional.empty(), Optional.empty()));
        }
        if (!error.isObject()) {
            return Optional.empty();
        }
        int code = intValue(error.get("code")).orElse(0);
        OptionalInt subcode = intValue(error.get("error_subcode"));
        String type = GraphValues.text(error, "type").orElse("");
        String message = GraphValues.text(error, "message").orElse("");
        return Optional.of(new GraphError(code, subcode, type, message, GraphValues.id(error, "fbtrace_id"),
                GraphValues.bool(error.get("is_transient")).orElse(false), GraphValues.text(error, "error_user_title"),
                GraphValues.text(error, "error_user_msg")));
    }

    /** Whether this is a throttling error ({@link #THROTTLING_CODES}). */
    public boolean isThrottling() {
        return THROTTLING_CODES.contains(code);
    }

    /** Whether the access token is invalid or expired ({@link #TOKEN_CODES}). */
    public boolean isTokenError() {
        return TOKEN_CODES.contains(code);
    }

    /** Whether a retry may succeed: a transient code or the {@code is_transient} flag. */
    public boolean isRetryable() {
        return isTransient || TRANSIENT_CODES.contains(code);
    }

    /** The code as text, with the subcode if any: {@code "190"} or {@code "190/463"}. */
    public String codeText() {
        return subcode.isPresent() ? code + "/" + subcode.getAsInt() : Integer.toString(code);
    }

    /**
     * A one-line description: {@code Graph API error 190/463 (OAuthException): Error validating access
     * token [fbtrace_id AbC]}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("Graph API error ").append(codeText());
        if (!type.isEmpty()) {
            sb.append(" (").append(type).append(')');
        }
        sb.append(": ").append(message.isEmpty() ? "(no message)" : message);
        fbtraceId.ifPresent(t -> sb.append(" [fbtrace_id ").append(t).append(']'));
        return sb.toString();
    }

    private static OptionalInt intValue(JsonNode n) {
        if (n == null) {
            return OptionalInt.empty();
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return OptionalInt.of(n.intValue());
        }
        if (n.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(n.textValue().strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
