package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.mention.Mention;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A brand's recent mentions, oldest first: a ring that, once full, puts the newest mention in the slot of the
 * oldest ({@link #replaceFirst}), so that keeping the last N mentions writes one slot per mention instead of
 * two (an {@code ArrayDeque} removes at its head and adds at its tail, which are N slots apart: two cache lines
 * of a state that is cold by the time the brand's next mention arrives).
 *
 * <p>The fields of each {@link Recent} are stored flat, in two arrays side by side (references: mention,
 * categories, hashtags; numbers: bucket and flags), not as one object per slot: the slot written next lies
 * beside the one written last, where the oldest {@code Recent} object it used to reuse was one more cold cache
 * line per mention (EngineCpuTime). {@link #first()}, {@link #removeFirst()} and the iterator hand out fresh
 * {@code Recent} objects with the slot's values; nothing holds them beyond a call.
 */
final class RecentRing implements Iterable<Recent> {

    /** References per slot: mention, categories, hashtags. */
    private static final int R = 3;
    private static final long NEGATIVE = 1;
    private static final long COMPLAINT = 2;

    /** A power of two long. */
    private int capacity = 16;
    private Object[] refs = new Object[capacity * R];
    /** Per slot: {@code bucket << 2 | complaint << 1 | negative} (a bucket is epoch seconds: far below 2^61). */
    private long[] meta = new long[capacity];
    private int head;
    private int size;
    private int modCount;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(Recent r) {
        addLast(r.mention, r.negative, r.complaint, r.categories, r.hashtags, r.bucket);
    }

    void addLast(Mention mention, boolean negative, boolean complaint, List<Category> categories,
            List<String> hashtags, long bucket) {
        if (size == capacity) {
            int n = capacity * 2;
            Object[] rs = new Object[n * R];
            long[] ms = new long[n];
            for (int i = 0; i < size; i++) {
                int p = (head + i) & (capacity - 1);
                System.arraycopy(refs, p * R, rs, i * R, R);
                ms[i] = meta[p];
            }
            refs = rs;
            meta = ms;
            capacity = n;
            head = 0;
        }
        put((head + size) & (capacity - 1), mention, negative, complaint, categories, hashtags, bucket);
        size++;
        modCount++;
    }

    private void put(int p, Mention mention, boolean negative, boolean complaint, List<Category> categories,
            List<String> hashtags, long bucket) {
        Object[] rs = refs;
        rs[p * R] = mention;
        rs[p * R + 1] = categories;
        rs[p * R + 2] = hashtags;
        meta[p] = bucket << 2 | (complaint ? COMPLAINT : 0) | (negative ? NEGATIVE : 0);
    }

    @SuppressWarnings("unchecked")
    private Recent at(int p) {
        Object[] rs = refs;
        long m = meta[p];
        return new Recent((Mention) rs[p * R], (m & NEGATIVE) != 0, (m & COMPLAINT) != 0,
                (List<Category>) rs[p * R + 1], (List<String>) rs[p * R + 2], m >> 2);
    }

    boolean add(Recent r) {
        addLast(r);
        return true;
    }

    /** The oldest mention (a copy of its slot). */
    Recent first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return at(head);
    }

    Recent removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        Recent r = at(head);
        put(head, null, false, false, null, null, 0);
        head = (head + 1) & (capacity - 1);
        size--;
        modCount++;
        return r;
    }

    /** {@code removeFirst(); addLast(r);} on a ring that is not empty, in one slot when it is full. */
    void replaceFirst(Recent r) {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        if (size == capacity) {
            put(head, r.mention, r.negative, r.complaint, r.categories, r.hashtags, r.bucket);
            head = (head + 1) & (capacity - 1);
            modCount++;
            return;
        }
        removeFirst();
        addLast(r);
    }

    @Override
    public Iterator<Recent> iterator() {
        return new Iterator<>() {
            private final int expected = modCount;
            private int i;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            public Recent next() {
                if (modCount != expected) {
                    throw new ConcurrentModificationException();
                }
                if (i >= size) {
                    throw new NoSuchElementException();
                }
                return at((head + i++) & (capacity - 1));
            }
        };
    }
}
