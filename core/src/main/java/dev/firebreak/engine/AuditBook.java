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
            formattedBucketText = Instant.ofEpochSecond(epochSecond).toString();
            formattedBucket = epochSecond;
        }
        return formattedBucketText;
    }
}
