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
 * data; see {@link #text} for the three kinds of text) through a trained polarity or complaint model,
 * against {@code baseline}, one pass that lower-cases every character of the same text. {@code train}
 * is training throughput in mentions per second per epoch: 5 epochs over 20,000 generated mentions,
 * counted as 100,000 operations (it includes the one extra pass that computes idf weights; with the
 * {@code builtin} features it also includes the three text-only models of the stacking folds, the
 * combination and one built-in classification per mention, all counted against the same 100,000
 * operations).
 *
 * <p>{@code features}: {@code default} (words, character 2- to 5-grams), {@code words}
 * (no character n-grams), {@code builtin} (the defaults plus the built-in classifier's scores and
 * signals, so each classification also runs the built-in classifier).
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'TrainedModelBenchmark.(classify|baseline)' -f 1 -wi 3 -w 2s -i 5 -r 2s
 * java -jar benchmarks/target/benchmarks.jar 'TrainedModelBenchmark.train' -p distinct=1024 -f 1 -wi 3 -w 2s -i 5 -r 2s
 * # classify and baseline in CPU time of the measuring thread (for a shared, loaded machine):
 * java -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.TrainedModelBenchmark polarity default tweets 65536
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class TrainedModelBenchmark {

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
     * Features compared: the defaults (words and character 2- to 5-grams), words only, or
     * the defaults with the built-in classifier's output.
     */
    @Param({"default", "words", "builtin"})
    public String features;

    /**
     * The texts: {@code templates}, the phrases above (about 80 characters, a few hundred distinct
     * words, so that every feature the model looks up stays in the CPU's caches); {@code zipf},
     * tweets of about 110 characters (the average of XLM-T English) whose filler words are drawn from
     * 30,000 generated words with Zipf's law, around one sentiment phrase: a vocabulary as wide as real
     * tweets', so that most character n-grams are looked up in main memory; or {@code tweets}, as
     * {@code zipf} but written like real tweets: common English words at the top of the Zipf ranks,
     * capitalised and all-caps words, contractions with straight and curly apostrophes, punctuation
     * attached to words, hashtags, handles, numbers, URLs, emoji (some with skin tones), elongated and
     * accented words.
     */
    @Param({"templates", "zipf", "tweets"})
    public String text = "templates";

    /**
     * How many different mentions are classified in turn (a power of two): {@code 1024}, a working set
     * whose words and chunks a model remembers after the first rounds, as in a storm of similar
     * mentions; {@code 65536}, a stream of new mentions whose words and chunks, from a vocabulary of
     * 30,000 words, are far more than a model remembers, so that some are computed anew and most are
     * read from main memory or the last-level cache.
     */
    @Param({"1024", "65536"})
    public int distinct = 1024;

    /** The most frequent English words, most frequent first: the head of the {@code tweets} vocabulary. */
    private static final String[] COMMON = ("the i to a and is in it you of for on my that at with me do have "
            + "just this be so are not was but out up what now go your all no get about like one if can "
            + "we they will when time day know there new more people see want how still good from back "
            + "think feel today other love need going really why would make much who been some off thank "
            + "great after well never over them us last work his her she he their our being got home year "
            + "night because first right than way could show watch game better best video tomorrow week")
            .split(" ");
    private static final String[] CONTRACTIONS = {"don't", "I'm", "can't", "it's", "I’m", "don’t",
        "didn’t", "won't", "that's", "you're", "isn't", "I've"};
    private static final String[] EMOJI = {"😡", "😂", "🙏", "👍🏽", "❤️", "🔥", "😭", "🤔", "👏🏻", "💯"};
    private static final String[] ATTACHED = {",", ".", "!", "?", "!!", "...", ":", ")", "!!!", "?!"};

    private static final int VOCABULARY = 30_000;
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "tel", "sa", "on", "ur", "ve", "li", "dra",
        "po", "nex", "ti", "ba", "ge", "fo", "lu", "rin", "sto", "que", "ha", "zu", "el", "mar", "de", "ing",
        "ch", "y", "pe", "wa"};
    private String[] words;
    private double[] zipf;

    private int mask;
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
        if (text.equals("zipf") || text.equals("tweets")) {
            words = new String[VOCABULARY];
            zipf = new double[VOCABULARY];
            double sum = 0;
            for (int w = 0; w < VOCABULARY; w++) {
                StringBuilder word = new StringBuilder();
                int syllables = 1 + random.nextInt(4);
                for (int k = 0; k < syllables; k++) {
                    word.append(pick(random, SYLLABLES));
                }
                words[w] = text.equals("tweets") && w < COMMON.length ? COMMON[w] : word.toString();
                sum += 1.0 / (w + 1);
                zipf[w] = sum;
            }
            for (int w = 0; w < VOCABULARY; w++) {
                zipf[w] /= sum;
            }
        } else if (!text.equals("templates")) {
            throw new IllegalArgumentException("text must be templates, zipf or tweets, was " + text);
        }
        boolean tweets = text.equals("tweets");
        trainingSet = new ArrayList<>(TRAINING_SET);
        for (int n = 0; n < TRAINING_SET; n++) {
            trainingSet.add(example(random, n, t, words, zipf, tweets));
        }
        model = Trainer.create(t, config.build()).train(trainingSet.subList(0, 3000));
        epochTrainer = Trainer.create(t, config.epochs(TRAINING_EPOCHS).build());
        if (distinct < 1 || Integer.bitCount(distinct) != 1) {
            throw new IllegalArgumentException("distinct must be a power of two, was " + distinct);
        }
        mask = distinct - 1;
        mentions = new Mention[distinct];
        texts = new String[distinct];
        for (int n = 0; n < distinct; n++) {
            mentions[n] = example(random, TRAINING_SET + n, t, words, zipf, tweets).mention();
            texts[n] = mentions[n].text();
        }
    }

    private static LabeledMention example(SplittableRandom r, int n, Task task, String[] words, double[] zipf,
            boolean tweets) {
        int polarity = r.nextInt(3);
        String[] middle = polarity == 0 ? NEGATIVE : polarity == 1 ? NEUTRAL : POSITIVE;
        String text;
        if (words == null) {
            text = pick(r, OPENERS) + " " + pick(r, SUBJECTS) + " " + pick(r, middle) + " " + pick(r, TAILS) + " "
                    + pick(r, SUBJECTS) + " " + pick(r, TAILS);
        } else if (tweets) {
            text = tweet(r, middle, words, zipf);
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

    /** A tweet-like text of about 110 characters around one sentiment phrase. */
    private static String tweet(SplittableRandom r, String[] middle, String[] words, double[] zipf) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) < 4) {
            b.append('@').append(word(r, words, zipf)).append(r.nextBoolean() ? "Support" : "_uk");
        }
        int length = 70 + r.nextInt(80);
        int at = r.nextInt(length - 30);
        boolean placed = false;
        boolean first = true;
        while (b.length() < length) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (!placed && b.length() >= at) {
                b.append(pick(r, middle));
                placed = true;
                continue;
            }
            int kind = r.nextInt(100);
            if (kind < 6) {
                b.append(pick(r, CONTRACTIONS));
            } else if (kind < 10) {
                b.append('#').append(word(r, words, zipf));
            } else if (kind < 13) {
                b.append(pick(r, EMOJI));
            } else if (kind < 15) {
                b.append(r.nextInt(3000));
            } else if (kind < 16) {
                b.append(r.nextBoolean() ? "café" : "naïve");
            } else if (kind < 17) {
                b.append("sooo").append("o".repeat(r.nextInt(4)));
            } else {
                String w = word(r, words, zipf);
                int caps = r.nextInt(100);
                if (first || caps < 8) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                } else if (caps < 11) {
                    w = w.toUpperCase(java.util.Locale.ROOT);
                }
                b.append(w);
                if (r.nextInt(100) < 12) {
                    b.append(pick(r, ATTACHED));
                }
            }
            first = false;
        }
        if (!placed) {
            b.append(' ').append(pick(r, middle));
        }
        int tail = r.nextInt(100);
        if (tail < 25) {
            b.append(" https://t.co/").append(Integer.toString(r.nextInt(1 << 30), 36));
        } else if (tail < 45) {
            b.append(' ').append(pick(r, EMOJI));
        }
        return b.toString();
    }

    private static String word(SplittableRandom r, String[] words, double[] zipf) {
        int w = java.util.Arrays.binarySearch(zipf, r.nextDouble());
        return words[Math.min(words.length - 1, w < 0 ? -w - 1 : w)];
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** Classifies one tweet-length mention. */
    @Benchmark
    public Classification classify() {
        return model.classify(mentions[i++ & mask]);
    }

    /** One pass lower-casing each character of the same texts: the floor any text classifier pays. */
    @Benchmark
    public int baseline() {
        String s = texts[i++ & mask];
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
     * @param args the task, the features, the text and the number of different mentions (default:
     *     {@code polarity default templates 1024})
     */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        TrainedModelBenchmark b = new TrainedModelBenchmark();
        b.task = args.length > 0 ? args[0] : "polarity";
        b.features = args.length > 1 ? args[1] : "default";
        b.text = args.length > 2 ? args[2] : "templates";
        b.distinct = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        b.setUp();
        int n = 500_000;
        long sink = 0;
        double chars = 0;
        for (String t : b.texts) {
            chars += t.length();
        }
        System.out.printf("TrainedModelBenchmark %s %s %s %d, CPU time of the measuring thread, texts of %.0f chars"
                + " on average%n", b.task, b.features, b.text, b.distinct, chars / b.texts.length);
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
                    sink += b.builtIn.classify(b.mentions[b.i++ & b.mask]).polarity().ordinal();
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
