package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.DevData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Floors a little below the figures measured with the settings of {@code firebreak train} (defaults plus
 * the built-in classifier's features; README, "Training your own classifier"), so that a change that
 * makes the trainer worse fails; and the model must stay at least as good as the built-in classifier
 * alone on the same folds. Skipped without ../shared/data.
 */
class DevDataRegressionTest {

    private static final BuiltInClassifier BUILT_IN = BuiltInClassifier.create();

    private static CrossValidationResult crossValidate(Task task, List<LabeledMention> data) {
        TrainerConfig config = TrainerConfig.builder().featuresFrom("builtin", BUILT_IN).build();
        return CrossValidation.run(Trainer.create(task, config), data, 5, Optional.of(BUILT_IN), f -> { });
    }

    @Test
    void englishTweetPolarityStaysAboveItsFloorAndTheBuiltInClassifier() {
        List<LabeledMention> data = new ArrayList<>(DevData.xlmt("english", "train"));
        data.addAll(DevData.xlmt("english", "val"));
        CrossValidationResult r = crossValidate(Task.POLARITY, data);
        double model = r.pooled().macroF1();
        double builtIn = r.baseline().orElseThrow().pooled().macroF1();
        assertTrue(model > 0.63, "5-fold macro-F1 " + model);
        assertTrue(model >= builtIn, "5-fold macro-F1 " + model + ", built-in classifier " + builtIn);
    }

    @Test
    void complaintDetectionStaysAboveItsFloorAndTheBuiltInClassifier() {
        CrossValidationResult r = crossValidate(Task.COMPLAINT, DevData.complaints());
        double model = r.pooled().f1("true");
        double builtIn = r.baseline().orElseThrow().pooled().f1("true");
        assertTrue(model > 0.79, "5-fold F1 of complaints " + model);
        assertTrue(model >= builtIn, "5-fold F1 of complaints " + model + ", built-in classifier " + builtIn);
    }

    @Test
    void textOnlyComplaintModelStaysAboveItsFloor() {
        ConfusionMatrix m = CrossValidation.run(Trainer.create(Task.COMPLAINT), DevData.complaints(), 5).pooled();
        assertTrue(m.f1("true") > 0.755, "5-fold F1 of complaints " + m.f1("true"));
    }
}
