package dev.firebreak.benchmarks;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.classify.train.TrainedModel;
import dev.firebreak.classify.train.Trainer;
import dev.firebreak.classify.train.TrainerConfig;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trained-model speed: {@code classify} is one mention of tweet length (generated, never development
 * data; see {@link #text} for the two kinds of text) through a trained polarity or complaint model,
 * against {@code baseline}, one pass that lower-cases every character of the same text. {@code train}
 * is training throughput in mentions per second per epoch: 5 epochs over 20,000 generated mentions,
 * counted as 100,000 operations (it includes the one extra pass that computes idf weights; with the
 * {@code builtin} features it also includes the three text-only models of the stacking folds, the
 * combination and one built-in classification per mention, all counted against the same 100,000
 * operations).
 *
 * <p>{@code features}: {@code default} (words, word pairs, character 2- to 5-grams), {@code words}
 * (no character n-grams), {@code builtin} (the defaults plus the built-in classifier's scores and
 * signals, so each classification also runs the built-in classifier).
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TrainedModelBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * # classify and baseline in CPU time of the measuring thread (for a shared, loaded machine):
 * java -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.TrainedModelBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class TrainedModelBenchmark {

    private static final int MASK = 1023;
    private static final int TRAINING_SET = 20_000;
    private static final int TRAINING_EPOCHS = 5;

    private static final String[] OPENERS = {"@acme", "Hey @acme_support", "So", "Honestly", "Wow", "@shopco why",
        "Just got my", "Day 3 and", "Ugh", "Shoutout to @acme"};
    private static final String[] SUBJECTS = {"my order", "the new app update", "your delivery driver",
        "the refund", "customer service", "the checkout page", "my parcel", "the store on Main St", "the new phone",
        "this subscription"};
    private static final String[] POSITIVE = {"is absolutely brilliant", "arrived early, thank you so much",
        "made my day", "works perfectly now", "was super friendly and helpful", "is the best I have tried"};
    private static final String[] NEGATIVE = {"is broken AGAIN", "still hasn't arrived after two weeks",
        "charged me twice and nobody answers", "keeps crashing when I log in", "was rude and useless",
        "is not working, worst experience ever"};
    private static final String[] NEUTRAL = {"is changing next month", "opens at 9 on Sundays",
        "has a new address", "was announced today", "comes in three colours", "is listed on the website"};
    private static final String[] TAILS = {"#fail", "#happy", "https://t.co/aB3xYz", "😡😡", "🙏", "!!!", "?",
        "#customerservice", "lol", "...", "👍", "smh"};

    /** Which task the model learns. */
    @Param({"polarity", "complaint"})
    public String task;

    /**
     * Features compared: the defaults (words, word pairs and character 2- to 5-grams), words only, or
     * the defaults with the built-in classifier's output.
     */
    @Param({"default", "words", "builtin"})
    public String features;

    /**
     * The texts: {@code templates}, the phrases above (about 80 characters, a few hundred distinct
     * words, so that every feature the model looks up stays in the CPU's caches), or {@code zipf},
     * tweets of about 110 characters (the average of XLM-T English) whose filler words are drawn from
     * 30,000 generated words with Zipf's law, around one sentiment phrase: a vocabulary as wide as real
     * tweets', so that most character n-grams are looked up in main memory.
     */
    @Param({"templates", "zipf"})
    public String text = "templates";

    private static final int VOCABULARY = 30_000;
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "tel", "sa", "on", "ur", "ve", "li", "dra",
        "po", "nex", "ti", "ba", "ge", "fo", "lu", "rin", "sto", "que", "ha", "zu", "el", "mar", "de", "ing",
        "ch", "y", "pe", "wa"};
    private String[] words;
    private double[] zipf;

    private Mention[] mentions;
    private String[] texts;
    private TrainedModel model;
    private BuiltInClassifier builtIn;
    private List<LabeledMention> trainingSet;
    private Trainer epochTrainer;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20240501);
        Task t = Task.fromJson(task);
        TrainerConfig.Builder config = TrainerConfig.builder();
        if (features.equals("words")) {
            config.noCharNgrams();
        } else if (features.equals("builtin")) {
            builtIn = BuiltInClassifier.create();
            config.featuresFrom("builtin", builtIn);
        } else if (!features.equals("default")) {
            throw new IllegalArgumentException("features must be default, words or builtin, was " + features);
        }
        if (text.equals("zipf")) {
            words = new String[VOCABULARY];
            zipf = new double[VOCABULARY];
            double sum = 0;
            for (int w = 0; w < VOCABULARY; w++) {
                StringBuilder word = new StringBuilder();
                int syllables = 1 + random.nextInt(4);
                for (int k = 0; k < syllables; k++) {
                    word.append(pick(random, SYLLABLES));
                }
                words[w] = word.toString();
                sum += 1.0 / (w + 1);
                zipf[w] = sum;
            }
            for (int w = 0; w < VOCABULARY; w++) {
                zipf[w] /= sum;
            }
        } else if (!text.equals("templates")) {
            throw new IllegalArgumentException("text must be templates or zipf, was " + text);
        }
        trainingSet = new ArrayList<>(TRAINING_SET);
        for (int n = 0; n < TRAINING_SET; n++) {
            trainingSet.add(example(random, n, t, words, zipf));
        }
        model = Trainer.create(t, config.build()).train(trainingSet.subList(0, 3000));
        epochTrainer = Trainer.create(t, config.epochs(TRAINING_EPOCHS).build());
        mentions = new Mention[MASK + 1];
        texts = new String[MASK + 1];
        for (int n = 0; n <= MASK; n++) {
            mentions[n] = example(random, TRAINING_SET + n, t, words, zipf).mention();
            texts[n] = mentions[n].text();
        }
    }

    private static LabeledMention example(SplittableRandom r, int n, Task task, String[] words, double[] zipf) {
        int polarity = r.nextInt(3);
        String[] middle = polarity == 0 ? NEGATIVE : polarity == 1 ? NEUTRAL : POSITIVE;
        String text;
        if (words == null) {
            text = pick(r, OPENERS) + " " + pick(r, SUBJECTS) + " " + pick(r, middle) + " " + pick(r, TAILS) + " "
                    + pick(r, SUBJECTS) + " " + pick(r, TAILS);
        } else {
            StringBuilder b = new StringBuilder(pick(r, OPENERS));
            int at = 12 + r.nextInt(40);
            boolean placed = false;
            while (b.length() < 104) {
                if (!placed && b.length() >= at) {
                    b.append(' ').append(pick(r, middle));
                    placed = true;
                    continue;
                }
                int w = java.util.Arrays.binarySearch(zipf, r.nextDouble());
                b.append(' ').append(words[Math.min(words.length - 1, w < 0 ? -w - 1 : w)]);
            }
            if (!placed) {
                b.append(' ').append(pick(r, middle));
            }
            text = b.append(' ').append(pick(r, TAILS)).toString();
        }
        Mention m = Mention.builder(Platform.TWITTER, Integer.toString(n)).text(text)
                .createdAt(Instant.parse("2024-05-01T10:00:00Z")).build();
        String label = task == Task.POLARITY ? new String[] {"negative", "neutral", "positive"}[polarity]
                : Boolean.toString(polarity == 0);
        return new LabeledMention(m, label);
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** Classifies one tweet-length mention. */
    @Benchmark
    public Classification classify() {
        return model.classify(mentions[i++ & MASK]);
    }

    /** One pass lower-casing each character of the same texts: the floor any text classifier pays. */
    @Benchmark
    public int baseline() {
        String s = texts[i++ & MASK];
        int h = 0;
        for (int k = 0; k < s.length(); k++) {
            h = 31 * h + Character.toLowerCase(s.charAt(k));
        }
        return h;
    }

    /** Training throughput: operations are mentions per epoch. */
    @Benchmark
    @OperationsPerInvocation(TRAINING_SET * TRAINING_EPOCHS)
    public TrainedModel train() {
        return epochTrainer.train(trainingSet);
    }

    /**
     * Measures {@link #classify()} and {@link #baseline()} in CPU time of this thread, alternating them
     * (ten rounds of 500,000 calls each after a warm-up) so that both see the same load, and prints
     * nanoseconds per call, classifications per second of CPU and the ratio to the baseline.
     *
     * @param args the task, the features and the text (default: {@code polarity default templates})
     */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        TrainedModelBenchmark b = new TrainedModelBenchmark();
        b.task = args.length > 0 ? args[0] : "polarity";
        b.features = args.length > 1 ? args[1] : "default";
        b.text = args.length > 2 ? args[2] : "templates";
        b.setUp();
        int n = 500_000;
        long sink = 0;
        double chars = 0;
        for (String t : b.texts) {
            chars += t.length();
        }
        System.out.printf("TrainedModelBenchmark %s %s %s, CPU time of the measuring thread, texts of %.0f chars on average%n",
                b.task, b.features, b.text, chars / b.texts.length);
        for (int round = -3; round < 10; round++) {
            long start = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) {
                sink += b.classify().polarity().ordinal();
            }
            long middle = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) {
                sink += b.baseline();
            }
            long end = mx.getCurrentThreadCpuTime();
            long source = 0;
            if (b.builtIn != null) { // the feature source alone, for the share of its cost
                for (int k = 0; k < n; k++) {
                    sink += b.builtIn.classify(b.mentions[b.i++ & MASK]).polarity().ordinal();
                }
                source = mx.getCurrentThreadCpuTime() - end;
            }
            if (round >= 0) {
                double classifyNs = (middle - start) / (double) n;
                double baselineNs = (end - middle) / (double) n;
                System.out.printf("round %d: classify %.0f ns (%.2f million/s of CPU), baseline %.0f ns, ratio %.1f%s%n",
                        round, classifyNs, 1e3 / classifyNs, baselineNs, classifyNs / baselineNs,
                        source == 0 ? "" : String.format(", built-in classifier alone %.0f ns", source / (double) n));
            }
        }
        System.out.println(sink == 42 ? "" : "(done)");
    }
}
