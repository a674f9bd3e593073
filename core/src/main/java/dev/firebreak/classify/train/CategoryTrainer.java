package dev.firebreak.classify.train;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Learns which categories mentions are about, one-vs-rest: for every category seen in the training
 * data a binary model (the same linear model as {@link Trainer}'s) learns that category against all
 * other mentions, so a mention can have several categories or none.
 *
 * <pre>{@code
 * List<CategorizedMention> examples = List.of(
 *         new CategorizedMention(m1, Set.of(Category.of("warranty"))),
 *         new CategorizedMention(m2, Set.of()), ...);
 * CategoryModel model = CategoryTrainer.create(TrainerConfig.defaults()).train(examples);
 * }</pre>
 *
 * <p>{@link TrainerConfig#classWeights()} applies to each category's binary model, with the labels
 * {@code "true"} (has the category) and {@code "false"}: the default, balanced, keeps a rare category
 * from being drowned out. Each category's model holds a table of {@code 2 * 2^hashBits} floats.
 */
public final class CategoryTrainer {

    private final TrainerConfig config;

    private CategoryTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A trainer with these settings. */
    public static CategoryTrainer create(TrainerConfig config) {
        return new CategoryTrainer(config);
    }

    /** Its settings. */
    public TrainerConfig config() {
        return config;
    }

    /**
     * Trains a model for every category that occurs in the data, in category-id order.
     *
     * @throws IllegalArgumentException if the data is empty, no example has a category, or a
     *     category is on every example (there is nothing to tell it from), naming it
     */
    public CategoryModel train(Iterable<CategorizedMention> data) {
        Objects.requireNonNull(data, "data");
        List<CategorizedMention> examples = new ArrayList<>();
        TreeMap<String, Category> seen = new TreeMap<>();
        for (CategorizedMention cm : data) {
            Objects.requireNonNull(cm, "categorized mention at position " + examples.size());
            examples.add(cm);
            for (Category c : cm.categories()) {
                seen.put(c.id(), c);
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot train a category model on no examples");
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException("cannot train a category model: none of the " + examples.size()
                    + " examples has a category");
        }
        List<Category> categories = new ArrayList<>(seen.values());
        List<TrainedModel> models = new ArrayList<>();
        Trainer binary = Trainer.create(Task.COMPLAINT, config);
        for (Category c : categories) {
            List<LabeledMention> oneVsRest = new ArrayList<>(examples.size());
            int positives = 0;
            for (CategorizedMention cm : examples) {
                boolean has = cm.categories().contains(c);
                positives += has ? 1 : 0;
                oneVsRest.add(new LabeledMention(cm.mention(), Boolean.toString(has)));
            }
            if (positives == examples.size()) {
                throw new IllegalArgumentException("cannot train a category model: category '" + c.id()
                        + "' is on all " + positives + " examples, so there is nothing to tell it from");
            }
            models.add(binary.train(oneVsRest));
        }
        return new CategoryModel(categories, models);
    }
}
