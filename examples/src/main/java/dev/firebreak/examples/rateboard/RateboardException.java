package dev.firebreak.examples.rateboard;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Rateboard refused a request or could not be reached: the HTTP status, Rateboard's error code and
 * message, and for a rate limit how long to wait. Never carries the API key.
 */
public class RateboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    /**
     * A refusal or a failure.
     *
     * @param status the HTTP status, or 0 when no response came (a network error)
     * @param code Rateboard's error code ({@code unauthorized}, {@code rate_limited}, ...), or
     *     {@code network} or {@code invalid_payload}
     * @param message what happened, in words
     * @param retryAfter for a rate limit, how long Rateboard asked to wait
     * @param cause the underlying exception, if any
     */
    public RateboardException(int status, String code, String message, Optional<Duration> retryAfter,
            Throwable cause) {
        super("rateboard " + (status == 0 ? "" : "HTTP " + status + " ") + Objects.requireNonNull(code, "code") + ": "
                + Objects.requireNonNull(message, "message"), cause);
        this.status = status;
        this.code = code;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The HTTP status, or 0 for a network error. */
    public int status() {
        return status;
    }

    /** Rateboard's error code, or {@code network} / {@code invalid_payload}. */
    public String code() {
        return code;
    }

    /** For a rate limit, how long to wait before the next call. */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** Whether the API key was refused (401 or 403): retrying will not help. */
    public boolean isAuthFailure() {
        return status == 401 || status == 403;
    }
}
