package dev.firebreak.engine;

import dev.firebreak.audit.AuditRecord;
import dev.firebreak.incident.IncidentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A brand's audit trails, part of its {@link BrandState}: the records per incident plus what the
 * {@link Auditor} needs to derive the next ones (counters and deadlines last seen, the running bucket of
 * attached mentions, the incidents holding a publishing pause). Mutated only under the brand's lock.
 */
final class AuditBook {

    /** Records kept per incident, at most; older ones are dropped (and counted) beyond it. */
    static final int MAX_RECORDS = 10_000;

    /** One incident's trail. */
    static final class Trail {
        final List<AuditRecord> records = new ArrayList<>();
        long dropped;
        /** The incident's counters as last booked. */
        long mentions;
        long negatives;
        /** Deadlines as last seen (null when none). */
        Instant ackDeadline;
        Instant responseDeadline;
        /** The running bucket of attached mentions; Long.MIN_VALUE when none. */
        long bucket = Long.MIN_VALUE;
        long bucketMentions;
        long bucketNegatives;
        double bucketSentiment;
        long bucketSentimentCount;
        long bucketReach;
        long bucketTotal;

        void add(AuditRecord r) {
            records.add(r);
            if (records.size() > MAX_RECORDS) {
                records.remove(0);
                dropped++;
            }
        }
    }

    final LinkedHashMap<IncidentId, Trail> trails = new LinkedHashMap<>();
    /** Incidents with a running bucket, in the order they started one. */
    final Set<IncidentId> running = new LinkedHashSet<>();
    /**
     * Derived, not saved: no incident of {@link #running} has a bucket before this ({@code Long.MIN_VALUE} until
     * the auditor first looks; {@code Long.MAX_VALUE} when none runs), so that most changes learn that no
     * bucket ended without reading the set (one cold cache line less per mention; EngineCpuTime).
     */
    long runningLow = Long.MIN_VALUE;
    /** Incidents that held the brand's publishing pause since it was last resumed. */
    final Set<IncidentId> pauseHolders = new LinkedHashSet<>();

    /**
     * Derived, not saved: the trail last looked up and its incident (by identity), so that the mentions joining one
     * incident find its trail without a hash lookup each ({@link #remove} forgets it).
     */
    private IncidentId lastId;
    private Trail lastTrail;

    Trail trail(IncidentId id) {
        if (id == lastId) {
            return lastTrail;
        }
        Trail t = trails.computeIfAbsent(id, k -> new Trail());
        lastId = id;
        lastTrail = t;
        return t;
    }

    /** Drops an incident's trail. */
    void remove(IncidentId id) {
        trails.remove(id);
        running.remove(id);
        pauseHolders.remove(id);
        lastId = null;
        lastTrail = null;
    }

    /** The formatted start of the bucket last formatted, by epoch second (buckets are shared by a brand's incidents). */
    private long formattedBucket = Long.MIN_VALUE;
    private String formattedBucketText;

    String bucketText(long epochSecond) {
        if (epochSecond != formattedBucket || formattedBucketText == null) {
            formattedBucketText = isoSecond(epochSecond);
            formattedBucket = epochSecond;
        }
        return formattedBucketText;
    }

    /** The last second of year 9999, where {@link Instant#toString()} keeps its four-digit year. */
    private static final long MAX_FAST_SECOND = 253_402_300_799L;

    /**
     * {@code Instant.ofEpochSecond(epochSecond).toString()} ({@code 2026-11-22T03:05:00Z}), written directly for
     * the years 1970 to 9999: one string, where {@code Instant.toString} goes through a formatter, a
     * {@code LocalDateTime} and a builder.
     */
    static String isoSecond(long epochSecond) {
        if (epochSecond < 0 || epochSecond > MAX_FAST_SECOND) {
            return Instant.ofEpochSecond(epochSecond).toString();
        }
        long days = epochSecond / 86_400;
        int secs = (int) (epochSecond - days * 86_400);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm; days >= 0 here)
        long z = days + 719_468;
        long era = z / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int hour = secs / 3600;
        int minute = secs / 60 % 60;
        int second = secs % 60;
        byte[] b = new byte[20];
        b[0] = (byte) ('0' + year / 1000);
        b[1] = (byte) ('0' + year / 100 % 10);
        b[2] = (byte) ('0' + year / 10 % 10);
        b[3] = (byte) ('0' + year % 10);
        b[4] = '-';
        two(b, 5, month);
        b[7] = '-';
        two(b, 8, day);
        b[10] = 'T';
        two(b, 11, hour);
        b[13] = ':';
        two(b, 14, minute);
        b[16] = ':';
        two(b, 17, second);
        b[19] = 'Z';
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }
}
