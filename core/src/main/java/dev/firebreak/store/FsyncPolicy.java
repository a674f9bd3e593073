package dev.firebreak.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a {@link JournalStore} forces what it wrote to the disk ({@code fsync}). Every record is handed to
 * the operating system before the engine call that made it returns, under every policy, so a crash of
 * the <em>process</em> (a kill, an exception, an out-of-memory) loses nothing that was acknowledged. The
 * policy decides what a crash of the <em>machine</em> (power loss, kernel panic) can lose:
 *
 * <ul>
 *   <li>{@link #everyRecord()} (the default): nothing acknowledged. An engine call returns only after
 *       its records are on the disk; concurrent calls share one fsync (group commit). The cost is one
 *       fsync per engine call that changed something.
 *   <li>{@link #every(Duration)}: at most the changes acknowledged during the last interval, plus those
 *       since, until the next engine call, tick or {@link JournalStore#flush()} after the interval has
 *       passed (the journal starts no thread: the fsync is done by the first call that finds it due).
 *   <li>{@link #never()}: anything since the last snapshot, segment roll or {@link JournalStore#close()};
 *       the operating system writes back when it likes (on Linux typically within 30 seconds). For tests
 *       and throw-away replays.
 * </ul>
 *
 * Whatever a machine crash loses is always a tail: recovery never half-applies a record, and it never
 * skips a record to apply a later one.
 */
public final class FsyncPolicy {

    /** The kind of policy. */
    public enum Mode {
        /** Fsync before every engine call that wrote returns. */
        EVERY_RECORD,
        /** Fsync at most once per interval. */
        INTERVAL,
        /** Leave it to the operating system. */
        NEVER
    }

    private static final FsyncPolicy EVERY = new FsyncPolicy(Mode.EVERY_RECORD, null);
    private static final FsyncPolicy NONE = new FsyncPolicy(Mode.NEVER, null);

    private final Mode mode;
    private final Duration interval;

    private FsyncPolicy(Mode mode, Duration interval) {
        this.mode = mode;
        this.interval = interval;
    }

    /** Fsync before every engine call that wrote returns: loses nothing acknowledged. The default. */
    public static FsyncPolicy everyRecord() {
        return EVERY;
    }

    /**
     * Fsync at most once per {@code interval} (group commit).
     *
     * @throws IllegalArgumentException unless 1 ms <= interval <= 1 hour
     */
    public static FsyncPolicy every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("fsync interval must be in [1 ms, 1 h], was " + interval);
        }
        return new FsyncPolicy(Mode.INTERVAL, interval);
    }

    /** Never fsync on the way (only at segment rolls, snapshots and close). */
    public static FsyncPolicy never() {
        return NONE;
    }

    /** The kind of policy. */
    public Mode mode() {
        return mode;
    }

    /** The interval, for {@link Mode#INTERVAL}. */
    public Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsyncPolicy && ((FsyncPolicy) o).mode == mode
                && Objects.equals(((FsyncPolicy) o).interval, interval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, interval);
    }

    @Override
    public String toString() {
        return mode == Mode.INTERVAL ? "every " + interval : mode == Mode.EVERY_RECORD ? "every record" : "never";
    }
}
