package dev.firebreak.classify.train;

import dev.firebreak.classify.Category;
import dev.firebreak.mention.Mention;
import java.util.Objects;
import java.util.Set;

/**
 * A mention with the categories a person gave it, possibly none: the training data of a
 * {@link CategoryTrainer}.
 *
 * @param mention the mention
 * @param categories what it is about; empty when none of the categories applies
 */
public record CategorizedMention(Mention mention, Set<Category> categories) {

    /** Validates and copies. */
    public CategorizedMention {
        Objects.requireNonNull(mention, "mention");
        categories = Set.copyOf(categories);
    }
}
