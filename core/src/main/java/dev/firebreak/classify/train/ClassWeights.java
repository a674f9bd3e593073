package dev.firebreak.classify.train;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How much each label's examples count in training. {@link #balanced()} (the default) weighs each
 * label by {@code examples / (labels * examplesOfThatLabel)}, so that a rare label (complaints are
 * often a third of the data or less) is not drowned out; {@link #none()} counts every example once;
 * {@link #of(Map)} sets the weights by hand.
 */
public final class ClassWeights {

    private static final ClassWeights NONE = new ClassWeights(false, Map.of());
    private static final ClassWeights BALANCED = new ClassWeights(true, Map.of());

    private final boolean balanced;
    private final Map<String, Double> explicit;

    private ClassWeights(boolean balanced, Map<String, Double> explicit) {
        this.balanced = balanced;
        this.explicit = explicit;
    }

    /** Every example counts once. */
    public static ClassWeights none() {
        return NONE;
    }

    /** Each label weighs in inverse proportion to how often it occurs in the training data. */
    public static ClassWeights balanced() {
        return BALANCED;
    }

    /**
     * Explicit weights by label; a label not in the map weighs 1.
     *
     * @param weights label to weight, each weight in (0, 1000]
     * @throws IllegalArgumentException for a weight out of range, naming the label
     */
    public static ClassWeights of(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        Map<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Objects.requireNonNull(e.getKey(), "label");
            double w = Objects.requireNonNull(e.getValue(), "weight of " + e.getKey());
            if (!(w > 0 && w <= 1000)) {
                throw new IllegalArgumentException("classWeights: weight of label '" + e.getKey()
                        + "' must be in (0, 1000], was " + w);
            }
            copy.put(e.getKey(), w);
        }
        return new ClassWeights(false, Map.copyOf(copy));
    }

    /** Whether the weights are computed from label frequencies. */
    public boolean isBalanced() {
        return balanced;
    }

    /** The explicit weights, empty for {@link #none()} and {@link #balanced()}. */
    public Map<String, Double> explicit() {
        return explicit;
    }

    /**
     * The weight of each label given how many training examples carry it.
     *
     * @param labels the labels, in output order
     * @param counts examples per label, same order
     */
    double[] weights(java.util.List<String> labels, long[] counts) {
        double[] w = new double[labels.size()];
        long total = 0;
        int present = 0;
        for (long c : counts) {
            total += c;
            present += c > 0 ? 1 : 0;
        }
        for (int i = 0; i < w.length; i++) {
            if (balanced) {
                w[i] = counts[i] == 0 ? 1 : (double) total / ((double) present * counts[i]);
            } else {
                w[i] = explicit.getOrDefault(labels.get(i), 1.0);
            }
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeights && ((ClassWeights) o).balanced == balanced
                && ((ClassWeights) o).explicit.equals(explicit);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(balanced) * 31 + explicit.hashCode();
    }

    @Override
    public String toString() {
        return balanced ? "balanced" : explicit.isEmpty() ? "none" : explicit.toString();
    }
}
