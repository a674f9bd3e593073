package dev.firebreak.classify.eval;

import dev.firebreak.classify.MentionClassifier;
import java.util.Objects;

/** Evaluates a classifier on labelled mentions. */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Classifies every labelled mention and counts predicted against true labels.
     *
     * @param classifier the classifier to measure
     * @param data labelled mentions, labels normalised for {@code task}
     * @param task which part of the classification is measured
     * @return the confusion matrix over {@link Task#labels()}
     */
    public static ConfusionMatrix evaluate(MentionClassifier classifier, Iterable<LabeledMention> data, Task task) {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(task, "task");
        ConfusionMatrix m = new ConfusionMatrix(task.labels());
        for (LabeledMention lm : data) {
            m.add(lm.label(), task.predict(classifier.classify(lm.mention())));
        }
        return m;
    }
}
