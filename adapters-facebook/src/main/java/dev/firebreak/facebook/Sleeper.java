package dev.firebreak.facebook;

import java.time.Duration;

/**
 * How the client waits when it slows down or backs off. The default sleeps the calling thread;
 * tests pass one that advances a fake clock, so nothing really waits.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits this long (never called with zero or a negative duration). */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread with {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
}
