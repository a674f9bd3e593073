package dev.firebreak.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Evaluation;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.DevData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the built-in classifier's measured quality on the development sets of {@code ../shared/data}
 * (skipped when that folder is absent). The floors sit a little below the figures measured when they
 * were set (README, "Classifiers"), so that a regression fails the build while noise does not.
 */
class DevDataRegressionTest {

    private static final BuiltInClassifier C = BuiltInClassifier.create();

    @ParameterizedTest(name = "XLM-T {0} val: macro-F1 >= {1}")
    @CsvSource({
        "english, 0.61",
        "french, 0.57",
        "german, 0.59",
        "italian, 0.55",
        "portuguese, 0.56",
        "spanish, 0.54",
        "arabic, 0.57",
        "hindi, 0.32"})
    void xlmtPolarityMacroF1StaysAboveItsFloor(String language, double floor) {
        DevData.require();
        ConfusionMatrix m = Evaluation.evaluate(C, DevData.xlmt(language, "val"), Task.POLARITY);
        assertAtLeast("XLM-T " + language + " val macro-F1", m.macroF1(), floor);
    }

    /**
     * The Hindi val labels do not match their texts (README, "Classifiers"), so Hindi is also guarded on
     * the half of its train split that the Hindi lexicon was not checked on (the odd lines).
     */
    @ParameterizedTest(name = "XLM-T hindi train, held-out half: macro-F1 >= {0}")
    @CsvSource("0.38")
    void hindiHeldOutTrainHalfMacroF1StaysAboveItsFloor(double floor) {
        DevData.require();
        List<LabeledMention> heldOut = DevData.sample(DevData.xlmt("hindi", "train"), 2, 1);
        ConfusionMatrix m = Evaluation.evaluate(C, heldOut, Task.POLARITY);
        assertAtLeast("XLM-T hindi train held-out half macro-F1", m.macroF1(), floor);
    }

    @ParameterizedTest(name = "NoReC dev: macro-F1 >= {0}")
    @CsvSource("0.54")
    void norecPolarityMacroF1StaysAboveItsFloor(double floor) {
        DevData.require();
        ConfusionMatrix m = Evaluation.evaluate(C, DevData.norec("dev"), Task.POLARITY);
        assertAtLeast("NoReC dev macro-F1", m.macroF1(), floor);
    }

    @ParameterizedTest(name = "ChnSentiCorp (every 4th review): accuracy >= {0}")
    @CsvSource("0.79")
    void chnSentiCorpAccuracyStaysAboveItsFloor(double floor) {
        DevData.require();
        List<LabeledMention> sample = DevData.sample(DevData.chnSentiCorp(), 4, 0);
        ConfusionMatrix m = Evaluation.evaluate(C, sample, Task.POLARITY);
        assertAtLeast("ChnSentiCorp accuracy", m.accuracy(), floor);
    }

    @ParameterizedTest(name = "complaints dev: F1 of the complaint class >= {0}")
    @CsvSource("0.74")
    void complaintF1StaysAboveItsFloor(double floor) {
        DevData.require();
        ConfusionMatrix m = Evaluation.evaluate(C, DevData.complaints(), Task.COMPLAINT);
        assertAtLeast("complaints dev F1(true)", m.f1("true"), floor);
    }

    private static void assertAtLeast(String what, double value, double floor) {
        assertTrue(value >= floor, String.format(Locale.ROOT, "%s fell to %.4f, below its floor %.2f", what, value,
                floor));
    }
}
