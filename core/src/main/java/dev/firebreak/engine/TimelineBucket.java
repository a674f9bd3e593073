package dev.firebreak.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One time bucket of an incident's timeline.
 *
 * @param start the bucket's start
 * @param mentions mentions added to the incident in it
 * @param negatives negative ones among them
 */
public record TimelineBucket(Instant start, long mentions, long negatives) {

    /** Validates the fields. */
    public TimelineBucket {
        Objects.requireNonNull(start, "start");
        if (mentions < 0 || negatives < 0 || negatives > mentions) {
            throw new IllegalArgumentException("need 0 <= negatives <= mentions, were " + negatives + ", " + mentions);
        }
    }
}
