package dev.firebreak.facebook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call was not made, or not retried, because of rate limits: either Facebook throttled it (Graph
 * error 4, 17, 32, 613 or 80001, in {@link #error()}) and the wait was longer than the client may
 * sleep, or the usage headers said calls are blocked for longer than that, so the client did not
 * send it at all. {@link #retryAfter()} says when trying again makes sense.
 */
public class FacebookRateLimitException extends FacebookException {

    private static final long serialVersionUID = 1L;

    private final transient GraphError error;
    private final Duration retryAfter;

    /**
     * A throttled call.
     *
     * @param error Facebook's throttling error, or {@code null} when the client held the call back itself
     * @param retryAfter how long to wait before trying again
     * @param message what happened
     */
    public FacebookRateLimitException(GraphError error, Duration retryAfter, String message) {
        super(message);
        this.error = error;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Facebook's throttling error; empty when the client held the call back before sending it. */
    public Optional<GraphError> error() {
        return Optional.ofNullable(error);
    }

    /** How long to wait before calling again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
