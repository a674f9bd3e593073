package dev.firebreak.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * Counts (or any {@code long}) per key, in the order the keys were first put, as a {@code LinkedHashMap<K, Long>}
 * without its entry objects and boxed values: the keys and values in two arrays, and for more than a few keys an
 * open-addressing index of their positions. An incident's authors, categories, hashtags and platforms are counted
 * for every mention that joins it; the map's node, its boxed count and the count's replacement on each merge were a
 * good part of that cost. Keys are never removed; iteration order is insertion order (a put or an add on a key it
 * holds keeps its place), as for the map it replaces, so that snapshots and reports are the same.
 */
final class CountTable<K> {

    /** Up to this many keys a lookup scans the keys; beyond, it goes through {@link #index}. */
    private static final int SCAN = 8;

    private Object[] keys;
    private long[] values;
    private int size;
    /**
     * Open addressing, linear probing (length a power of two): 0 for an empty slot, else {@code hash << 32 |
     * (position + 1)}, so that neither a probe past another key nor a rebuild reads a key (a cold object for an
     * incident's thousands of authors); null up to SCAN keys.
     */
    private long[] index;

    CountTable() {
        keys = new Object[4];
        values = new long[4];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    K key(int i) {
        return (K) keys[i];
    }

    long value(int i) {
        return values[i];
    }

    boolean containsKey(K key) {
        return find(key) >= 0;
    }

    long getOrDefault(K key, long otherwise) {
        int i = find(key);
        return i < 0 ? otherwise : values[i];
    }

    /** Puts {@code value} unless the key is held; true if it was put (the key is new). */
    boolean putIfAbsent(K key, long value) {
        if (find(key) >= 0) {
            return false;
        }
        append(key, value);
        return true;
    }

    /** Sets the key's value (keeping its place when it is held). */
    void put(K key, long value) {
        int i = find(key);
        if (i >= 0) {
            values[i] = value;
        } else {
            append(key, value);
        }
    }

    /** Adds {@code delta} to the key's value, 0 for a new key. */
    void add(K key, long delta) {
        int i = find(key);
        if (i >= 0) {
            values[i] += delta;
        } else {
            append(key, delta);
        }
    }

    @SuppressWarnings("unchecked")
    void forEach(ObjLongConsumer<? super K> action) {
        for (int i = 0; i < size; i++) {
            action.accept((K) keys[i], values[i]);
        }
    }

    /** A mutable copy as a map, in this order. */
    @SuppressWarnings("unchecked")
    Map<K, Long> toMap() {
        Map<K, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            m.put((K) keys[i], values[i]);
        }
        return m;
    }

    private int find(Object key) {
        long[] idx = index;
        if (idx == null) {
            Object[] ks = keys;
            for (int i = 0; i < size; i++) {
                Object k = ks[i];
                if (k == key || k.equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int h = hash(key);
        int mask = idx.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long e = idx[s];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                int p = (int) e - 1;
                Object k = keys[p];
                if (k == key || k.equals(key)) {
                    return p;
                }
            }
        }
    }

    private void append(K key, long value) {
        if (size == keys.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, n);
            values = Arrays.copyOf(values, n);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        if (index != null) {
            if (size * 2 > index.length) {
                rebuild(index.length * 2); // (the keys before this one)
            }
            place(index, hash(key), size - 1);
        } else if (size > SCAN) {
            rebuild(32);
        }
    }

    private void rebuild(int capacity) {
        long[] old = index;
        long[] idx = new long[capacity];
        if (old == null) {
            for (int i = 0; i < size; i++) {
                place(idx, hash(keys[i]), i);
            }
        } else {
            for (long e : old) {
                if (e != 0) {
                    place(idx, (int) (e >>> 32), (int) e - 1);
                }
            }
        }
        index = idx;
    }

    private static void place(long[] idx, int h, int i) {
        int mask = idx.length - 1;
        int s = h & mask;
        while (idx[s] != 0) {
            s = (s + 1) & mask;
        }
        idx[s] = (long) h << 32 | (i + 1);
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }
}
