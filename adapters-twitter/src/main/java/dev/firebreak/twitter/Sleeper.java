package dev.firebreak.twitter;

import java.time.Duration;

/**
 * Waits: for a rate-limit window to reset, or before reconnecting a stream. Injected through the
 * builders so that tests can record the waits instead of sleeping; the default is {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the duration.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread ({@link Thread#sleep(long)}). */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
