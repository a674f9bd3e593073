package dev.firebreak.classify.train;

import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Learns a {@link TrainedModel} from labelled mentions: a linear model (logistic regression, softmax
 * for more than two labels) over hashed word n-grams and character n-grams weighted by their inverse
 * document frequency in the training data, each group normalised to a fixed length, trained in-process by
 * stochastic gradient descent with per-feature adaptive learning rates (AdaGrad) and L2
 * regularisation, the examples shuffled with the configured seed in every epoch. Each feature's
 * learning is scaled per label by its naive Bayes log-count ratio (how much more often it occurs with
 * that label than with the others, NBSVM-style), so that telling features move first on small data.
 *
 * <p>With a {@linkplain TrainerConfig.Builder#featuresFrom feature source} (the built-in classifier,
 * say) the model is stacked: the data is split into {@link TrainerConfig#stackingFolds()} folds, each
 * fold is scored by a text-only model trained on the others, and a small linear model learns how to
 * weigh those out-of-fold text scores against the source's scores, polarity, signals and categories.
 * That weighing, learned from the data, is what lets the model do at least as well as the source
 * where the text alone says little, and better where it says more. The text-only model trained on all
 * the data and the combination are then folded into one linear model, so classifying costs the same
 * as without stacking plus one call of the source; training costs {@code stackingFolds + 1}
 * text-only trainings.
 *
 * <pre>{@code
 * List<LabeledMention> examples = ...;   // e.g. FirebreakJson.readLabeledMention(line, Task.POLARITY)
 * TrainedModel model = Trainer.create(Task.POLARITY).train(examples);
 * model.save(Path.of("polarity.model"));
 * }</pre>
 *
 * <p>Training is single-threaded and deterministic: the same data in the same order with the same
 * configuration gives a byte-identical model file. A trainer holds no state between calls and may be
 * reused.
 */
public final class Trainer {

    /** AdaGrad's initial squared-gradient sum: keeps the first steps finite. */
    private static final double ADAGRAD_INITIAL = 1e-2;

    /**
     * Additive smoothing of the naive Bayes ratios (measured with 5-fold cross-validation on the
     * development data: English macro-F1 0.554 to 0.573 for a text-only model, complaint F1 unchanged).
     */
    private static final double NB_ALPHA = 1;
    /** Added to each ratio's magnitude, so that a feature with no preference can still learn. */
    private static final double NB_FLOOR = 0.5;

    private static final long STACKING_SALT = 0x535441434B4C4EL;
    /**
     * The combination's training: it has a few dozen weights, so it gets many passes, a small step and
     * a little regularisation (the mix towards the identity); the results moved by less than 0.003
     * between 5 and 20 epochs, learning rates 0.1 and 0.3, L2 1e-4 and 1e-3.
     */
    private static final int COMBINATION_EPOCHS = 20;
    private static final double COMBINATION_LEARNING_RATE = 0.1;
    private static final double COMBINATION_L2 = 1e-4;

    private final Task task;
    private final TrainerConfig config;

    private Trainer(Task task, TrainerConfig config) {
        this.task = Objects.requireNonNull(task, "task");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A trainer for the task with {@link TrainerConfig#defaults()}. */
    public static Trainer create(Task task) {
        return new Trainer(task, TrainerConfig.defaults());
    }

    /** A trainer for the task with these settings. */
    public static Trainer create(Task task, TrainerConfig config) {
        return new Trainer(task, config);
    }

    /** The task it learns. */
    public Task task() {
        return task;
    }

    /** Its settings. */
    public TrainerConfig config() {
        return config;
    }

    /**
     * Trains a model.
     *
     * @param data labelled mentions, labels as {@link Task#normaliseLabel(String)} gives them; read once
     *     into memory
     * @return the model
     * @throws IllegalArgumentException if the data is empty, has a single label only, or holds a label
     *     that is not one of the task's (naming the position and the label)
     */
    public TrainedModel train(Iterable<LabeledMention> data) {
        Objects.requireNonNull(data, "data");
        List<String> labels = task.labels();
        List<String> texts = new ArrayList<>();
        List<LabeledMention> examples = new ArrayList<>();
        int[] y = new int[16];
        long[] counts = new long[labels.size()];
        int n = 0;
        for (LabeledMention lm : data) {
            Objects.requireNonNull(lm, "labelled mention at position " + n);
            int label = labels.indexOf(lm.label());
            if (label < 0) {
                throw new IllegalArgumentException("training example " + n + " (" + lm.mention().key() + ") has label '"
                        + lm.label() + "', but a " + task.jsonName() + " model learns " + labels);
            }
            if (n == y.length) {
                y = java.util.Arrays.copyOf(y, n * 2);
            }
            y[n++] = label;
            counts[label]++;
            texts.add(lm.mention().text());
            examples.add(lm);
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot train a " + task.jsonName() + " model on no examples: "
                    + "give it labelled mentions of at least two of " + labels);
        }
        int present = 0;
        int only = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                present++;
                only = k;
            }
        }
        if (present < 2) {
            throw new IllegalArgumentException("cannot train a " + task.jsonName() + " model: all " + n
                    + " examples have the label '" + labels.get(only) + "'; it needs examples of at least two of "
                    + labels);
        }
        return fit(texts, examples, y, counts);
    }

    private TrainedModel fit(List<String> texts, List<LabeledMention> examples, int[] y, long[] counts) {
        int n = texts.size();
        int outputs = TrainedModel.outputsFor(task);
        int[] everyone = new int[n];
        for (int i = 0; i < n; i++) {
            everyone[i] = i;
        }
        TrainerConfig textConfig = config.toBuilder().noFeatureSource().build();
        TextWeights text = fitText(texts, y, everyone, counts);
        float[] dense = new float[TrainedModel.DENSE * outputs];
        float[] source = new float[TrainedModel.SOURCE_BUCKETS * outputs];
        float[] mix = TrainedModel.identityMix(outputs);
        if (config.featureSource().isEmpty()) {
            return new TrainedModel(task, config, FeatureExtractor.VERSION, text.table, text.bias, dense, source,
                    mix);
        }

        // the feature source's output, once per example
        float[][] denseX = new float[n][];
        int[][] named = new int[n][];
        IntList list = new IntList();
        for (int i = 0; i < n; i++) {
            float[] x = new float[TrainedModel.DENSE];
            list.clear();
            TrainedModel.sourceFeatures(config, examples.get(i).mention(), x, list);
            denseX[i] = x;
            named[i] = list.toArray();
        }

        // out-of-fold scores of text-only models (words and character n-grams apart): what the text
        // says about examples it has not seen
        double[][] oof = new double[n][2 * outputs];
        int k = Math.min(config.stackingFolds(), n);
        List<List<Integer>> folds = CrossValidation.folds(examples, k, config.seed() ^ STACKING_SALT);
        for (List<Integer> fold : folds) {
            int[] rest = new int[n - fold.size()];
            long[] restCounts = new long[counts.length];
            int r = 0;
            int f = 0;
            for (int i = 0; i < n; i++) {
                if (f < fold.size() && fold.get(f) == i) {
                    f++;
                } else {
                    rest[r++] = i;
                    restCounts[y[i]]++;
                }
            }
            TextWeights w = fitText(texts, y, rest, restCounts);
            TrainedModel m = new TrainedModel(task, textConfig, FeatureExtractor.VERSION, w.table, w.bias,
                    dense.clone(), source.clone(), mix.clone());
            for (int i : fold) {
                m.groupScores(texts.get(i), oof[i]);
            }
        }

        // the combination: a small linear model over the groups' text scores and the source's features,
        // used with the text weights learned on all the data
        float[] bias = new float[outputs];
        fitCombination(oof, denseX, named, y, counts, mix, dense, source, bias);
        return new TrainedModel(task, config, FeatureExtractor.VERSION, text.table, bias, dense, source, mix);
    }

    /** A text-only model's weights: per bucket the idf and one weight per output, and the biases. */
    private record TextWeights(float[] table, float[] bias) {
    }

    /** Trains a model on the text features of the examples at {@code idx}. */
    private TextWeights fitText(List<String> texts, int[] y, int[] idx, long[] counts) {
        int n = idx.length;
        int outputs = TrainedModel.outputsFor(task);
        int labelCount = task.labels().size();
        int stride = outputs + 1;
        int buckets = 1 << config.hashBits();
        FeatureExtractor extractor = TrainedModel.extractorFor(config, FeatureExtractor.VERSION);
        FeatureExtractor.Scratch s = new FeatureExtractor.Scratch();
        Collector collector = new Collector();

        // idf weights: log((n + 1) / (df + 1)) + 1 for features seen in training, 0 for the rest;
        // per label document frequencies for the naive Bayes ratios
        float[] table = new float[stride * buckets];
        int[] df = new int[buckets];
        int[] labelDf = new int[buckets * labelCount];
        int[] lastDoc = new int[buckets];
        java.util.Arrays.fill(lastDoc, -1);
        for (int e = 0; e < n; e++) {
            collector.clear();
            extractor.extract(texts.get(idx[e]), s, collector);
            int label = y[idx[e]];
            for (IntList list : collector.groups) {
                for (int i = 0; i < list.size; i++) {
                    int b = list.values[i];
                    if (lastDoc[b] != e) {
                        lastDoc[b] = e;
                        df[b]++;
                        labelDf[b * labelCount + label]++;
                    }
                }
            }
        }
        lastDoc = null;
        // naive Bayes log-count ratio of each feature for each output (one label against the others):
        // a feature that tells the labels apart learns faster (NBSVM, Wang and Manning 2012)
        float[] nb = new float[buckets * outputs];
        for (int b = 0; b < buckets; b++) {
            if (df[b] == 0) {
                continue;
            }
            table[b * stride] = (float) (StrictMath.log((n + 1.0) / (df[b] + 1.0)) + 1);
            for (int k = 0; k < outputs; k++) {
                double in = labelDf[b * labelCount + k] + NB_ALPHA;
                double out = df[b] - labelDf[b * labelCount + k] + NB_ALPHA;
                long inN = counts[k];
                long outN = 0;
                for (long c : counts) {
                    outN += c;
                }
                outN -= inN;
                double ratio = StrictMath.log((in / (inN + 2 * NB_ALPHA)) / (out / (outN + 2 * NB_ALPHA)));
                nb[b * outputs + k] = (float) (NB_FLOOR + Math.abs(ratio));
            }
        }
        df = null;
        labelDf = null;

        float[] gw = new float[outputs * buckets];
        float[] bias = new float[outputs];
        double[] gb = new double[outputs];
        java.util.Arrays.fill(gb, ADAGRAD_INITIAL);
        double[] classWeight = config.classWeights().weights(task.labels(), counts);

        double[] z = new double[outputs];
        double[] g = new double[outputs];
        int[] order = idx.clone();
        SplittableRandom random = new SplittableRandom(config.seed());
        double lr = config.learningRate();
        double l2 = config.l2();
        double[] scales = new double[2];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, random);
            for (int e : order) {
                collector.clear();
                extractor.extract(texts.get(e), s, collector);
                for (int k = 0; k < outputs; k++) {
                    z[k] = bias[k];
                }
                for (int grp = 0; grp < 2; grp++) {
                    IntList list = collector.groups[grp];
                    double norm = 0;
                    for (int i = 0; i < list.size; i++) {
                        double v = table[list.values[i] * stride];
                        norm += v * v;
                    }
                    double scale = norm == 0 ? 0 : TrainedModel.GROUP_SCALE / Math.sqrt(norm);
                    scales[grp] = scale;
                    for (int i = 0; i < list.size; i++) {
                        int b = list.values[i];
                        int o = b * stride;
                        double v = table[o] * scale;
                        for (int k = 0; k < outputs; k++) {
                            z[k] += v * nb[b * outputs + k] * table[o + 1 + k];
                        }
                    }
                }
                gradient(z, y[e], classWeight[y[e]], outputs, g);
                for (int grp = 0; grp < 2; grp++) {
                    IntList list = collector.groups[grp];
                    for (int i = 0; i < list.size; i++) {
                        int b = list.values[i];
                        double x = table[b * stride] * scales[grp];
                        int o = b * stride + 1;
                        int a = b * outputs;
                        for (int k = 0; k < outputs; k++) {
                            double gr = g[k] * x * nb[a + k] + l2 * table[o + k];
                            double acc = gw[a + k] + gr * gr;
                            gw[a + k] = (float) acc;
                            table[o + k] -= (float) (lr * gr / Math.sqrt(acc + ADAGRAD_INITIAL));
                        }
                    }
                }
                for (int k = 0; k < outputs; k++) {
                    gb[k] += g[k] * g[k];
                    bias[k] -= (float) (lr * g[k] / Math.sqrt(gb[k]));
                }
            }
        }
        // the ratios are folded into the weights, so a model scores without them
        for (int b = 0; b < buckets; b++) {
            for (int k = 0; k < outputs; k++) {
                table[b * stride + 1 + k] *= nb[b * outputs + k];
            }
        }
        return new TextWeights(table, bias);
    }

    /**
     * Learns how to combine the out-of-fold text scores with the feature source's dense and named
     * features: {@code logit[q] = bias[q] + sum_g sum_j mix[g][q][j] * text[g][j] + dense . w[q] +
     * sum source[named][q]}, {@code g} the feature group (words, character n-grams).
     */
    private void fitCombination(double[][] text, float[][] denseX, int[][] named, int[] y, long[] counts,
            float[] mix, float[] dense, float[] source, float[] bias) {
        int n = text.length;
        int outputs = bias.length;
        int oo = outputs * outputs;
        int d = TrainedModel.DENSE;
        float[] identity = TrainedModel.identityMix(outputs);
        double[] gMix = new double[mix.length];
        double[] gDense = new double[dense.length];
        double[] gSource = new double[source.length];
        double[] gBias = new double[outputs];
        java.util.Arrays.fill(gMix, ADAGRAD_INITIAL);
        java.util.Arrays.fill(gDense, ADAGRAD_INITIAL);
        java.util.Arrays.fill(gSource, ADAGRAD_INITIAL);
        java.util.Arrays.fill(gBias, ADAGRAD_INITIAL);
        double[] classWeight = config.classWeights().weights(task.labels(), counts);
        double[] z = new double[outputs];
        double[] g = new double[outputs];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed() ^ STACKING_SALT);
        double lr = COMBINATION_LEARNING_RATE;
        double l2 = COMBINATION_L2;
        for (int epoch = 0; epoch < COMBINATION_EPOCHS; epoch++) {
            shuffle(order, random);
            for (int e : order) {
                double[] t = text[e];
                for (int q = 0; q < outputs; q++) {
                    double v = bias[q];
                    for (int j = 0; j < outputs; j++) {
                        v += mix[q * outputs + j] * t[j] + mix[oo + q * outputs + j] * t[outputs + j];
                    }
                    for (int f = 0; f < d; f++) {
                        v += denseX[e][f] * dense[f * outputs + q];
                    }
                    for (int b : named[e]) {
                        v += source[b * outputs + q];
                    }
                    z[q] = v;
                }
                gradient(z, y[e], classWeight[y[e]], outputs, g);
                for (int q = 0; q < outputs; q++) {
                    for (int grp = 0; grp < 2; grp++) {
                        for (int j = 0; j < outputs; j++) {
                            int o = grp * oo + q * outputs + j;
                            double gr = g[q] * t[grp * outputs + j] + l2 * (mix[o] - identity[o]);
                            gMix[o] += gr * gr;
                            mix[o] -= (float) (lr * gr / Math.sqrt(gMix[o]));
                        }
                    }
                    for (int f = 0; f < d; f++) {
                        int o = f * outputs + q;
                        double gr = g[q] * denseX[e][f] + l2 * dense[o];
                        gDense[o] += gr * gr;
                        dense[o] -= (float) (lr * gr / Math.sqrt(gDense[o]));
                    }
                    for (int b : named[e]) {
                        int o = b * outputs + q;
                        double gr = g[q] + l2 * source[o];
                        gSource[o] += gr * gr;
                        source[o] -= (float) (lr * gr / Math.sqrt(gSource[o]));
                    }
                    gBias[q] += g[q] * g[q];
                    bias[q] -= (float) (lr * g[q] / Math.sqrt(gBias[q]));
                }
            }
        }
    }

    /** The gradient of the weighted log loss with respect to the logits; {@code z} is overwritten. */
    private static void gradient(double[] z, int label, double weight, int outputs, double[] g) {
        if (outputs == 1) {
            double p = strictSigmoid(z[0]);
            g[0] = weight * (p - (label == 0 ? 1 : 0));
        } else {
            strictSoftmax(z);
            for (int k = 0; k < outputs; k++) {
                g[k] = weight * (z[k] - (k == label ? 1 : 0));
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    // StrictMath so that the same data and seed give the same bytes on every JVM and CPU

    private static double strictSigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    private static void strictSoftmax(double[] z) {
        double max = z[0];
        for (int k = 1; k < z.length; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = StrictMath.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    /** Collects the buckets of one example, words and character n-grams apart. */
    private static final class Collector extends FeatureExtractor.Sink {
        final IntList[] groups = {new IntList(), new IntList()};

        void clear() {
            groups[0].clear();
            groups[1].clear();
        }

        @Override
        void word(int bucket) {
            groups[0].add(bucket);
        }

        @Override
        void chars(int bucket) {
            groups[1].add(bucket);
        }
    }
}
