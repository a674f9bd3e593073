package dev.firebreak.streams.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a task's engines: set to the engine time before every engine call (the task's thread is the
 * only one that reads or sets it).
 */
public final class TaskClock extends Clock {

    private Instant now = Instant.EPOCH;

    /** Sets the time. */
    public void set(Instant now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
