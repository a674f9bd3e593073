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
 * regularisation, the examples shuffled with the configured seed in every epoch.
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
        int stride = outputs + 1;
        int buckets = 1 << config.hashBits();
        FeatureExtractor extractor = TrainedModel.extractorFor(config);
        FeatureExtractor.Scratch s = new FeatureExtractor.Scratch();
        Collector collector = new Collector();

        // idf weights: log((n + 1) / (df + 1)) + 1 for features seen in training, 0 for the rest
        float[] table = new float[stride * buckets];
        int[] df = new int[buckets];
        int[] lastDoc = new int[buckets];
        java.util.Arrays.fill(lastDoc, -1);
        for (int e = 0; e < n; e++) {
            collector.clear();
            extractor.extract(texts.get(e), s, collector);
            for (IntList list : collector.groups) {
                for (int i = 0; i < list.size; i++) {
                    int b = list.values[i];
                    if (lastDoc[b] != e) {
                        lastDoc[b] = e;
                        df[b]++;
                    }
                }
            }
        }
        for (int b = 0; b < buckets; b++) {
            if (df[b] > 0) {
                table[b * stride] = (float) (StrictMath.log((n + 1.0) / (df[b] + 1.0)) + 1);
            }
        }
        df = null;
        lastDoc = null;

        float[] gw = new float[outputs * buckets];
        float[] bias = new float[outputs];
        double[] gb = new double[outputs];
        float[] dense = new float[TrainedModel.DENSE * outputs];
        double[] gd = new double[dense.length];
        java.util.Arrays.fill(gb, ADAGRAD_INITIAL);
        java.util.Arrays.fill(gd, ADAGRAD_INITIAL);
        double[] classWeight = config.classWeights().weights(task.labels(), counts);

        // the feature source is called once per example, not once per epoch
        float[][] denseX = null;
        int[][] named = null;
        if (config.featureSource().isPresent()) {
            denseX = new float[n][];
            named = new int[n][];
            IntList list = new IntList();
            for (int i = 0; i < n; i++) {
                float[] x = new float[TrainedModel.DENSE];
                list.clear();
                TrainedModel.sourceFeatures(extractor, config, examples.get(i).mention(), x, list);
                denseX[i] = x;
                named[i] = list.toArray();
            }
        }

        double[] z = new double[outputs];
        double[] g = new double[outputs];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double lr = config.learningRate();
        double l2 = config.l2();
        double[] scales = new double[2];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx = 0; idx < n; idx++) {
                int e = order[idx];
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
                        int o = list.values[i] * stride;
                        double v = table[o] * scale;
                        for (int k = 0; k < outputs; k++) {
                            z[k] += v * table[o + 1 + k];
                        }
                    }
                }
                if (denseX != null) {
                    for (int d = 0; d < TrainedModel.DENSE; d++) {
                        for (int k = 0; k < outputs; k++) {
                            z[k] += denseX[e][d] * dense[d * outputs + k];
                        }
                    }
                    for (int f : named[e]) {
                        for (int k = 0; k < outputs; k++) {
                            z[k] += table[f * stride + 1 + k];
                        }
                    }
                }
                // gradient of the weighted log loss with respect to the logits
                double cw = classWeight[y[e]];
                if (outputs == 1) {
                    double p = strictSigmoid(z[0]);
                    g[0] = cw * (p - (y[e] == 0 ? 1 : 0));
                } else {
                    strictSoftmax(z);
                    for (int k = 0; k < outputs; k++) {
                        g[k] = cw * (z[k] - (k == y[e] ? 1 : 0));
                    }
                }
                for (int grp = 0; grp < 2; grp++) {
                    IntList list = collector.groups[grp];
                    for (int i = 0; i < list.size; i++) {
                        int b = list.values[i];
                        update(table, gw, b, stride, g, table[b * stride] * scales[grp], lr, l2, outputs);
                    }
                }
                if (denseX != null) {
                    for (int f : named[e]) {
                        update(table, gw, f, stride, g, 1, lr, l2, outputs);
                    }
                    for (int d = 0; d < TrainedModel.DENSE; d++) {
                        double x = denseX[e][d];
                        if (x != 0) {
                            for (int k = 0; k < outputs; k++) {
                                int o = d * outputs + k;
                                double gr = g[k] * x + l2 * dense[o];
                                gd[o] += gr * gr;
                                dense[o] -= (float) (lr * gr / Math.sqrt(gd[o]));
                            }
                        }
                    }
                }
                for (int k = 0; k < outputs; k++) {
                    gb[k] += g[k] * g[k];
                    bias[k] -= (float) (lr * g[k] / Math.sqrt(gb[k]));
                }
            }
        }
        return new TrainedModel(task, config, table, bias, dense);
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

    /** One AdaGrad step on the weights of bucket {@code b} for a feature of value {@code x}. */
    private static void update(float[] table, float[] gw, int b, int stride, double[] g, double x, double lr,
            double l2, int outputs) {
        int o = b * stride + 1;
        int a = b * outputs;
        for (int k = 0; k < outputs; k++) {
            double gr = g[k] * x + l2 * table[o + k];
            double acc = gw[a + k] + gr * gr;
            gw[a + k] = (float) acc;
            table[o + k] -= (float) (lr * gr / Math.sqrt(acc + ADAGRAD_INITIAL));
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
