package dev.firebreak.classify.train;

import java.util.Arrays;

/** A growable list of ints, reused to avoid allocation. */
final class IntList {
    int[] values = new int[64];
    int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
