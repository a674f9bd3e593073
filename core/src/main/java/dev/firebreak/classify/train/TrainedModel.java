package dev.firebreak.classify.train;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.mention.Mention;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear classifier learned by a {@link Trainer}: for a {@link Task#POLARITY} model the polarity and
 * sentiment score, for a {@link Task#COMPLAINT} model the complaint flag and score; every other part
 * of its {@link Classification} is neutral (language undetermined, no categories, no signals).
 * Combine it with a classifier that supplies the rest:
 *
 * <pre>{@code
 * BuiltInClassifier builtIn = BuiltInClassifier.create();
 * TrainedModel polarity = TrainedModel.load(Path.of("polarity.model"), builtIn); // trained with featuresFrom
 * MentionClassifier classifier = CompositeClassifier.builder(builtIn)   // language, complaint, categories, signals
 *         .sentimentFrom(polarity)                                      // polarity and sentiment score
 *         .build();
 * }</pre>
 *
 * <p>A model trained with a feature source calls it for every mention it classifies (so the composite
 * above runs the built-in classifier twice per mention: once for its own part, once as the model's
 * features).
 *
 * <p>The sentiment score is {@code P(positive) - P(negative)}; the complaint score is
 * {@code P(complaint)} and a mention is a complaint when it is at least 0.5. Classification is
 * thread-safe and takes time linear in the text's length; it allocates nothing but its result (plus
 * whatever a feature source allocates): working memory is kept per thread and model, about 2.9 MB for a
 * polarity model and 2.1 MB for a complaint model (mostly the memory of what up to 32,768 recently seen
 * runs of characters between spaces and 16,384 distinct words contribute by themselves, so that a known
 * one is not tokenised or hashed again). In memory the model keeps only the used buckets of its hashed weight
 * table (as the file does), a few MB even for large training sets, instead of {@code 2^hashBits}
 * rows.
 *
 * <p>Save with {@link #save(Path)} and load with {@link #load(Path)}; the file format is versioned
 * and checksummed (docs/model-format.md in the source repository).
 */
public final class TrainedModel implements MentionClassifier {

    /**
     * The length of each feature group's vector (words, character n-grams): below 1 so that the bias
     * and the many small updates of rare features do not overshoot on small training sets (measured:
     * complaint F1 0.739 at 1, 0.76 at 0.3; XLM-T macro-F1 unchanged in English, +0.007 elsewhere).
     */
    static final double GROUP_SCALE = 0.3;

    /**
     * Dense features taken from a feature source: sentiment, complaint score, complaint flag, polarity
     * as three 0/1 values, the complaint score's log-odds divided by 4 and the language confidence.
     */
    static final int DENSE = 8;

    /** Log2 of the number of buckets of the feature source's signal and category names. */
    static final int SOURCE_BITS = 10;
    static final int SOURCE_BUCKETS = 1 << SOURCE_BITS;

    private static final long SALT_SIGNAL = 0x5349474E414CL;
    private static final long SALT_CATEGORY = 0x434154L;

    private final Task task;
    private final List<String> labels;
    private final TrainerConfig config;
    private final int outputs;
    /**
     * Per used bucket a row of {@code 1 + outputs} floats: the feature's idf weight, then one weight per
     * output (every other bucket is all zero).
     */
    private final WeightTable table;
    private final float[] bias;
    private final float[] dense;
    /** Per bucket of the source's signal and category names, one weight per output. */
    private final float[] source;
    /**
     * How each feature group's scores enter the logits: for words then character n-grams, an
     * {@code outputs x outputs} matrix (row: logit, column: the group's score); identity without a
     * feature source.
     */
    private final float[] mix;
    private final int featureVersion;
    private final FeatureExtractor extractor;
    private final ThreadLocal<Work> work;

    TrainedModel(Task task, TrainerConfig config, int featureVersion, float[] table, float[] bias, float[] dense,
            float[] source, float[] mix) {
        this.task = Objects.requireNonNull(task, "task");
        this.labels = task.labels();
        this.config = Objects.requireNonNull(config, "config");
        this.outputs = outputsFor(task);
        this.bias = bias;
        this.dense = dense;
        this.source = source;
        this.mix = mix;
        if (table.length != ((outputs + 1) << config.hashBits()) || bias.length != outputs
                || dense.length != DENSE * outputs || source.length != SOURCE_BUCKETS * outputs
                || mix.length != 2 * outputs * outputs) {
            throw new IllegalArgumentException("weights do not match the configuration");
        }
        this.table = new WeightTable(table, outputs + 1, config.hashBits());
        this.featureVersion = featureVersion;
        this.extractor = extractorFor(config, featureVersion);
        this.work = ThreadLocal.withInitial(() -> new Work(outputs, this.table, this.extractor));
    }

    /** The identity mix: each group's score goes to its own logit, unweighted. */
    static float[] identityMix(int outputs) {
        float[] m = new float[2 * outputs * outputs];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < outputs; k++) {
                m[g * outputs * outputs + k * outputs + k] = 1;
            }
        }
        return m;
    }

    static int outputsFor(Task task) {
        int n = task.labels().size();
        return n == 2 ? 1 : n;
    }

    static FeatureExtractor extractorFor(TrainerConfig c, int featureVersion) {
        return new FeatureExtractor(c.wordNgramMin(), c.wordNgramMax(), c.charNgramMin(), c.charNgramMax(),
                c.hashBits(), featureVersion);
    }

    /** What this model predicts. */
    public Task task() {
        return task;
    }

    /** The labels, in the order of the task. */
    public List<String> labels() {
        return labels;
    }

    /**
     * The settings it was trained with. After {@link #load(Path, MentionClassifier)} the feature
     * source is the classifier given to load.
     */
    public TrainerConfig config() {
        return config;
    }

    @Override
    public Classification classify(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        Work w = work.get();
        double[] z = w.z;
        logits(mention, w, z);
        if (task == Task.COMPLAINT) {
            double p = sigmoid(z[0]);
            return new Classification(Language.UNDETERMINED, 0.0, 0.0, Polarity.NEUTRAL, p, p >= 0.5, List.of(),
                    List.of());
        }
        softmax(z);
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        double sentiment = Math.max(-1, Math.min(1, z[2] - z[0]));
        Polarity polarity = best == 0 ? Polarity.NEGATIVE : best == 1 ? Polarity.NEUTRAL : Polarity.POSITIVE;
        return new Classification(Language.UNDETERMINED, 0.0, sentiment, polarity, 0.0, false, List.of(), List.of());
    }

    /**
     * The probability of each label for this mention, in label order; for a complaint model
     * {@code {"true": p, "false": 1 - p}}.
     */
    public Map<String, Double> probabilities(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        Work w = work.get();
        double[] z = w.z;
        logits(mention, w, z);
        Map<String, Double> out = new LinkedHashMap<>();
        if (outputs == 1) {
            double p = sigmoid(z[0]);
            out.put(labels.get(0), p);
            out.put(labels.get(1), 1 - p);
        } else {
            softmax(z);
            for (int k = 0; k < z.length; k++) {
                out.put(labels.get(k), z[k]);
            }
        }
        return out;
    }

    /** Computes the raw scores (logits) of a mention into {@code z}. */
    private void logits(Mention mention, Work w, double[] z) {
        text(mention.text(), w, z);
        if (config.featureSource().isPresent()) {
            float[] x = w.dense;
            w.named.clear();
            sourceFeatures(config, mention, x, w.named);
            for (int d = 0; d < DENSE; d++) {
                for (int k = 0; k < outputs; k++) {
                    z[k] += x[d] * dense[d * outputs + k];
                }
            }
            for (int i = 0; i < w.named.size; i++) {
                int o = w.named.values[i] * outputs;
                for (int k = 0; k < outputs; k++) {
                    z[k] += source[o + k];
                }
            }
        }
    }

    /** The bias plus the text features' part of the logits. */
    private void text(String text, Work w, double[] z) {
        groups(text, w);
        double[] words = w.words;
        double[] chars = w.chars;
        int oo = outputs * outputs;
        for (int q = 0; q < outputs; q++) {
            double v = bias[q];
            for (int j = 0; j < outputs; j++) {
                v += mix[q * outputs + j] * words[j] + mix[oo + q * outputs + j] * chars[j];
            }
            z[q] = v;
        }
    }

    /** Each feature group's normalised scores, into {@code w.words} and {@code w.chars}. */
    private void groups(String text, Work w) {
        w.score(text);
        double sw = w.wordNorm == 0 ? 0 : GROUP_SCALE / Math.sqrt(w.wordNorm);
        double sc = w.charNorm == 0 ? 0 : GROUP_SCALE / Math.sqrt(w.charNorm);
        for (int k = 0; k < outputs; k++) {
            w.words[k] *= sw;
            w.chars[k] *= sc;
        }
    }

    /**
     * The normalised scores of the text's feature groups, without bias or mix (for training the
     * combination): the words' scores at {@code [0, outputs)}, the character n-grams' after them.
     */
    void groupScores(String text, double[] out) {
        Work w = work.get();
        groups(text, w);
        System.arraycopy(w.words, 0, out, 0, outputs);
        System.arraycopy(w.chars, 0, out, outputs, outputs);
    }

    /**
     * The feature source's output: {@link #DENSE} values in {@code x}, and the buckets (of
     * {@link #SOURCE_BUCKETS}) of its signal and category names in {@code named}, a name once per signal
     * that carries it.
     */
    static void sourceFeatures(TrainerConfig config, Mention mention, float[] x, IntList named) {
        Classification c = config.featureSource().orElseThrow().classify(mention);
        if (c == null) {
            throw new IllegalStateException("feature source " + config.featureSourceName().orElse("?")
                    + " returned null for " + mention);
        }
        x[0] = (float) c.sentiment();
        x[1] = (float) c.complaintScore();
        x[2] = c.complaint() ? 1 : 0;
        x[3] = c.polarity() == Polarity.NEGATIVE ? 1 : 0;
        x[4] = c.polarity() == Polarity.NEUTRAL ? 1 : 0;
        x[5] = c.polarity() == Polarity.POSITIVE ? 1 : 0;
        double p = Math.min(0.999, Math.max(0.001, c.complaintScore()));
        x[6] = (float) (Math.log(p / (1 - p)) / 4);
        x[7] = (float) c.languageConfidence();
        for (Signal sig : c.signals()) {
            named.add(sourceBucket(SALT_SIGNAL, sig.name()));
        }
        for (Category cat : c.categories()) {
            named.add(sourceBucket(SALT_CATEGORY, cat.id()));
        }
    }

    /**
     * The bucket of a name: {@link String#hashCode()} (specified by the JDK, and cached in the string,
     * so that the names a classifier reuses cost nothing to hash), salted and spread by Fibonacci
     * hashing.
     */
    private static int sourceBucket(long salt, String name) {
        long h = name.hashCode() ^ salt;
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> (64 - SOURCE_BITS));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Turns logits into probabilities in place. */
    static void softmax(double[] z) {
        double max = z[0];
        for (int k = 1; k < z.length; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    // ------------------------------------------------------------------ persistence

    /** Writes the model to a file (replacing it), in the format of docs/model-format.md. */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out);
        }
    }

    /** Writes the model to a stream (not closed). The same model always gives the same bytes. */
    public void writeTo(OutputStream out) throws IOException {
        ModelCodec.write(this, out);
    }

    /**
     * Reads a model saved by {@link #save(Path)} that uses no feature source.
     *
     * @throws ModelFormatException if the file is not a model, is truncated or corrupt, was written by
     *     a newer Firebreak, or needs a feature source (then use {@link #load(Path, MentionClassifier)})
     * @throws IOException if the file cannot be read
     */
    public static TrainedModel load(Path file) throws IOException {
        return load(file, Optional.empty());
    }

    /**
     * Reads a model trained with {@link TrainerConfig.Builder#featuresFrom(String, MentionClassifier)},
     * giving it the same kind of classifier again. A model without a feature source ignores it.
     *
     * @throws ModelFormatException as {@link #load(Path)}
     */
    public static TrainedModel load(Path file, MentionClassifier featureSource) throws IOException {
        return load(file, Optional.of(Objects.requireNonNull(featureSource, "featureSource")));
    }

    private static TrainedModel load(Path file, Optional<MentionClassifier> source) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return ModelCodec.read(in, source, file.toString());
        }
    }

    /** Reads a model from a stream (read to its end, not closed); see {@link #load(Path)}. */
    public static TrainedModel read(InputStream in) throws IOException {
        return ModelCodec.read(in, Optional.empty(), "stream");
    }

    /** Reads a model that needs a feature source from a stream; see {@link #load(Path, MentionClassifier)}. */
    public static TrainedModel read(InputStream in, MentionClassifier featureSource) throws IOException {
        return ModelCodec.read(in, Optional.of(Objects.requireNonNull(featureSource, "featureSource")), "stream");
    }

    /** The hashed weights, only the used buckets' rows. */
    WeightTable weights() {
        return table;
    }

    float[] bias() {
        return bias;
    }

    float[] dense() {
        return dense;
    }

    float[] source() {
        return source;
    }

    int featureVersion() {
        return featureVersion;
    }

    float[] mix() {
        return mix;
    }

    int outputs() {
        return outputs;
    }

    @Override
    public String toString() {
        return "TrainedModel[task=" + task.jsonName() + ", " + config + "]";
    }

    /**
     * Per-thread working memory, and the scoring of a text: it walks the text's tokens once, producing
     * the features {@link FeatureExtractor#extract} would hand a sink, in the same order, and sums their
     * idf-weighted weights and squared idf weights per feature group in that order, so the sums are the
     * same to the last bit (FastScoringTest compares them).
     *
     * <p>The text is taken a chunk at a time: a run of characters between spaces, as written (but for
     * a capital first letter before a lower-case one, which gives the same tokens as a small one), whose
     * tokens are the tokens the whole text's tokenising gives there (no tokeniser rule looks across a
     * space; TokeniserTest). Up to {@value #CHUNKS} chunks are remembered (a two-way set-associative
     * table keyed by a 64-bit hash of the chunk's characters and length): for a chunk of one or two
     * tokens, at most one of them with character n-grams, and no URL, each token's type, all-caps and
     * negation flags and unigram rows, and the subtotal of its character n-grams. A remembered chunk is
     * replayed in the text's context (the negation scope, word n-grams across chunks) without being
     * tokenised; a new chunk is tokenised alone and takes the second entry of its set, and a chunk found
     * in the second entry swaps into the first, so a frequent chunk is not pushed out by chunks seen once
     * (on 65,536 different benchmark tweets, chunks missed per text 2.10 -> 1.75, and 1.38 with the
     * capital first letter taken as small).
     *
     * <p>Behind the chunks, what a word contributes by itself is remembered for up to {@value #CACHE}
     * distinct words (a two-way set-associative table keyed by the 64-bit hash of the word's normalised
     * characters: a word may be in either entry of its set; a new word takes the first and moves the
     * first's word to the second, so of two frequent words that share a set neither pushes the other out,
     * as they did in a direct-mapped table; one entry is one run of longs): whether it is a negation word, where its unigram's
     * and negated unigram's weight rows are, and the sum of its character n-grams' rows, which is
     * always computed as a subtotal before it joins the group's sum. A frequent word then costs one
     * probe instead of a negation-table probe, two bucket lookups and its character n-grams. The
     * word-level features are gathered as row offsets and summed in one loop after the tokens, so that
     * their memory accesses overlap (TrainedModelBenchmark, {@code zipf} and {@code tweets} texts).
     */
    private static final class Work {
        /**
         * 16,384 words: against 8,192, 10 to 15% less CPU per classification on real English tweets and
         * on the benchmark's {@code tweets} and {@code zipf} texts (fewer words' n-grams recomputed), for
         * twice the memory (TrainedModelBenchmark main and a harness over the XLM-T English tweets;
         * measured when the table was direct-mapped and no chunks were remembered before it; behind the
         * chunks 4,096 words were as fast on a working set of 1,024 texts, slower on 65,536).
         */
        private static final int CACHE_BITS = 14;
        private static final int CACHE = 1 << CACHE_BITS;
        /** Entry meta: where the unigram's row is (bits 0 to 29) and the negated unigram's (30 to 59). */
        private static final int OFFSET_BITS = 30;
        private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
        private static final long NEGATION = 1L << 60;
        /** Entry meta: the entry holds a word (a handle's entry holds only its n-grams). */
        private static final long WORD_ENTRY = 1L << 61;
        private static final long HANDLE_ENTRY = 1L << 62;
        /** Entry meta: both row offsets. */
        private static final long OFFSETS = (1L << (2 * OFFSET_BITS)) - 1;

        /**
         * 32,768 chunks (runs of characters between spaces, as written: "Hello," and "hello" are two).
         * Measured on the benchmark's {@code tweets} (CPU time per classification, polarity): with 1,024
         * texts over and over, 16,384 chunks 0.87 us, 32,768 0.78, 65,536 0.82; with 65,536 different
         * texts (far more chunks than any size remembers) 16,384 1.67 to 1.80 us, 32,768 1.55 to 1.60,
         * 65,536 1.48 to 1.56, 131,072 1.40 (8 MB a thread), against 1.51 to 1.57 without chunks.
         */
        private static final int CHUNK_BITS = 15;
        private static final int CHUNKS = 1 << CHUNK_BITS;
        /** Chunk info: the number of tokens in bits 0 and 1, each token's flags in 4 bits from bit 4. */
        private static final long CHUNK_CHARS = 1L << 12;
        /** Token flags: the type in bits 0 and 1, then these. */
        private static final int CAPS_FLAG = 4;
        private static final int NEGATION_FLAG = 8;
        private static final long CHUNK_SEED = 0x6A09E667F3BCC909L;
        private static final long CHUNK_PRIME = 0x100000001B3L;
        /** Buffers longer than this (after a huge text) are given up at the next ordinary one. */
        private static final int KEEP = 1 << 14;

        final FeatureExtractor.Scratch scratch = new FeatureExtractor.Scratch();
        final double[] z;
        final double[] words;
        final double[] chars;
        double wordNorm;
        double charNorm;
        final float[] dense = new float[DENSE];
        final IntList named = new IntList();
        private final FeatureExtractor fx;
        private final WeightTable table;
        private final float[] t;
        private final int outputs;
        /** Longs per entry: key, meta, one sum per output, the sum of squared idf weights. */
        private final int entry;
        /** The remembered words, {@link #entry} longs each (sums as the raw bits of doubles). */
        private final long[] entries;
        /** Row offsets of the text's word-level features, in order. */
        private int[] offsets = new int[256];
        private final int capsOffset;
        private final int wordMin;
        private final int wordMax;
        /** The text's characters and a space after them. */
        private char[] input = new char[512];
        /** With word n-grams: the hashes of the text's tokens so far. */
        private long[] history = new long[256];
        private int tokenCount;
        /** Word-level features of the text so far, in {@link #offsets}. */
        private int oc;
        private int negatedLeft;
        /**
         * Longs per chunk entry: key, info, two tokens' offsets, with word n-grams their hashes, the
         * character n-grams' subtotal (one sum per output, the norm; from {@link #chunkSums}).
         */
        private final int chunkEntry;
        private final int chunkSums;
        /** The remembered chunks, {@link #chunkEntry} longs each. */
        private final long[] chunks;
        /** A chunk entry being made, from its third long. */
        private final long[] pending;

        Work(int outputs, WeightTable table, FeatureExtractor fx) {
            this.z = new double[outputs];
            this.words = new double[outputs];
            this.chars = new double[outputs];
            this.table = table;
            this.t = table.rows();
            this.outputs = outputs;
            this.fx = fx;
            this.entry = outputs + 3;
            this.entries = new long[CACHE * entry];
            this.capsOffset = table.offset(fx.bucket(0, FeatureExtractor.SEED_ALLCAPS));
            this.wordMin = fx.wordMin;
            this.wordMax = fx.wordMax;
            this.chunkSums = wordMax >= 2 ? 6 : 4;
            this.chunkEntry = chunkSums + outputs + 1;
            this.chunks = new long[CHUNKS * chunkEntry];
            this.pending = new long[chunkEntry - 2];
            if (table.rows().length > OFFSET_MASK) {
                throw new IllegalArgumentException("too many weight rows: " + table.used());
            }
        }

        /** Scores a text: each group's sums into {@link #words} and {@link #chars}, not yet normalised. */
        void score(String text) {
            int n = text.length();
            char[] in = input(n);
            text.getChars(0, n, in, 0);
            in[n] = ' '; // every chunk ends at a space
            int most = n * (1 + Math.max(1, wordMax)); // a text of n characters has at most n tokens
            if (offsets.length < most || offsets.length > KEEP && most <= KEEP) {
                offsets = new int[Math.max(256, most)];
            }
            if (wordMax >= 2 && (history.length < n || history.length > KEEP && n <= KEEP)) {
                history = new long[Math.max(256, n)];
            }
            for (int k = 0; k < outputs; k++) {
                chars[k] = 0;
            }
            charNorm = 0;
            oc = 0;
            negatedLeft = 0;
            tokenCount = 0;
            long[] ch = chunks;
            int i = 0;
            while (i < n) {
                char c = in[i];
                if (c == ' ') {
                    i++;
                    continue;
                }
                int from = i;
                long key = CHUNK_SEED;
                char second = in[i + 1];
                if (c >= 'A' && c <= 'Z' && second >= 'a' && second <= 'z') {
                    // "Hello" is "hello": the tokeniser lower-cases ASCII letters, and a word with a
                    // lower-case letter is not all caps (TokeniserTest)
                    c |= 0x20;
                }
                do {
                    key = (key ^ c) * CHUNK_PRIME;
                    c = in[++i];
                } while (c != ' ');
                key = (key ^ (i - from)) * CHUNK_PRIME;
                int e = chunkSet(key);
                if (ch[e] == key && ch[e + 1] != 0) {
                    replay(e);
                } else if (ch[e + chunkEntry] == key && ch[e + chunkEntry + 1] != 0) {
                    promote(e);
                    replay(e);
                } else {
                    chunk(in, from, i, key, e);
                }
            }
            wordNorm = sum(offsets, oc, words);
        }

        /** The text buffer, for {@code n} characters and the space after them. */
        private char[] input(int n) {
            char[] in = this.input;
            if (in.length <= n || in.length > KEEP && n < KEEP) {
                in = this.input = new char[Math.max(512, n + 1)];
            }
            return in;
        }

        /** Adds the features of a remembered chunk. */
        private void replay(int e) {
            long[] ch = chunks;
            long info = ch[e + 1];
            boolean pairs = wordMax >= 2;
            token((int) (info >>> 4) & 15, pairs ? ch[e + 4] : 0, ch[e + 2]);
            if ((info & 3) == 2) {
                token((int) (info >>> 8) & 15, pairs ? ch[e + 5] : 0, ch[e + 3]);
            }
            if ((info & CHUNK_CHARS) != 0) {
                addChars(ch, e + chunkSums);
            }
        }

        /**
         * Tokenises a chunk not remembered, adds its features and remembers it in the second entry of its
         * set (a chunk seen once pushes out no chunk that was seen again) when it can be replayed exactly:
         * one or two tokens, at most one of them with character n-grams (so that its subtotal joins the
         * group's sum as it would alone), and no URL (each is new, and would only push out a chunk that
         * comes back).
         */
        private void chunk(char[] in, int from, int to, long key, int e) {
            FeatureExtractor.Scratch s = scratch;
            FeatureExtractor.tokenise(in, from, to, s, fx.handleChars);
            int tokens = s.tokens;
            boolean remember = tokens == 1 || tokens == 2;
            int charTokens = 0;
            long info = tokens;
            long[] pending = this.pending;
            boolean charGrams = fx.charMax > 0;
            for (int tk = 0; tk < tokens; tk++) {
                int type = s.tokType[tk];
                long h = s.tokHash[tk];
                int flags = type;
                long offs;
                int sub = -1;
                if (type == FeatureExtractor.WORD) {
                    int we = wordEntry(h, tk, charGrams);
                    long meta = entries[we + 1];
                    offs = meta & OFFSETS;
                    if ((meta & NEGATION) != 0) {
                        flags |= NEGATION_FLAG;
                    }
                    if (s.tokCaps[tk]) {
                        flags |= CAPS_FLAG;
                    }
                    if (charGrams) {
                        sub = we + 2;
                    }
                } else {
                    offs = fx.wordMin == 1 ? table.offset(fx.bucket(h, FeatureExtractor.SEED_UNIGRAM)) : 0;
                    if (charGrams && type == FeatureExtractor.SPECIAL && s.tokLen[tk] > 0) {
                        sub = handleEntry(FeatureExtractor.handleKey(s, tk), tk) + 2;
                    }
                    if (type == FeatureExtractor.SPECIAL && h == FeatureExtractor.URL_HASH) {
                        remember = false;
                    }
                }
                token(flags, h, offs);
                if (sub >= 0) {
                    addChars(entries, sub);
                    if (charTokens++ == 0) {
                        System.arraycopy(entries, sub, pending, chunkSums - 2, outputs + 1);
                    }
                }
                if (tk < 2) {
                    info |= (long) flags << (4 + 4 * tk);
                    pending[tk] = offs;
                    if (wordMax >= 2) {
                        pending[2 + tk] = h;
                    }
                }
            }
            if (!remember || charTokens > 1) {
                return;
            }
            long[] ch = chunks;
            int w = e + chunkEntry; // a new chunk takes the second entry: one seen once pushes out no other
            ch[w] = key;
            ch[w + 1] = charTokens == 1 ? info | CHUNK_CHARS : info;
            System.arraycopy(pending, 0, ch, w + 2, chunkEntry - 2);
        }

        /** Swaps the two entries of a set: the second's chunk, seen again, takes the first. */
        private void promote(int e) {
            long[] ch = chunks;
            int n = chunkEntry;
            for (int k = 0; k < n; k++) {
                long t = ch[e + k];
                ch[e + k] = ch[e + n + k];
                ch[e + n + k] = t;
            }
        }

        /**
         * Adds one token's word-level features: its unigram (negated when a negation word came before it
         * in scope), the all-caps marker, and with word n-grams those ending at it.
         *
         * @param flags the token's type, {@link #CAPS_FLAG} and {@link #NEGATION_FLAG}
         * @param offsets where its unigram's row is (bits 0 to 29) and, for a word, its negated unigram's
         */
        private void token(int flags, long h, long offsets) {
            int[] off = this.offsets;
            int oc = this.oc;
            int type = flags & 3;
            if (type == FeatureExtractor.WORD) {
                boolean negated = negatedLeft > 0;
                if (negated) {
                    negatedLeft--;
                }
                if ((flags & NEGATION_FLAG) != 0) {
                    negatedLeft = FeatureExtractor.NEGATION_SCOPE;
                }
                if (wordMin == 1) {
                    off[oc++] = (int) (negated ? (offsets >>> OFFSET_BITS) & OFFSET_MASK : offsets & OFFSET_MASK);
                    if ((flags & CAPS_FLAG) != 0) {
                        off[oc++] = capsOffset;
                    }
                }
            } else {
                if (type == FeatureExtractor.PUNCT) {
                    negatedLeft = 0;
                }
                if (wordMin == 1) {
                    off[oc++] = (int) (offsets & OFFSET_MASK);
                }
            }
            if (wordMax >= 2) {
                long[] hist = history;
                int tk = tokenCount++;
                hist[tk] = h;
                long g = h;
                int from = Math.max(0, tk - wordMax + 1);
                for (int u = tk - 1, n = 2; u >= from; u--, n++) {
                    g = g * 0x2127599BF4325C37L + hist[u] + n;
                    if (n >= wordMin) {
                        off[oc++] = table.offset(fx.bucket(g, FeatureExtractor.SEED_NGRAM));
                    }
                }
            }
            this.oc = oc;
        }

        /** Where the set of two chunk entries a key may be in starts. */
        private int chunkSet(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - CHUNK_BITS + 1)) * (2 * chunkEntry);
        }

        /** The entry of a word token, filled in first if the word is not remembered. */
        private int wordEntry(long h, int tk, boolean charGrams) {
            long[] en = entries;
            int e = set(h);
            if (en[e] == h && (en[e + 1] & WORD_ENTRY) != 0) {
                return e;
            }
            int e1 = e + entry;
            if (en[e1] == h && (en[e1 + 1] & WORD_ENTRY) != 0) {
                return e1;
            }
            FeatureExtractor fx = this.fx;
            long meta = WORD_ENTRY;
            if (fx.wordMin == 1) {
                meta |= table.offset(fx.bucket(h, FeatureExtractor.SEED_UNIGRAM))
                        | (long) table.offset(fx.bucket(h, FeatureExtractor.SEED_NEGATED)) << OFFSET_BITS;
            }
            if (FeatureExtractor.isNegation(h, scratch, tk)) {
                meta |= NEGATION;
            }
            System.arraycopy(en, e, en, e1, entry); // the first way's word moves to the second
            fill(e, h, meta, charGrams, tk);
            return e;
        }

        /** The entry of a handle token's character n-grams, filled in first if not remembered. */
        private int handleEntry(long key, int tk) {
            long[] en = entries;
            int e = set(key);
            if (en[e] == key && (en[e + 1] & HANDLE_ENTRY) != 0) {
                return e;
            }
            int e1 = e + entry;
            if (en[e1] == key && (en[e1 + 1] & HANDLE_ENTRY) != 0) {
                return e1;
            }
            System.arraycopy(en, e, en, e1, entry);
            fill(e, key, HANDLE_ENTRY, true, tk);
            return e;
        }

        /** Fills an entry: key, meta and the subtotal of the token's character n-grams (or zeros). */
        private void fill(int e, long key, long meta, boolean charGrams, int tk) {
            long[] en = entries;
            en[e] = key;
            en[e + 1] = meta;
            int outputs = this.outputs;
            if (!charGrams) {
                for (int k = 0; k <= outputs; k++) {
                    en[e + 2 + k] = 0;
                }
                return;
            }
            FeatureExtractor.Scratch s = scratch;
            int count = fx.charGrams(s, s.tokStart[tk], s.tokLen[tk]);
            int[] grams = s.grams;
            float[] t = this.t;
            WeightTable table = this.table;
            if (outputs == 3) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double norm = 0;
                for (int i = 0; i < count; i++) {
                    int o = table.offset(grams[i]); // the zero row for unused buckets: adds nothing
                    double v = t[o];
                    s0 += v * t[o + 1];
                    s1 += v * t[o + 2];
                    s2 += v * t[o + 3];
                    norm += v * v;
                }
                en[e + 2] = Double.doubleToRawLongBits(s0);
                en[e + 3] = Double.doubleToRawLongBits(s1);
                en[e + 4] = Double.doubleToRawLongBits(s2);
                en[e + 5] = Double.doubleToRawLongBits(norm);
            } else if (outputs == 1) {
                double s0 = 0;
                double norm = 0;
                for (int i = 0; i < count; i++) {
                    int o = table.offset(grams[i]);
                    double v = t[o];
                    s0 += v * t[o + 1];
                    norm += v * v;
                }
                en[e + 2] = Double.doubleToRawLongBits(s0);
                en[e + 3] = Double.doubleToRawLongBits(norm);
            } else {
                double[] sub = new double[outputs + 1];
                for (int i = 0; i < count; i++) {
                    int o = table.offset(grams[i]);
                    double v = t[o];
                    for (int k = 0; k < outputs; k++) {
                        sub[k] += v * t[o + 1 + k];
                    }
                    sub[outputs] += v * v;
                }
                for (int k = 0; k <= outputs; k++) {
                    en[e + 2 + k] = Double.doubleToRawLongBits(sub[k]);
                }
            }
        }

        /**
         * Adds a character n-gram subtotal (one sum per output, then the sum of squared idf weights, as
         * raw bits of doubles at {@code from[at..]}) to the group's sums.
         */
        private void addChars(long[] from, int at) {
            double[] c = chars;
            for (int k = 0; k < outputs; k++) {
                c[k] += Double.longBitsToDouble(from[at + k]);
            }
            charNorm += Double.longBitsToDouble(from[at + outputs]);
        }

        /**
         * Sums the rows at {@code offsets[0..count)} into {@code acc} (cleared first) in locals, in
         * order, and returns the sum of the squared feature values.
         */
        private double sum(int[] offsets, int count, double[] acc) {
            float[] t = this.t;
            double norm = 0;
            if (outputs == 3) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                for (int i = 0; i < count; i++) {
                    int o = offsets[i];
                    double v = t[o];
                    s0 += v * t[o + 1];
                    s1 += v * t[o + 2];
                    s2 += v * t[o + 3];
                    norm += v * v;
                }
                acc[0] = s0;
                acc[1] = s1;
                acc[2] = s2;
            } else if (outputs == 1) {
                double s0 = 0;
                for (int i = 0; i < count; i++) {
                    int o = offsets[i];
                    double v = t[o];
                    s0 += v * t[o + 1];
                    norm += v * v;
                }
                acc[0] = s0;
            } else {
                java.util.Arrays.fill(acc, 0);
                for (int i = 0; i < count; i++) {
                    int o = offsets[i];
                    double v = t[o];
                    for (int k = 0; k < outputs; k++) {
                        acc[k] += v * t[o + 1 + k];
                    }
                    norm += v * v;
                }
            }
            return norm;
        }

        /** Where the set of two entries a key may be in starts. */
        private int set(long h) {
            return (int) ((h * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS + 1)) * (2 * entry);
        }
    }
}
