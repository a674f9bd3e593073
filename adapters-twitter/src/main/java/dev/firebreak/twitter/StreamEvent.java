package dev.firebreak.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a {@link TwitterStream}'s connection, for logs and health checks. Consume with
 * {@code instanceof}. Times come from the client's clock.
 */
public sealed interface StreamEvent {

    /** When it happened. */
    Instant at();

    /**
     * The stream connected (HTTP 200).
     *
     * @param at when
     */
    record Connected(Instant at) implements StreamEvent {
        public Connected {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Nothing, not even a keep-alive, arrived for the stall timeout: the connection is treated as dead.
     *
     * @param at when
     * @param silence how long the stream was silent
     */
    record Stalled(Instant at, Duration silence) implements StreamEvent {
        public Stalled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(silence, "silence");
        }
    }

    /**
     * The connection ended or could not be opened.
     *
     * @param at when
     * @param reason why, for example {@code "stream ended"} or the X API error
     */
    record Disconnected(Instant at, String reason) implements StreamEvent {
        public Disconnected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The reader will reconnect after a pause, following X's back-off rules.
     *
     * @param at when
     * @param attempt the number of failed connections in a row so far (0 after an established
     *     connection dropped, which is reconnected at once)
     * @param delay the pause before the next connection
     * @param reason why the last connection failed
     */
    record Reconnecting(Instant at, int attempt, Duration delay, String reason) implements StreamEvent {
        public Reconnecting {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The reader stopped: {@link TwitterStream#stop()} was called, the thread was interrupted, or it
     * gave up (then {@link TwitterStream#run()} throws).
     *
     * @param at when
     * @param reason why
     */
    record Stopped(Instant at, String reason) implements StreamEvent {
        public Stopped {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
