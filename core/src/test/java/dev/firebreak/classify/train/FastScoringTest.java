package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.HostileText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A trained model scores a text through its own one-pass scorer (remembered words, row offsets, a zero
 * row for unused buckets); these tests hold it to the plain definition: the training path's extraction
 * ({@link FeatureExtractor#extract}, the features a model learns from) handing each feature to a sink that
 * sums the full weight table's rows one by one, in order, so a model scores a text by exactly the features
 * it was trained on. The group scores must be the same to the last
 * bit, for every text in a sequence (so with words remembered from earlier texts, and evicted).
 */
class FastScoringTest {

    private static final String[] SYLLABLES = {"ka", "ro", "mi", "tel", "sa", "on", "ur", "ve", "li", "dra", "po",
        "nex", "ti", "ba", "ge", "fo", "lu", "rin", "sto", "que", "ha", "zu", "el", "mar", "de", "ing"};
    private static final String[] EXTRAS = {"not", "NEVER", "don't", "n'est", "pas", "@AcmeSupport", "@x",
        "https://t.co/aB3", "www.x.org", "#fail", "😡", "👍🏽", ":)", "!!!!", "...", "café", "Ünïcödé", "soooo",
        "BROKEN", "co\u0301te", "\u0644\u0627", "\u0928\u0939\u0940\u0902", "don\u2019t", "x_y", "42", "@", "#",
        "\uD83D", "\u200D", "ı", "ß", "straße", ",", "?", "it's"};

    private static final TrainedModel POLARITY = Trainer.create(Task.POLARITY).train(training(Task.POLARITY));
    /** With word pairs (the defaults have none) and the default character n-grams and hash bits. */
    private static final TrainedModel COMPLAINT = Trainer.create(Task.COMPLAINT,
            TrainerConfig.builder().wordNgrams(1, 2).build()).train(training(Task.COMPLAINT));
    private static final TrainedModel WORDS_ONLY = Trainer.create(Task.POLARITY,
            TrainerConfig.builder().noCharNgrams().build()).train(training(Task.POLARITY));
    private static final TrainedModel PAIRS = Trainer.create(Task.POLARITY,
            TrainerConfig.builder().wordNgrams(1, 2).build()).train(training(Task.POLARITY));
    private static final TrainedModel TRIGRAMS = Trainer.create(Task.COMPLAINT,
            TrainerConfig.builder().wordNgrams(1, 3).charNgrams(3, 4).hashBits(12).build())
            .train(training(Task.COMPLAINT));
    /** As a model saved with feature version 1 (handles give no character n-grams) is read. */
    private static final TrainedModel VERSION_1 = new TrainedModel(Task.POLARITY, POLARITY.config(), 1,
            POLARITY.weights().expand(), POLARITY.bias(), POLARITY.dense(), POLARITY.source(), POLARITY.mix());

    /** Texts of generated words (a wide vocabulary, so that rows are used and words evicted) and extras. */
    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        int words = 1 + r.nextInt(25);
        for (int w = 0; w < words; w++) {
            if (r.nextInt(5) == 0) {
                b.append(EXTRAS[r.nextInt(EXTRAS.length)]);
            } else {
                int syllables = 1 + r.nextInt(4);
                for (int k = 0; k < syllables; k++) {
                    String s = SYLLABLES[r.nextInt(SYLLABLES.length)];
                    b.append(r.nextInt(8) == 0 ? s.toUpperCase() : s);
                }
            }
            b.append(r.nextInt(6) == 0 ? ", " : " ");
        }
        return b.toString();
    }

    private static List<LabeledMention> training(Task task) {
        Random r = new Random(7);
        List<LabeledMention> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int label = r.nextInt(task.labels().size());
            out.add(new LabeledMention(Toy.mention("t" + i, text(r) + " " + SYLLABLES[label]),
                    task.labels().get(label)));
        }
        return out;
    }

    /** Each model's full weight table, expanded once (16 MB for a polarity model). */
    private static final java.util.Map<TrainedModel, float[]> FULL_TABLES =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The group scores by definition: every feature's full-table row, summed one by one in order. */
    private static double[] reference(TrainedModel model, String text) {
        TrainerConfig c = model.config();
        FeatureExtractor ex = new FeatureExtractor(c.wordNgramMin(), c.wordNgramMax(),
                c.charNgramMin(), c.charNgramMax(), c.hashBits(), model.featureVersion());
        int outputs = model.outputs();
        float[] full = FULL_TABLES.computeIfAbsent(model, m -> m.weights().expand());
        int stride = outputs + 1;
        double[] words = new double[outputs];
        double[] chars = new double[outputs];
        double[] sub = new double[outputs];
        double[] norms = new double[3]; // words, chars, the current word's n-grams
        ex.extract(text, new FeatureExtractor.Scratch(), new FeatureExtractor.Sink() {
            @Override
            void word(int bucket) {
                norms[0] += add(bucket, words);
            }

            @Override
            void chars(int bucket) {
                norms[2] += add(bucket, sub);
            }

            @Override
            boolean charsCached(long wordHash) {
                java.util.Arrays.fill(sub, 0);
                norms[2] = 0;
                return false;
            }

            @Override
            void charsDone(long wordHash) {
                for (int k = 0; k < outputs; k++) {
                    chars[k] += sub[k];
                }
                norms[1] += norms[2];
            }

            private double add(int bucket, double[] sums) {
                double v = full[bucket * stride];
                for (int k = 0; k < outputs; k++) {
                    sums[k] += v * full[bucket * stride + 1 + k];
                }
                return v * v;
            }
        });
        double sw = norms[0] == 0 ? 0 : TrainedModel.GROUP_SCALE / Math.sqrt(norms[0]);
        double sc = norms[1] == 0 ? 0 : TrainedModel.GROUP_SCALE / Math.sqrt(norms[1]);
        double[] out = new double[2 * outputs];
        for (int k = 0; k < outputs; k++) {
            out[k] = words[k] * sw;
            out[outputs + k] = chars[k] * sc;
        }
        return out;
    }

    private static void assertSameScores(TrainedModel model, String text) {
        double[] expected = reference(model, text);
        double[] actual = new double[expected.length];
        model.groupScores(text, actual);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(actual[k]),
                    () -> "score " + " of " + model + " for " + text.substring(0, Math.min(200, text.length())));
        }
    }

    @Test
    void generatedTweetsScoreAsByDefinitionInEveryModel() {
        Random r = new Random(20240501);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(text(r));
        }
        for (TrainedModel model : List.of(POLARITY, COMPLAINT, WORDS_ONLY, PAIRS, TRIGRAMS, VERSION_1)) {
            for (String t : texts) {
                assertSameScores(model, t);
            }
            for (String t : texts.subList(0, 200)) { // again, now remembered (or evicted by the others)
                assertSameScores(model, t);
            }
        }
    }

    @Test
    void hostileTextsScoreAsByDefinition() {
        for (String t : HostileText.all().values()) {
            assertSameScores(POLARITY, t);
            assertSameScores(COMPLAINT, t);
            assertSameScores(TRIGRAMS, t);
        }
    }

    @Test
    void aRememberedChunkScoresAsByDefinitionInEveryContext() {
        // the same chunks (runs between spaces) after a negation, after punctuation that ends its scope,
        // at the start, with two tokens ("happy,"), three ("(happy)", never remembered) and with a handle
        String[] texts = {"so happy today", "not happy today", "not, happy today", "happy", "never so very much happy",
            "happy, not happy,", "(happy) happy, happy", "@AcmeSupport happy", "@AcmeSupport, not happy",
            "NOT HAPPY", "not HAPPY", "happy  happy   happy ", " happy", "don't @AcmeSupport happy today",
            "https://t.co/x happy https://t.co/x", "😡😡 happy 😡😡", "not 😡😡 happy"};
        for (TrainedModel model : List.of(POLARITY, COMPLAINT, PAIRS, TRIGRAMS, VERSION_1)) {
            for (int round = 0; round < 3; round++) {
                for (String t : texts) {
                    assertSameScores(model, t);
                }
            }
        }
    }

    @Test
    void anOrdinaryTextAfterAHugeOneScoresAsByDefinition() {
        // the working buffers shrink back after a huge text, but never below the next text's size
        String huge = "x".repeat(100_000);
        String longChunk = "abcdefghij".repeat(100) + " happy"; // no letter thrice in a row: 1,000 normalised characters
        for (String t : List.of(huge, longChunk, huge + " " + huge, "a b " + "z".repeat(20_000), longChunk)) {
            assertSameScores(POLARITY, t);
            assertSameScores(TRIGRAMS, t);
        }
    }

    /** Texts of a few chunks in any order and spacing, so that remembered chunks meet every context. */
    @Property(tries = 300, seed = "7")
    void textsOfRecurringChunksScoreAsByDefinition(
            @ForAll @net.jqwik.api.constraints.Size(max = 12) List<@net.jqwik.api.constraints.IntRange(max = 17) Integer> picks) {
        String[] pool = {"not", "happy", "Happy,", "HAPPY", "(sad)", "@AcmeSupport", "#fail", "😡", ",", "never",
            "https://t.co/x", "café", "it's", "don\u2019t", "!!!", "a-b", " ", "\t"};
        StringBuilder b = new StringBuilder();
        for (int p : picks) {
            b.append(pool[p]).append(p % 3 == 0 ? "  " : " ");
        }
        assertSameScores(POLARITY, b.toString());
        assertSameScores(PAIRS, b.toString());
        assertSameScores(TRIGRAMS, b.toString());
    }

    @Property(tries = 300, seed = "42")
    void anyStringScoresAsByDefinition(@ForAll String text) {
        assertSameScores(POLARITY, text);
        assertSameScores(TRIGRAMS, text);
    }
}
