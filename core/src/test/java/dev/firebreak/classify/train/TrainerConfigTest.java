package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {

    private static void rejects(Consumer<TrainerConfig.Builder> setter, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setter.accept(TrainerConfig.builder()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void settersFailFastNamingTheFieldAndItsRange() {
        rejects(b -> b.wordNgrams(0, 2), "wordNgrams min must be in [1, 5], was 0");
        rejects(b -> b.wordNgrams(2, 1), "wordNgrams max must be in [2, 5], was 1");
        rejects(b -> b.charNgrams(3, 9), "charNgrams max must be in [3, 8], was 9");
        rejects(b -> b.hashBits(27), "hashBits must be in [10, 26], was 27");
        rejects(b -> b.epochs(0), "epochs must be in [1, 1000], was 0");
        rejects(b -> b.learningRate(Double.NaN), "learningRate must be in (0, 10], was NaN");
        rejects(b -> b.l2(-0.1), "l2 must be in [0, 1), was -0.1");
        rejects(b -> b.featuresFrom("Built In", m -> null), "featuresFrom name must be");
        rejects(b -> b.stackingFolds(1), "stackingFolds must be in [2, 20], was 1");
        rejects(b -> b.classWeights(ClassWeights.of(Map.of("true", 0.0))), "weight of label 'true' must be in (0, 1000]");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        MentionClassifier source = m -> Classification.neutral(Language.ENGLISH, 1);
        TrainerConfig c = TrainerConfig.builder().wordNgrams(2, 3).charNgrams(3, 4).hashBits(12).epochs(3)
                .learningRate(0.3).l2(0.01).classWeights(ClassWeights.none()).seed(99).stackingFolds(7)
                .featuresFrom("builtin", source).build();
        TrainerConfig copy = c.toBuilder().build();
        assertEquals(c.toString(), copy.toString());
        assertEquals(List.of(2, 3, 3, 4, 12, 3), List.of(copy.wordNgramMin(), copy.wordNgramMax(),
                copy.charNgramMin(), copy.charNgramMax(), copy.hashBits(), copy.epochs()));
        assertEquals(source, copy.featureSource().orElseThrow());
        assertEquals(7, copy.stackingFolds());
        assertEquals(0, c.toBuilder().noCharNgrams().build().charNgramMax());
        assertTrue(c.toBuilder().noFeatureSource().build().featureSource().isEmpty());
    }

    @Test
    void defaultsAreBalancedWithSingleWordsAndCharacterTwoToFiveGrams() {
        TrainerConfig d = TrainerConfig.defaults();
        assertTrue(d.classWeights().isBalanced());
        assertEquals(List.of(1, 1, 2, 5), List.of(d.wordNgramMin(), d.wordNgramMax(), d.charNgramMin(),
                d.charNgramMax()));
        assertTrue(d.featureSource().isEmpty());
    }

    @Test
    void singleWordsOnlyAndWordPairsAreBothAccepted() {
        TrainerConfig words = TrainerConfig.builder().wordNgrams(1, 1).build();
        assertEquals(List.of(1, 1), List.of(words.wordNgramMin(), words.wordNgramMax()));
        TrainerConfig pairs = TrainerConfig.builder().wordNgrams(1, 2).build();
        assertEquals(List.of(1, 2), List.of(pairs.wordNgramMin(), pairs.wordNgramMax()));
        assertEquals(1, pairs.toBuilder().wordNgrams(1, 1).build().wordNgramMax());
        rejects(b -> b.wordNgrams(1, 0), "wordNgrams max must be in [1, 5], was 0");
        rejects(b -> b.wordNgrams(1, 6), "wordNgrams max must be in [1, 5], was 6");
    }

    @Test
    void balancedWeightsAreInverseToLabelFrequency() {
        double[] w = ClassWeights.balanced().weights(List.of("true", "false"), new long[] {25, 75});
        assertEquals(2.0, w[0], 1e-12);
        assertEquals(2.0 / 3, w[1], 1e-12);
        double[] none = ClassWeights.none().weights(List.of("true", "false"), new long[] {25, 75});
        assertEquals(List.of(1.0, 1.0), List.of(none[0], none[1]));
        double[] explicit = ClassWeights.of(Map.of("true", 3.0)).weights(List.of("true", "false"), new long[] {1, 1});
        assertEquals(List.of(3.0, 1.0), List.of(explicit[0], explicit[1]));
    }
}
