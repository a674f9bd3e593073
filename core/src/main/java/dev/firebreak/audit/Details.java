package dev.firebreak.audit;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The details of an {@link AuditRecord}: an immutable map over two arrays, in the order the entries were given.
 * Equal to (and with the hash code and {@code toString} of) the {@code LinkedHashMap} it replaces; a record keeps
 * a handful of entries for an incident's life, so a linear lookup over them costs less than a hash table of
 * entry objects (EngineCpuTime: about a tenth of the engine's allocation was the audit's maps).
 */
final class Details extends AbstractMap<String, String> {

    private static final Details EMPTY = new Details(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private Details(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An immutable copy of {@code m} in its iteration order ({@code m} itself when it is one already). */
    static Map<String, String> copyOf(Map<String, String> m) {
        if (m instanceof Details) {
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
        return new Details(k, v);
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

    // ---------------------------------------------------------------- immutable, as the unmodifiable map it replaces

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("an audit record's details cannot be changed");
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
