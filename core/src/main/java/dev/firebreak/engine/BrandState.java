package dev.firebreak.engine;

import dev.firebreak.detect.DetectorFactory;
import dev.firebreak.detect.internal.AlertGate;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.MentionKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine knows about one brand: its dedup memory, the series it watches with their
 * detectors and alert gates, its own posts, tracked posts, its incidents with their escalation and
 * plans, and whether its scheduled content is paused. Nothing in it refers to another brand, so a
 * brand's state can live on its own: in an {@link dev.firebreak.store.IncidentStore}, in a journal,
 * or in a keyed state store of a stream processor (key: the brand's name). {@link BrandStateCodec}
 * turns it into JSON and back.
 *
 * <p>Opaque and mutable: only the engine changes it, under the brand's lock. It is not thread-safe;
 * read it through the engine's queries.
 */
public final class BrandState {

    final String brand;
    long nextIncident = 1;
    /** The open bucket's start, epoch seconds; Long.MIN_VALUE before the first mention. */
    long bucketStart = Long.MIN_VALUE;
    Instant lastNow = Instant.EPOCH;
    long mentions;
    long ownedMentions;
    long updates;
    long duplicates;

    /** The dedup memory, oldest first. */
    final DedupTable seen = new DedupTable();
    final Map<Series.Key, Series> series = new LinkedHashMap<>();
    final RecentRing recent = new RecentRing();
    final LinkedHashMap<MentionKey, OwnPost> ownPosts = new LinkedHashMap<>(16, 0.75f, true);
    final LinkedHashMap<MentionKey, TrackedPost> tracked = new LinkedHashMap<>(16, 0.75f, true);
    final LinkedHashMap<String, Instant> influencerAlerts = new LinkedHashMap<>(16, 0.75f, true);
    final ArrayDeque<Instant> oneStars = new ArrayDeque<>();
    AlertGate oneStarGate = new AlertGate();

    final LinkedHashMap<IncidentId, IncidentTracker> incidents = new LinkedHashMap<>();
    final Map<IncidentId, IncidentId> redirects = new LinkedHashMap<>();
    final Map<String, Integer> ties = new LinkedHashMap<>();
    final Set<IncidentId> pausedFor = new LinkedHashSet<>();
    boolean pauseInFlight;
    /** The audit trails of its incidents. */
    final AuditBook audit = new AuditBook();
    /** What the pre-publish and reply checks need beyond the incidents (recent hashtags, reply texts). */
    final CheckMemory checks = new CheckMemory();

    /** Derived: the open incident per topic (rebuilt on restore). */
    final Map<Topic, IncidentTracker> openByTopic = new LinkedHashMap<>();
    /** Derived: the earliest escalation deadline among open incidents, or null. */
    Instant nextDeadline;
    /**
     * Derived: the series of {@link #series} that are never removed (brand, platform and category, unlike
     * hashtags), for lookups without hashing a key on every mention. Cleared by {@link #reindex()}.
     */
    private Series[] fixed = new Series[4];
    /**
     * The kinds and values of {@link #fixed}, so that finding a category's series reads these two small arrays,
     * not each cold series object in turn.
     */
    private Series.Kind[] fixedKinds = new Series.Kind[4];
    private String[] fixedValues = new String[4];
    private int fixedCount;
    /** Derived: the brand series and the last platform series used (most mentions come from one platform). */
    private Series brandSeries;
    private Series platformSeries;
    /**
     * Derived: {@link #lastNow} and {@link #nextDeadline} as numbers, valid while the instants are the ones they
     * were taken from, so that a mention's time is compared without reading two instants from memory.
     */
    private Instant lastNowSeen;
    private long lastNowSecond;
    private int lastNowNano;
    private Instant deadlineSeen;
    private long deadlineSecond;
    private int deadlineNano;
    transient DetectorFactory detectors;

    BrandState(String brand) {
        this.brand = Objects.requireNonNull(brand, "brand");
    }

    /** A fresh state for a brand that has seen nothing yet. */
    public static BrandState empty(String brand) {
        return new BrandState(Objects.requireNonNull(brand, "brand"));
    }

    /** The brand's name. */
    public String brand() {
        return brand;
    }

    /** Mentions taken (not owned, not duplicates) since the state was created. */
    public long mentions() {
        return mentions;
    }

    /** The ids of the incidents it holds, oldest first. */
    public List<IncidentId> incidentIds() {
        return Collections.unmodifiableList(new ArrayList<>(incidents.keySet()));
    }

    /** Follows merge redirects to the incident that holds an id's story now. */
    IncidentTracker resolve(IncidentId id) {
        IncidentId cur = id;
        for (int i = 0; i < 64 && cur != null; i++) {
            IncidentTracker t = incidents.get(cur);
            if (t != null) {
                return t;
            }
            cur = redirects.get(cur);
        }
        return null;
    }

    /** The incident of a dedup entry (following merges), or null. */
    IncidentTracker resolveSeen(int entry) {
        return entry < 0 ? null : resolve(seen.incident(entry));
    }

    /**
     * The series of a kind that is never removed (not {@link Series.Kind#HASHTAG}) with this value, created
     * (with a fresh detector, its last observed bucket the one before {@code bucket}) if the brand has none.
     */
    Series fixedSeries(Series.Kind kind, String value, long bucket, long bucketSeconds) {
        Series.Kind[] kinds = fixedKinds;
        String[] values = fixedValues;
        int n = fixedCount;
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (kinds[i] == kind && (v == value || v.equals(value))) {
                return fixed[i];
            }
        }
        Series[] f = fixed;
        Series.Key key = new Series.Key(kind, value);
        Series x = series.get(key);
        if (x == null) {
            x = new Series(key);
            x.detector = detectors.create();
            x.lastObserved = bucket - bucketSeconds;
            series.put(key, x);
        }
        if (fixedCount == f.length) {
            fixed = f = java.util.Arrays.copyOf(f, f.length * 2);
            fixedKinds = java.util.Arrays.copyOf(fixedKinds, f.length);
            fixedValues = java.util.Arrays.copyOf(fixedValues, f.length);
        }
        fixedKinds[fixedCount] = x.kind;
        fixedValues[fixedCount] = x.value;
        f[fixedCount++] = x;
        return x;
    }

    /** {@code fixedSeries(BRAND, "", ...)}. */
    Series brandSeries(long bucket, long bucketSeconds) {
        Series x = brandSeries;
        if (x == null) {
            x = brandSeries = fixedSeries(Series.Kind.BRAND, "", bucket, bucketSeconds);
        }
        return x;
    }

    /** {@code fixedSeries(PLATFORM, platform, ...)}. */
    Series platformSeries(String platform, long bucket, long bucketSeconds) {
        Series x = platformSeries;
        if (x == null || x.value != platform && !x.value.equals(platform)) {
            x = platformSeries = fixedSeries(Series.Kind.PLATFORM, platform, bucket, bucketSeconds);
        }
        return x;
    }

    /** {@code if (now.isAfter(lastNow)) lastNow = now;} */
    void advanceLastNow(Instant now) {
        if (lastNow != lastNowSeen) {
            lastNowSecond = lastNow.getEpochSecond();
            lastNowNano = lastNow.getNano();
            lastNowSeen = lastNow;
        }
        long second = now.getEpochSecond();
        if (second > lastNowSecond || second == lastNowSecond && now.getNano() > lastNowNano) {
            lastNow = now;
            lastNowSeen = now;
            lastNowSecond = second;
            lastNowNano = now.getNano();
        }
    }

    /** {@code nextDeadline != null && !now.isBefore(nextDeadline)}. */
    boolean deadlineDue(Instant now) {
        Instant d = nextDeadline;
        if (d == null) {
            return false;
        }
        if (d != deadlineSeen) {
            deadlineSecond = d.getEpochSecond();
            deadlineNano = d.getNano();
            deadlineSeen = d;
        }
        long second = now.getEpochSecond();
        return second > deadlineSecond || second == deadlineSecond && now.getNano() >= deadlineNano;
    }

    /** Rebuilds the derived indexes after a restore or a structural change. */
    void reindex() {
        java.util.Arrays.fill(fixed, null);
        java.util.Arrays.fill(fixedKinds, null);
        java.util.Arrays.fill(fixedValues, null);
        fixedCount = 0;
        brandSeries = null;
        platformSeries = null;
        openByTopic.clear();
        for (IncidentTracker t : incidents.values()) {
            if (t.isOpen()) {
                openByTopic.put(t.topic, t);
            }
        }
        recomputeDeadline();
    }

    void recomputeDeadline() {
        Instant min = null;
        for (IncidentTracker t : incidents.values()) {
            if (t.isOpen() && t.escalation != null) {
                Instant d = t.escalation.nextDeadline().orElse(null);
                if (d != null && (min == null || d.isBefore(min))) {
                    min = d;
                }
            }
        }
        nextDeadline = min;
    }
}
