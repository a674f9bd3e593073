package dev.firebreak.facebook;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Facebook answered a request with a Graph error object. The fields of the error are kept:
 * {@link #code()}, {@link #subcode()}, {@link #type()}, {@link #fbtraceId()}, and Facebook's message
 * is in {@link #getMessage()}, never with the access token.
 */
public class FacebookApiException extends FacebookException {

    private static final long serialVersionUID = 1L;

    private final transient GraphError error;
    private final int httpStatus;

    /**
     * An error reported by Facebook.
     *
     * @param error the Graph error object
     * @param httpStatus the HTTP status of the response
     * @param message the exception message (the error's description, secrets removed)
     */
    public FacebookApiException(GraphError error, int httpStatus, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.httpStatus = httpStatus;
    }

    /** The Graph error object. */
    public GraphError error() {
        return error;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Graph error code, for example 100 (invalid parameter). */
    public int code() {
        return error.code();
    }

    /** The {@code error_subcode}, if Facebook sent one. */
    public OptionalInt subcode() {
        return error.subcode();
    }

    /** The error type, for example {@code OAuthException}; empty string if absent. */
    public String type() {
        return error.type();
    }

    /** The {@code fbtrace_id} to quote to Meta support. */
    public Optional<String> fbtraceId() {
        return error.fbtraceId();
    }
}
