package dev.firebreak.engine;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import java.time.Instant;

/**
 * A brand's dedup memory: what it remembers of each mention it took (when, its spread and visibility, the
 * incident it joined, whether it was the brand's own or negative), oldest first, found by key.
 *
 * <p>Entries live in a ring of primitive arrays in the order they were added (only the oldest is ever
 * removed: by capacity or by age), found through an open-addressing index whose slots carry the key's hash
 * beside the entry's position, so that a lookup of a mention not seen before reads one cache line and a new
 * entry costs no object. (It replaced a {@code LinkedHashMap<MentionKey, Seen>}, which spent a map entry, a
 * key and a value object per mention, all kept for the dedup window: three cold cache lines per lookup and
 * old-generation garbage; EngineBenchmark / EngineCpuTime.)
 *
 * <p>An entry is named by its position ({@code int}), valid until it is removed or {@link #add} grows the
 * ring. Not thread-safe: used under the brand's lock.
 */
final class DedupTable {

    private static final int VISIBILITY_MASK = 0x3;
    private static final int OWNED = 0x4;
    private static final int NEGATIVE = 0x8;
    private static final Visibility[] VISIBILITIES = Visibility.values();
    /** Longs per entry in {@link #meta}: seen second, spread, seen nano and flags, key hash. */
    private static final int M = 4;
    /** References per entry in {@link #refs}: platform, id, incident. */
    private static final int R = 3;

    /** Per entry: {seenSecond, spread, nano << 32 | flags, hash}. */
    private long[] meta;
    /** Per entry: {platform, id, incident}. */
    private Object[] refs;
    /** Capacity of the ring, a power of two. */
    private int ring;
    /** Position of the oldest entry. */
    private int head;
    private int size;
    /** Open addressing, linear probing: 0 = empty, else {@code hash << 32 | (position + 1)}. */
    private long[] index;

    DedupTable() {
        ring = 8;
        meta = new long[ring * M];
        refs = new Object[ring * R];
        index = new long[ring * 2];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    static int hash(Platform platform, String id) {
        int h = 31 * platform.name().hashCode() + id.hashCode();
        return h ^ (h >>> 16);
    }

    private static int spread(int h) {
        return h * 0x9E3779B9;
    }

    /** The entry of this key, or -1. */
    int find(MentionKey key) {
        return find(key.platform(), key.id());
    }

    /** The entry of this platform and id, or -1. */
    int find(Platform platform, String id) {
        int h = hash(platform, id);
        long[] ix = index;
        int mask = ix.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            long slot = ix[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int p = (int) slot - 1;
                Object[] r = refs;
                if (id.equals(r[p * R + 1]) && platform.equals(r[p * R])) {
                    return p;
                }
            }
        }
    }

    /**
     * Adds an entry for a key not in the table, as the newest; returns its position. Positions held before
     * are invalid afterwards.
     */
    int add(Platform platform, String id, Instant seenAt, long spread, Visibility visibility, IncidentId incident,
            boolean owned, boolean negative) {
        if (size == ring) {
            grow();
        }
        int p = (head + size) & (ring - 1);
        int h = hash(platform, id);
        long[] m = meta;
        m[p * M] = seenAt.getEpochSecond();
        m[p * M + 1] = spread;
        m[p * M + 2] = (long) seenAt.getNano() << 32 | visibility.ordinal() | (owned ? OWNED : 0)
                | (negative ? NEGATIVE : 0);
        m[p * M + 3] = h;
        Object[] r = refs;
        r[p * R] = platform;
        r[p * R + 1] = id;
        r[p * R + 2] = incident;
        size++;
        insertIndex(h, p);
        return p;
    }

    private void insertIndex(int h, int p) {
        long[] ix = index;
        int mask = ix.length - 1;
        int i = spread(h) & mask;
        while (ix[i] != 0) {
            i = (i + 1) & mask;
        }
        ix[i] = (long) h << 32 | (p + 1L);
    }

    /** Doubles the ring (oldest first from position 0) and rebuilds the index. */
    private void grow() {
        int n = ring * 2;
        long[] m = new long[n * M];
        Object[] r = new Object[n * R];
        for (int k = 0; k < size; k++) {
            int p = (head + k) & (ring - 1);
            System.arraycopy(meta, p * M, m, k * M, M);
            System.arraycopy(refs, p * R, r, k * R, R);
        }
        meta = m;
        refs = r;
        ring = n;
        head = 0;
        index = new long[n * 2];
        for (int k = 0; k < size; k++) {
            insertIndex((int) m[k * M + 3], k);
        }
    }

    /** The position of the oldest entry; the table must not be empty. */
    int oldest() {
        return head;
    }

    /** Removes the oldest entry. */
    void removeOldest() {
        int p = head;
        int h = (int) meta[p * M + 3];
        long[] ix = index;
        int mask = ix.length - 1;
        int i = spread(h) & mask;
        long want = (long) h << 32 | (p + 1L);
        while (ix[i] != want) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion: move later entries of the probe run into the gap
        int gap = i;
        for (int j = (gap + 1) & mask; ix[j] != 0; j = (j + 1) & mask) {
            int home = spread((int) (ix[j] >>> 32)) & mask;
            // the entry at j may move to gap if its home is not within (gap, j]
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                ix[gap] = ix[j];
                gap = j;
            }
        }
        ix[gap] = 0;
        Object[] r = refs;
        r[p * R] = null;
        r[p * R + 1] = null;
        r[p * R + 2] = null;
        head = (p + 1) & (ring - 1);
        size--;
    }

    /** The position of the entry {@code k} places after the oldest ({@code 0 <= k < size}). */
    int at(int k) {
        return (head + k) & (ring - 1);
    }

    // ---------------------------------------------------------------- one entry

    Platform platform(int p) {
        return (Platform) refs[p * R];
    }

    String id(int p) {
        return (String) refs[p * R + 1];
    }

    Instant seenAt(int p) {
        return Instant.ofEpochSecond(meta[p * M], (int) (meta[p * M + 2] >>> 32));
    }

    /** {@code seenAt(p).isBefore(t)}, given {@code t}'s epoch second and nanosecond. */
    boolean seenBefore(int p, long second, int nano) {
        long s = meta[p * M];
        return s < second || s == second && (int) (meta[p * M + 2] >>> 32) < nano;
    }

    long spreadOf(int p) {
        return meta[p * M + 1];
    }

    void setSpread(int p, long spread) {
        meta[p * M + 1] = spread;
    }

    Visibility visibility(int p) {
        return VISIBILITIES[(int) meta[p * M + 2] & VISIBILITY_MASK];
    }

    void setVisibility(int p, Visibility v) {
        meta[p * M + 2] = meta[p * M + 2] & ~(long) VISIBILITY_MASK | v.ordinal();
    }

    boolean owned(int p) {
        return ((int) meta[p * M + 2] & OWNED) != 0;
    }

    boolean negative(int p) {
        return ((int) meta[p * M + 2] & NEGATIVE) != 0;
    }

    /** The incident the mention joined, or null. */
    IncidentId incident(int p) {
        return (IncidentId) refs[p * R + 2];
    }

    void setIncident(int p, IncidentId id) {
        refs[p * R + 2] = id;
    }
}
