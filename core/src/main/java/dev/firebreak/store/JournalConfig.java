package dev.firebreak.store;

import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link JournalStore} writes: the fsync policy, the size of its segment files, how often it takes a
 * snapshot (which bounds restart time: recovery reads the last snapshot plus the records after it), and
 * the largest record it accepts. Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
public final class JournalConfig {

    private final FsyncPolicy fsync;
    private final long segmentBytes;
    private final long snapshotEveryRecords;
    private final long snapshotEveryBytes;
    private final int maxRecordBytes;
    private final Clock clock;

    private JournalConfig(Builder b) {
        this.fsync = b.fsync;
        this.segmentBytes = b.segmentBytes;
        this.snapshotEveryRecords = b.snapshotEveryRecords;
        this.snapshotEveryBytes = b.snapshotEveryBytes;
        this.maxRecordBytes = b.maxRecordBytes;
        this.clock = b.clock;
    }

    /**
     * Fsync every record, 64 MiB segments, a snapshot every 100,000 records or 256 MiB of records, records
     * up to 16 MiB, the system clock.
     */
    public static JournalConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fsync = fsync;
        b.segmentBytes = segmentBytes;
        b.snapshotEveryRecords = snapshotEveryRecords;
        b.snapshotEveryBytes = snapshotEveryBytes;
        b.maxRecordBytes = maxRecordBytes;
        b.clock = clock;
        return b;
    }

    /** When to fsync. */
    public FsyncPolicy fsync() {
        return fsync;
    }

    /** A segment file is closed and a new one started once it holds this many bytes. */
    public long segmentBytes() {
        return segmentBytes;
    }

    /** A snapshot is taken on the first tick after this many records since the last one. */
    public long snapshotEveryRecords() {
        return snapshotEveryRecords;
    }

    /** A snapshot is taken on the first tick after this many bytes of records since the last one. */
    public long snapshotEveryBytes() {
        return snapshotEveryBytes;
    }

    /** The largest record (one change, or one brand's state in a snapshot) it writes or reads. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The clock of the {@link FsyncPolicy#every interval} policy. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "JournalConfig[fsync=" + fsync + ", segmentBytes=" + segmentBytes + ", snapshotEveryRecords="
                + snapshotEveryRecords + ", snapshotEveryBytes=" + snapshotEveryBytes + ", maxRecordBytes="
                + maxRecordBytes + "]";
    }

    /** Builds a {@link JournalConfig}; every setter checks its range and names the field when it fails. */
    public static final class Builder {
        private FsyncPolicy fsync = FsyncPolicy.everyRecord();
        private long segmentBytes = 64L << 20;
        private long snapshotEveryRecords = 100_000;
        private long snapshotEveryBytes = 256L << 20;
        private int maxRecordBytes = 16 << 20;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The fsync policy; default {@link FsyncPolicy#everyRecord()}. */
        public Builder fsync(FsyncPolicy policy) {
            this.fsync = Objects.requireNonNull(policy, "fsync");
            return this;
        }

        /**
         * The segment size; default 64 MiB.
         *
         * @throws IllegalArgumentException unless 4 KiB <= bytes <= 1 GiB
         */
        public Builder segmentBytes(long bytes) {
            this.segmentBytes = range("segmentBytes", bytes, 4L << 10, 1L << 30);
            return this;
        }

        /**
         * Records between snapshots; default 100,000.
         *
         * @throws IllegalArgumentException unless 1 <= records <= 1,000,000,000
         */
        public Builder snapshotEveryRecords(long records) {
            this.snapshotEveryRecords = range("snapshotEveryRecords", records, 1, 1_000_000_000L);
            return this;
        }

        /**
         * Bytes of records between snapshots; default 256 MiB.
         *
         * @throws IllegalArgumentException unless 4 KiB <= bytes <= 64 GiB
         */
        public Builder snapshotEveryBytes(long bytes) {
            this.snapshotEveryBytes = range("snapshotEveryBytes", bytes, 4L << 10, 64L << 30);
            return this;
        }

        /**
         * The largest record; default 16 MiB. A brand state larger than this cannot be snapshotted.
         *
         * @throws IllegalArgumentException unless 1 KiB <= bytes <= 1 GiB
         */
        public Builder maxRecordBytes(int bytes) {
            this.maxRecordBytes = (int) range("maxRecordBytes", bytes, 1 << 10, 1 << 30);
            return this;
        }

        /** The clock of the interval policy; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private static long range(String field, long v, long min, long max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + v);
            }
            return v;
        }

        /** The config. */
        public JournalConfig build() {
            return new JournalConfig(this);
        }
    }
}
