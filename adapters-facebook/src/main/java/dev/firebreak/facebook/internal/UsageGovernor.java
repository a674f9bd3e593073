package dev.firebreak.facebook.internal;

import dev.firebreak.facebook.GraphUsage;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides how long to hold the next call back from the last usage headers: until the
 * {@code estimated_time_to_regain_access} has passed when Facebook reports one, otherwise a pause
 * that grows linearly from the threshold to {@code maxSlowdown} at 100% usage. Thread-safe. Not part
 * of the API.
 */
public final class UsageGovernor {

    private final int threshold;
    private final Duration maxSlowdown;
    private GraphUsage last;
    private Instant notBefore = Instant.MIN;

    /** A governor that slows down from {@code threshold} percent, up to {@code maxSlowdown} between calls. */
    public UsageGovernor(int threshold, Duration maxSlowdown, Instant start) {
        this.threshold = threshold;
        this.maxSlowdown = maxSlowdown;
        this.last = GraphUsage.none(start);
    }

    /** Records what a response's headers said, at {@code now}. */
    public synchronized void observe(GraphUsage usage) {
        last = usage;
        Instant now = usage.observedAt();
        if (usage.regainAccessIn().isPresent()) {
            later(now.plus(usage.regainAccessIn().get()));
            return;
        }
        Duration spacing = spacing(usage.highestPercent());
        if (!spacing.isZero()) {
            later(now.plus(spacing));
        }
    }

    /** Holds calls back until at least this instant (after a throttling error, for example). */
    public synchronized void holdUntil(Instant instant) {
        later(instant);
    }

    /** How long the next call should wait, from {@code now}; zero if it may go at once. */
    public synchronized Duration delay(Instant now) {
        return notBefore.isAfter(now) ? Duration.between(now, notBefore) : Duration.ZERO;
    }

    /** The last usage observed. */
    public synchronized GraphUsage last() {
        return last;
    }

    /** The pause between calls at this usage percentage. */
    public Duration spacing(int percent) {
        if (percent < threshold || maxSlowdown.isZero()) {
            return Duration.ZERO;
        }
        int capped = Math.min(percent, 100);
        long span = 100L - threshold + 1;
        long step = capped - threshold + 1;
        return maxSlowdown.multipliedBy(step).dividedBy(span);
    }

    private void later(Instant instant) {
        if (instant.isAfter(notBefore)) {
            notBefore = instant;
        }
    }
}
