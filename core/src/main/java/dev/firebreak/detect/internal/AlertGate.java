package dev.firebreak.detect.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hysteresis and cool-down for one signal on one series: an alert is raised when the enter condition
 * first holds, stays on while the (weaker) stay condition holds, ends after {@code exitAfter}
 * observations in a row without it, and cannot be raised again within {@code coolDown} of its end. One
 * storm is one alert. Not thread-safe; mutable state kept in a brand's state.
 */
public final class AlertGate {

    private boolean active;
    private int quiet;
    private Instant raisedAt;
    private Instant endedAt;

    /** A gate that never fired. */
    public AlertGate() {
    }

    /** A gate restored from its saved fields. */
    public AlertGate(boolean active, int quiet, Optional<Instant> raisedAt, Optional<Instant> endedAt) {
        this.active = active;
        this.quiet = quiet;
        this.raisedAt = raisedAt.orElse(null);
        this.endedAt = endedAt.orElse(null);
    }

    /**
     * Observes the conditions at a time.
     *
     * @return true when an alert must be raised now
     */
    public boolean observe(boolean enter, boolean stay, Instant at, Duration coolDown, int exitAfter) {
        if (active) {
            if (stay || enter) {
                quiet = 0;
            } else if (++quiet >= exitAfter) {
                active = false;
                quiet = 0;
                endedAt = at;
            }
            return false;
        }
        if (!enter) {
            return false;
        }
        active = true;
        quiet = 0;
        if (endedAt != null && at.isBefore(endedAt.plus(coolDown))) {
            return false; // the same storm flaring up again: no second alert
        }
        raisedAt = at;
        return true;
    }

    /** Whether an alert is on. */
    public boolean active() {
        return active;
    }

    public int quiet() {
        return quiet;
    }

    public Optional<Instant> raisedAt() {
        return Optional.ofNullable(raisedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }
}
