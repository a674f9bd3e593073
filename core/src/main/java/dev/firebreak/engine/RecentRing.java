package dev.firebreak.engine;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A brand's recent mentions, oldest first: a ring that, once full, puts the newest mention in the slot of the
 * oldest ({@link #replaceFirst}), so that keeping the last N mentions writes one array slot per mention
 * instead of two (an {@code ArrayDeque} removes at its head and adds at its tail, which are N slots apart:
 * two cache lines of a state that is cold by the time the brand's next mention arrives).
 */
final class RecentRing implements Iterable<Recent> {

    /** A power of two long. */
    private Recent[] slots = new Recent[16];
    private int head;
    private int size;
    private int modCount;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds at the end (newest), growing when full. */
    void addLast(Recent r) {
        if (size == slots.length) {
            Recent[] bigger = new Recent[slots.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = slots[(head + i) & (slots.length - 1)];
            }
            slots = bigger;
            head = 0;
        }
        slots[(head + size) & (slots.length - 1)] = r;
        size++;
        modCount++;
    }

    /** {@link #addLast}. */
    boolean add(Recent r) {
        addLast(r);
        return true;
    }

    /** The oldest; the ring must not be empty. */
    Recent first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return slots[head];
    }

    /** Removes the oldest. */
    Recent removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        Recent r = slots[head];
        slots[head] = null;
        head = (head + 1) & (slots.length - 1);
        size--;
        modCount++;
        return r;
    }

    /** {@code removeFirst(); addLast(r);} on a ring that is not empty, in one slot when it is full. */
    void replaceFirst(Recent r) {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        if (size == slots.length) {
            slots[head] = r;
            head = (head + 1) & (slots.length - 1);
            modCount++;
            return;
        }
        removeFirst();
        addLast(r);
    }

    /** Oldest first. */
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
                return slots[(head + i++) & (slots.length - 1)];
            }
        };
    }
}
