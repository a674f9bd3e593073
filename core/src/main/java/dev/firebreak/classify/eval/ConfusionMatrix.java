package dev.firebreak.classify.eval;

import java.util.List;
import java.util.Objects;

/**
 * Counts of (true label, predicted label) pairs over a fixed list of labels, and the usual metrics
 * derived from them. Not thread-safe; merge per-thread matrices with {@link #addAll(ConfusionMatrix)}.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    /** An empty matrix over these labels. */
    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        if (this.labels.size() < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 labels, got " + labels);
        }
        this.counts = new long[labels.size()][labels.size()];
    }

    /**
     * Counts one example.
     *
     * @throws IllegalArgumentException if a label is not one of the matrix's labels
     */
    public void add(String truth, String predicted) {
        counts[index(truth)][index(predicted)]++;
    }

    /** Adds another matrix over the same labels. */
    public void addAll(ConfusionMatrix other) {
        if (!other.labels.equals(labels)) {
            throw new IllegalArgumentException("labels differ: " + labels + " vs " + other.labels);
        }
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += other.counts[i][j];
            }
        }
    }

    private int index(String label) {
        int i = labels.indexOf(Objects.requireNonNull(label, "label"));
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "', expected one of " + labels);
        }
        return i;
    }

    /** The labels, in row and column order. */
    public List<String> labels() {
        return labels;
    }

    /** How many examples had true label {@code truth} and were predicted {@code predicted}. */
    public long count(String truth, String predicted) {
        return counts[index(truth)][index(predicted)];
    }

    /** How many examples were counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The share of examples predicted correctly; 0 when empty. */
    public double accuracy() {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return (double) right / total;
    }

    /** Precision of one label: right predictions of it over all predictions of it; 0 when never predicted. */
    public double precision(String label) {
        int k = index(label);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) counts[k][k] / predicted;
    }

    /** Recall of one label: right predictions of it over all examples with it; 0 when it never occurs. */
    public double recall(String label) {
        int k = index(label);
        long actual = 0;
        for (long c : counts[k]) {
            actual += c;
        }
        return actual == 0 ? 0 : (double) counts[k][k] / actual;
    }

    /** F1 of one label: the harmonic mean of its precision and recall; 0 when both are 0. */
    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of every label's F1. */
    public double macroF1() {
        double sum = 0;
        for (String l : labels) {
            sum += f1(l);
        }
        return sum / labels.size();
    }

    /** How many examples have this true label. */
    public long support(String label) {
        long n = 0;
        for (long c : counts[index(label)]) {
            n += c;
        }
        return n;
    }
}
