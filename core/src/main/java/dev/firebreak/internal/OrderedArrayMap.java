package dev.firebreak.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of strings over two arrays, in the order the entries were given: equal to (and with the hash
 * code and {@code toString} of) a {@code LinkedHashMap} of the same entries. For the few entries of an audit
 * record's details, kept for an incident's life, a linear lookup costs less than a hash table of entry objects
 * (EngineCpuTime: about a tenth of the engine's allocation was the audit's maps).
 */
public final class OrderedArrayMap extends AbstractMap<String, String> {

    private static final OrderedArrayMap EMPTY = new OrderedArrayMap(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private OrderedArrayMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * The keys and values side by side ({@code key1, value1, key2, value2, ...}), in that order.
     *
     * @throws IllegalArgumentException if a key has no value
     */
    public static Map<String, String> ofPairs(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs, got " + keysAndValues.length
                    + " strings");
        }
        int n = keysAndValues.length / 2;
        if (n == 0) {
            return EMPTY;
        }
        String[] k = new String[n];
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            k[i] = keysAndValues[2 * i];
            v[i] = keysAndValues[2 * i + 1];
        }
        return new OrderedArrayMap(k, v);
    }

    /** An immutable copy of {@code m} in its iteration order ({@code m} itself when it is one already). */
    public static Map<String, String> copyOf(Map<String, String> m) {
        if (m instanceof OrderedArrayMap) {
            return m;
        }
        int n = m.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] k = new String[n];
        String[] v = new String[n];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (i == n) {
                throw new java.util.ConcurrentModificationException("details changed while copied");
            }
            k[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        if (i != n) {
            throw new java.util.ConcurrentModificationException("details changed while copied");
        }
        return new OrderedArrayMap(k, v);
    }

    private int index(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = index(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int j = i++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[j], values[j]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    // ---------------------------------------------------------------- immutable

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("an immutable map cannot be changed");
    }

    @Override
    public String put(String key, String value) {
        throw immutable();
    }

    @Override
    public String remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
        throw immutable();
    }

    @Override
    public String putIfAbsent(String key, String value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(String key, String oldValue, String newValue) {
        throw immutable();
    }

    @Override
    public String replace(String key, String value) {
        throw immutable();
    }

    @Override
    public String computeIfAbsent(String key, java.util.function.Function<? super String, ? extends String> f) {
        throw immutable();
    }

    @Override
    public String computeIfPresent(String key,
            java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
        throw immutable();
    }

    @Override
    public String compute(String key, java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
        throw immutable();
    }

    @Override
    public String merge(String key, String value,
            java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
        throw immutable();
    }
}
