package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    /** Labels that cycle 0, 1, 2 like the XLM-T files, with unequal label counts. */
    private static List<LabeledMention> cycling(int n) {
        String[] labels = {"negative", "neutral", "positive", "positive"};
        List<LabeledMention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LabeledMention(Toy.mention("m" + i, "text " + i), labels[i % labels.length]));
        }
        return out;
    }

    @Property(tries = 60, seed = "20240501")
    void foldsAreDisjointCompleteBalancedAndStratified(@ForAll @IntRange(min = 12, max = 400) int n,
            @ForAll @IntRange(min = 2, max = 10) int k, @ForAll long seed) {
        List<LabeledMention> data = cycling(n);
        List<List<Integer>> folds = CrossValidation.folds(data, k, seed);
        assertEquals(k, folds.size());
        Set<Integer> seen = new HashSet<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (List<Integer> fold : folds) {
            for (int i : fold) {
                assertTrue(seen.add(i), "index " + i + " in two folds");
            }
            min = Math.min(min, fold.size());
            max = Math.max(max, fold.size());
            for (String label : List.of("negative", "neutral", "positive")) {
                long inFold = fold.stream().filter(i -> data.get(i).label().equals(label)).count();
                long total = data.stream().filter(m -> m.label().equals(label)).count();
                assertTrue(Math.abs(inFold - (double) total / k) <= 1, label + ": " + inFold + " of " + total
                        + " in a fold of " + k);
            }
        }
        assertEquals(n, seen.size(), "every example is held out once");
        assertTrue(max - min <= 1, "fold sizes " + min + ".." + max);
    }

    @Test
    void foldsAreShuffledWithTheSeed() {
        List<LabeledMention> data = cycling(300);
        List<List<Integer>> a = CrossValidation.folds(data, 5, 1);
        assertEquals(a, CrossValidation.folds(data, 5, 1));
        assertTrue(!a.equals(CrossValidation.folds(data, 5, 2)), "another seed, other folds");
        // not simply every k-th example, which would align with a label file that cycles 0,1,2
        List<Integer> first = a.get(0);
        boolean strided = true;
        for (int i = 1; i < first.size(); i++) {
            strided &= first.get(i) - first.get(i - 1) == first.get(1) - first.get(0);
        }
        assertTrue(!strided, "fold 0 is a regular stride: " + first);
    }

    @Test
    void badFoldCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(cycling(10), 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.folds(cycling(3), 4, 0));
        assertTrue(e.getMessage().contains("folds must be in [2, 3]"), e.getMessage());
    }

    @Test
    void crossValidationPredictsEveryExampleOnceAndMeasuresABaselineOnTheSameFolds() {
        List<LabeledMention> data = Toy.polarity(30, 21);
        AtomicInteger baselineCalls = new AtomicInteger();
        MentionClassifier alwaysNeutral = m -> {
            baselineCalls.incrementAndGet();
            return Classification.neutral(Language.ENGLISH, 1);
        };
        List<Integer> done = new ArrayList<>();
        Trainer trainer = Trainer.create(Task.POLARITY, TrainerConfig.builder().hashBits(14).build());
        CrossValidationResult r = CrossValidation.run(trainer, data, 3, java.util.Optional.of(alwaysNeutral),
                done::add);
        assertEquals(List.of(0, 1, 2), done);
        assertEquals(3, r.folds().size());
        ConfusionMatrix pooled = r.pooled();
        assertEquals(data.size(), pooled.total());
        assertTrue(pooled.accuracy() > 0.95, "the toy task is nearly separable on 20 examples a label");
        List<List<Integer>> folds = CrossValidation.folds(data, 3, trainer.config().seed());
        for (int f = 0; f < 3; f++) {
            assertEquals(folds.get(f).size(), r.folds().get(f).total());
        }
        CrossValidationResult base = r.baseline().orElseThrow();
        assertEquals(data.size(), baselineCalls.get(), "the baseline classifies each held-out example once");
        assertEquals(30, base.pooled().count("positive", "neutral"));
        assertEquals(1.0 / 3, base.pooled().accuracy(), 1e-9);
        for (int f = 0; f < 3; f++) {
            assertEquals(r.folds().get(f).total(), base.folds().get(f).total(), "same folds");
        }
    }
}
