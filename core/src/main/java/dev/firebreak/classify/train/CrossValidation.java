package dev.firebreak.classify.train;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Evaluation;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Stratified k-fold cross-validation of a {@link Trainer}: the data is split into {@code k} folds that
 * keep each label's share, each fold is predicted by a model trained on the other {@code k - 1}, and the
 * per-fold confusion matrices are pooled. The split is shuffled with the trainer's seed (data sets are
 * often sorted or cycle through their labels), so the same data and seed give the same folds.
 *
 * <pre>{@code
 * CrossValidationResult r = CrossValidation.run(Trainer.create(Task.POLARITY), examples, 5);
 * System.out.println(r.pooled().macroF1());
 * }</pre>
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * The folds: {@code k} disjoint lists of indices into {@code data} that together hold every
     * index once, each label spread over the folds as evenly as possible (fold sizes differ by at most
     * one), each list in increasing order.
     *
     * @param k 2 or more, at most the number of examples
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static List<List<Integer>> folds(List<LabeledMention> data, int k, long seed) {
        Objects.requireNonNull(data, "data");
        if (k < 2 || k > data.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + Math.max(2, data.size())
                    + "] for " + data.size() + " examples, was " + k);
        }
        List<String> labels = new ArrayList<>();
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String label = data.get(i).label();
            int l = labels.indexOf(label);
            if (l < 0) {
                labels.add(label);
                byLabel.add(new ArrayList<>());
                l = labels.size() - 1;
            }
            byLabel.get(l).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> group : byLabel) {
            for (int i = group.size() - 1; i > 0; i--) {
                Collections.swap(group, i, random.nextInt(i + 1));
            }
            for (int index : group) {
                folds.get(next).add(index);
                next = (next + 1) % k;
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> fold : folds) {
            Collections.sort(fold);
            out.add(List.copyOf(fold));
        }
        return List.copyOf(out);
    }

    /** Cross-validates the trainer on {@code k} folds of the data. */
    public static CrossValidationResult run(Trainer trainer, List<LabeledMention> data, int k) {
        return run(trainer, data, k, Optional.empty(), fold -> { });
    }

    /**
     * Cross-validates the trainer, and also measures a baseline classifier (the built-in one, say) on
     * exactly the same held-out folds, so the two can be compared.
     *
     * @param baseline a classifier to measure on the same folds, if any
     * @param afterFold called with the fold number (0-based) after each fold, for progress reports
     */
    public static CrossValidationResult run(Trainer trainer, List<LabeledMention> data, int k,
            Optional<MentionClassifier> baseline, IntConsumer afterFold) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(afterFold, "afterFold");
        Task task = trainer.task();
        List<List<Integer>> folds = folds(data, k, trainer.config().seed());
        List<ConfusionMatrix> results = new ArrayList<>();
        List<ConfusionMatrix> baselineResults = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> held = folds.get(f);
            List<LabeledMention> train = new ArrayList<>(data.size() - held.size());
            List<LabeledMention> test = new ArrayList<>(held.size());
            int h = 0;
            for (int i = 0; i < data.size(); i++) {
                if (h < held.size() && held.get(h) == i) {
                    test.add(data.get(i));
                    h++;
                } else {
                    train.add(data.get(i));
                }
            }
            TrainedModel model = trainer.train(train);
            results.add(Evaluation.evaluate(model, test, task));
            if (baseline.isPresent()) {
                baselineResults.add(Evaluation.evaluate(baseline.get(), test, task));
            }
            afterFold.accept(f);
        }
        Optional<CrossValidationResult> base = baseline.isPresent()
                ? Optional.of(new CrossValidationResult(task, baselineResults, Optional.empty()))
                : Optional.empty();
        return new CrossValidationResult(task, results, base);
    }
}
