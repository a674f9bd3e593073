package dev.firebreak.classify.train;

import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Task;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CrossValidation} measured.
 *
 * @param task the task
 * @param folds one confusion matrix per held-out fold, in fold order
 * @param baseline the baseline classifier's results on the same folds, if one was given
 */
public record CrossValidationResult(Task task, List<ConfusionMatrix> folds, Optional<CrossValidationResult> baseline) {

    /** Validates and copies the list. */
    public CrossValidationResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(baseline, "baseline");
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("folds must not be empty");
        }
    }

    /** All folds' predictions counted together (a new matrix on every call). */
    public ConfusionMatrix pooled() {
        ConfusionMatrix m = new ConfusionMatrix(task.labels());
        for (ConfusionMatrix f : folds) {
            m.addAll(f);
        }
        return m;
    }

    /** The mean of the folds' macro-F1 scores. */
    public double meanFoldMacroF1() {
        double sum = 0;
        for (ConfusionMatrix f : folds) {
            sum += f.macroF1();
        }
        return sum / folds.size();
    }
}
