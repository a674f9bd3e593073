package dev.firebreak.classify.train;

import dev.firebreak.classify.MentionClassifier;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of a {@link Trainer}: which features are hashed, how long and how hard it learns.
 * Immutable; start from {@link #defaults()} or {@link #builder()}, change with {@link #toBuilder()}.
 * Every setter fails fast with an {@link IllegalArgumentException} naming the field and its range.
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder()
 *         .wordNgrams(1, 2)        // words and word pairs (the default is words only)
 *         .charNgrams(2, 5)        // character 2- to 5-grams inside words
 *         .hashBits(20)            // 2^20 feature buckets
 *         .epochs(10)
 *         .seed(7)
 *         .build();
 * }</pre>
 *
 * <p>The defaults are tuned on public tweet sentiment and complaint data in eight languages (see
 * docs/training.md), not on any one data set. They use single words and no word pairs: with pairs the
 * cross-validated quality was the same within the folds' noise, and a model without them classifies
 * about 17% faster (most pairs are rare, so their weights are far from the processor's caches).
 * {@code wordNgrams(1, 2)} adds word pairs back.
 */
public final class TrainerConfig {

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9_.-]{1,40}");

    private final int wordNgramMin;
    private final int wordNgramMax;
    private final int charNgramMin;
    private final int charNgramMax;
    private final int hashBits;
    private final int epochs;
    private final double learningRate;
    private final double l2;
    private final ClassWeights classWeights;
    private final long seed;
    private final int stackingFolds;
    private final Optional<String> featureSourceName;
    private final Optional<MentionClassifier> featureSource;

    private TrainerConfig(Builder b) {
        this.wordNgramMin = b.wordNgramMin;
        this.wordNgramMax = b.wordNgramMax;
        this.charNgramMin = b.charNgramMin;
        this.charNgramMax = b.charNgramMax;
        this.hashBits = b.hashBits;
        this.epochs = b.epochs;
        this.learningRate = b.learningRate;
        this.l2 = b.l2;
        this.classWeights = b.classWeights;
        this.seed = b.seed;
        this.stackingFolds = b.stackingFolds;
        this.featureSourceName = b.featureSourceName;
        this.featureSource = b.featureSource;
    }

    /** The default settings. */
    public static TrainerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Smallest word n-gram (1 = single words). Default 1. */
    public int wordNgramMin() {
        return wordNgramMin;
    }

    /**
     * Largest word n-gram: 1 = single words only, 2 adds word pairs. Default 1 (no pairs; see the class
     * description for why).
     */
    public int wordNgramMax() {
        return wordNgramMax;
    }

    /** Smallest character n-gram inside a word, 0 when character n-grams are off. Default 2. */
    public int charNgramMin() {
        return charNgramMin;
    }

    /** Largest character n-gram inside a word, 0 when character n-grams are off. Default 5. */
    public int charNgramMax() {
        return charNgramMax;
    }

    /** Log2 of the number of hashed feature buckets. Default 20 (about a million buckets). */
    public int hashBits() {
        return hashBits;
    }

    /** Passes over the training data. */
    public int epochs() {
        return epochs;
    }

    /** The base learning rate of the per-feature adaptive (AdaGrad) updates. */
    public double learningRate() {
        return learningRate;
    }

    /** L2 regularisation strength. */
    public double l2() {
        return l2;
    }

    /** How much each label's examples count. Default {@link ClassWeights#balanced()}. */
    public ClassWeights classWeights() {
        return classWeights;
    }

    /** The seed of the shuffling; the same data and seed give a byte-identical model file. */
    public long seed() {
        return seed;
    }

    /**
     * With a {@link #featureSource()}: into how many folds the training data is split to learn how the
     * text features and the source's features combine (each fold is scored by a text-only model trained
     * on the others). Training then costs this many text-only trainings more. Default 3.
     */
    public int stackingFolds() {
        return stackingFolds;
    }

    /** The name under which {@link #featureSource()} is recorded in a saved model, if one is used. */
    public Optional<String> featureSourceName() {
        return featureSourceName;
    }

    /** The classifier whose scores and signals are extra features, if any. */
    public Optional<MentionClassifier> featureSource() {
        return featureSource;
    }

    @Override
    public String toString() {
        return "TrainerConfig[wordNgrams=" + wordNgramMin + ".." + wordNgramMax + ", charNgrams=" + charNgramMin
                + ".." + charNgramMax + ", hashBits=" + hashBits + ", epochs=" + epochs + ", learningRate="
                + learningRate + ", l2=" + l2 + ", classWeights=" + classWeights + ", seed=" + seed
                + ", featuresFrom=" + featureSourceName.orElse("none") + ", stackingFolds=" + stackingFolds + "]";
    }

    /** Builds a {@link TrainerConfig}; each setter checks its value at once. */
    public static final class Builder {
        private int wordNgramMin = 1;
        private int wordNgramMax = 1;
        private int charNgramMin = 2;
        private int charNgramMax = 5;
        private int hashBits = 20;
        private int epochs = 5;
        private double learningRate = 0.4;
        private double l2 = 1e-6;
        private ClassWeights classWeights = ClassWeights.balanced();
        private long seed = 42;
        private int stackingFolds = 3;
        private Optional<String> featureSourceName = Optional.empty();
        private Optional<MentionClassifier> featureSource = Optional.empty();

        private Builder() {
        }

        private Builder(TrainerConfig c) {
            wordNgramMin = c.wordNgramMin;
            wordNgramMax = c.wordNgramMax;
            charNgramMin = c.charNgramMin;
            charNgramMax = c.charNgramMax;
            hashBits = c.hashBits;
            epochs = c.epochs;
            learningRate = c.learningRate;
            l2 = c.l2;
            classWeights = c.classWeights;
            seed = c.seed;
            stackingFolds = c.stackingFolds;
            featureSourceName = c.featureSourceName;
            featureSource = c.featureSource;
        }

        /**
         * Word n-grams from {@code min} to {@code max} words: {@code (1, 1)}, the default, is single
         * words; {@code (1, 2)} adds word pairs, {@code (1, 3)} also word triples.
         *
         * @param min 1 to 5
         * @param max {@code min} to 5
         */
        public Builder wordNgrams(int min, int max) {
            if (min < 1 || min > 5) {
                throw new IllegalArgumentException("wordNgrams min must be in [1, 5], was " + min);
            }
            if (max < min || max > 5) {
                throw new IllegalArgumentException("wordNgrams max must be in [" + min + ", 5], was " + max);
            }
            wordNgramMin = min;
            wordNgramMax = max;
            return this;
        }

        /**
         * Character n-grams from {@code min} to {@code max} characters, taken inside each word with
         * its boundaries marked.
         *
         * @param min 1 to 8
         * @param max {@code min} to 8
         */
        public Builder charNgrams(int min, int max) {
            if (min < 1 || min > 8) {
                throw new IllegalArgumentException("charNgrams min must be in [1, 8], was " + min);
            }
            if (max < min || max > 8) {
                throw new IllegalArgumentException("charNgrams max must be in [" + min + ", 8], was " + max);
            }
            charNgramMin = min;
            charNgramMax = max;
            return this;
        }

        /** No character n-grams: words and word n-grams only (faster, weaker on small data). */
        public Builder noCharNgrams() {
            charNgramMin = 0;
            charNgramMax = 0;
            return this;
        }

        /**
         * Log2 of the number of feature buckets.
         *
         * @param bits 10 to 26 (1 K to 64 M buckets; the model holds a float per bucket and label)
         */
        public Builder hashBits(int bits) {
            if (bits < 10 || bits > 26) {
                throw new IllegalArgumentException("hashBits must be in [10, 26], was " + bits);
            }
            hashBits = bits;
            return this;
        }

        /**
         * Passes over the training data.
         *
         * @param epochs 1 to 1000
         */
        public Builder epochs(int epochs) {
            if (epochs < 1 || epochs > 1000) {
                throw new IllegalArgumentException("epochs must be in [1, 1000], was " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * The base learning rate.
         *
         * @param rate in (0, 10]
         */
        public Builder learningRate(double rate) {
            if (!(rate > 0 && rate <= 10)) {
                throw new IllegalArgumentException("learningRate must be in (0, 10], was " + rate);
            }
            learningRate = rate;
            return this;
        }

        /**
         * L2 regularisation strength.
         *
         * @param l2 in [0, 1)
         */
        public Builder l2(double l2) {
            if (!(l2 >= 0 && l2 < 1)) {
                throw new IllegalArgumentException("l2 must be in [0, 1), was " + l2);
            }
            this.l2 = l2;
            return this;
        }

        /** How much each label's examples count; see {@link ClassWeights}. */
        public Builder classWeights(ClassWeights weights) {
            classWeights = Objects.requireNonNull(weights, "classWeights");
            return this;
        }

        /** The seed of the shuffling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Into how many folds the data is split to learn how text and feature-source features combine
         * (see {@link TrainerConfig#stackingFolds()}); used only with a feature source.
         *
         * @param folds 2 to 20
         */
        public Builder stackingFolds(int folds) {
            if (folds < 2 || folds > 20) {
                throw new IllegalArgumentException("stackingFolds must be in [2, 20], was " + folds);
            }
            stackingFolds = folds;
            return this;
        }

        /**
         * Adds another classifier's output as features: its sentiment score, complaint score and
         * flag, polarity, and the names of its signals and categories. The model then needs the same
         * classifier at prediction time: it is called for every mention, and a saved model must be
         * loaded with {@link TrainedModel#load(java.nio.file.Path, MentionClassifier)}.
         *
         * @param name a name recorded in the model file so that loading can say which classifier it
         *     needs: 1 to 40 characters of a-z, 0-9, '.', '_' or '-', for example {@code "builtin"}
         * @param classifier the classifier
         */
        public Builder featuresFrom(String name, MentionClassifier classifier) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(classifier, "classifier");
            if (!SOURCE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("featuresFrom name must be 1 to 40 characters of a-z, 0-9, '.', "
                        + "'_' or '-', was '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
            }
            featureSourceName = Optional.of(name);
            featureSource = Optional.of(classifier);
            return this;
        }

        /** No extra features from another classifier. */
        public Builder noFeatureSource() {
            featureSourceName = Optional.empty();
            featureSource = Optional.empty();
            return this;
        }

        /** The settings. */
        public TrainerConfig build() {
            return new TrainerConfig(this);
        }
    }
}
