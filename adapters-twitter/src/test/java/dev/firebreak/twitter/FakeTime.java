package dev.firebreak.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the code under test sleeps through it (or the test advances it). */
final class FakeTime extends Clock {

    private volatile Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    /** A sleeper that records the wait and moves the clock by it, returning at once. */
    Sleeper sleeper() {
        return d -> {
            synchronized (sleeps) {
                sleeps.add(d);
            }
            advance(d);
        };
    }

    void advance(Duration d) {
        synchronized (this) {
            now = now.plus(d);
        }
    }

    List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
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
