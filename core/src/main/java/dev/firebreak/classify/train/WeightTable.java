package dev.firebreak.classify.train;

import java.util.Arrays;

/**
 * A trained model's hashed weights, in memory: of the {@code 2^hashBits} buckets only the used ones
 * (a non-zero idf or weight) are stored, contiguously, each a row of {@code stride} floats (the idf,
 * then one weight per output); a bitmap of the used buckets with a running count per 64 buckets (a
 * rank directory, interleaved with the bitmap so that both come in one cache line) finds a bucket's
 * row.
 *
 * <p>Why: a model trained on a few thousand mentions uses some 10 to 20% of its 2^20 buckets, and a
 * tweet looks up hundreds of character n-grams. In the full table (16 MB for three labels) almost every
 * lookup of a rare word's n-gram is a cache miss; the directory (256 KB at 2^20 buckets) stays in the
 * CPU's caches, an unused bucket costs no access to the rows at all, and the used rows are a fraction
 * of the full table's size. Lookups give exactly the full table's values (unused rows are zero).
 *
 * <p>An unused bucket's offset is that of an all-zero row kept before the used rows, so that a caller
 * sums without a branch on whether the bucket is used (adding 0.0 changes no sum): the outcome of that
 * branch is as random as the text's n-grams, and mispredicting it cost more than the additions
 * (TrainedModelBenchmark).
 */
final class WeightTable {

    private final int stride;
    private final int hashBits;
    /** Per 64 buckets: the bitmap of used buckets, then the number of used buckets before them. */
    private final long[] directory;
    /** An all-zero row, then the used buckets' rows, in bucket order. */
    private final float[] rows;
    /** The used buckets, in increasing order (for writing). */
    private final int[] buckets;

    /**
     * Compacts a full table of {@code stride << hashBits} floats (row {@code b} at {@code b * stride}).
     */
    WeightTable(float[] full, int stride, int hashBits) {
        if (stride < 1 || hashBits < 6 || full.length != (long) stride << hashBits) {
            throw new IllegalArgumentException("a table of " + full.length + " floats is not " + stride + " x 2^"
                    + hashBits);
        }
        this.stride = stride;
        this.hashBits = hashBits;
        int n = 1 << hashBits;
        int used = 0;
        for (int b = 0; b < n; b++) {
            if (nonZero(full, b * stride, stride)) {
                used++;
            }
        }
        this.buckets = new int[used];
        this.rows = new float[(used + 1) * stride];
        this.directory = new long[2 * (n >>> 6)];
        int r = 0;
        for (int b = 0; b < n; b++) {
            if ((b & 63) == 0) {
                directory[2 * (b >>> 6) + 1] = r;
            }
            if (nonZero(full, b * stride, stride)) {
                directory[2 * (b >>> 6)] |= 1L << b;
                buckets[r] = b;
                System.arraycopy(full, b * stride, rows, (r + 1) * stride, stride);
                r++;
            }
        }
    }

    /** Whether a row holds anything but zeros ({@code -0.0} counts as zero). */
    static boolean nonZero(float[] w, int o, int length) {
        for (int k = 0; k < length; k++) {
            if (w[o + k] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Floats per row: the idf, then one weight per output. */
    int stride() {
        return stride;
    }

    int hashBits() {
        return hashBits;
    }

    /** How many buckets have a row. */
    int used() {
        return buckets.length;
    }

    /** The bucket of the {@code r}-th row, rows in increasing bucket order. */
    int bucket(int r) {
        return buckets[r];
    }

    /**
     * The rows, {@link #stride()} floats each: the all-zero row of the unused buckets, then the used
     * buckets' rows in bucket order.
     */
    float[] rows() {
        return rows;
    }

    /** Where the {@code r}-th used bucket's row starts in {@link #rows()}. */
    int rowOffset(int r) {
        return (r + 1) * stride;
    }

    /**
     * Where the bucket's row starts in {@link #rows()}: 0, the all-zero row, for an unused bucket.
     * Branch-free.
     */
    int offset(int bucket) {
        int w = (bucket >>> 6) << 1;
        long bits = directory[w];
        int used = (int) (bits >>> bucket) & 1;
        // the used buckets up to and including this one: its row's index after the zero row
        int rank = (int) directory[w + 1] + Long.bitCount(bits & (-1L >>> (63 - (bucket & 63))));
        return rank * used * stride;
    }

    /** The full table again, {@code stride << hashBits} floats. */
    float[] expand() {
        float[] full = new float[stride << hashBits];
        for (int r = 0; r < buckets.length; r++) {
            System.arraycopy(rows, (r + 1) * stride, full, buckets[r] * stride, stride);
        }
        return full;
    }

    @Override
    public String toString() {
        return "WeightTable[" + buckets.length + " of 2^" + hashBits + " buckets used, stride " + stride + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightTable t && t.stride == stride && t.hashBits == hashBits
                && Arrays.equals(t.buckets, buckets) && Arrays.equals(t.rows, rows);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(buckets) + Arrays.hashCode(rows);
    }
}
