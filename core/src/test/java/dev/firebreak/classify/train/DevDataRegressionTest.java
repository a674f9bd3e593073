package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.DevData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floors a little below the figures measured with the default settings (README, "Training your own
 * classifier"), so that a change that makes the trainer worse fails. Skipped without ../shared/data.
 */
class DevDataRegressionTest {

    @Test
    void englishTweetPolarityStaysAboveItsFloor() {
        List<LabeledMention> data = new ArrayList<>(DevData.xlmt("english", "train"));
        data.addAll(DevData.xlmt("english", "val"));
        ConfusionMatrix m = CrossValidation.run(Trainer.create(Task.POLARITY), data, 5).pooled();
        assertTrue(m.macroF1() > 0.53, "5-fold macro-F1 " + m.macroF1());
    }

    @Test
    void complaintDetectionStaysAboveItsFloor() {
        ConfusionMatrix m = CrossValidation.run(Trainer.create(Task.COMPLAINT), DevData.complaints(), 5).pooled();
        assertTrue(m.f1("true") > 0.74, "5-fold F1 of complaints " + m.f1("true"));
    }
}
