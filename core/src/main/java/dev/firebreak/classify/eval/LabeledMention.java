package dev.firebreak.classify.eval;

import dev.firebreak.mention.Mention;
import java.util.Objects;

/**
 * A mention with the label a person gave it: the unit of evaluation and training data.
 *
 * @param mention the mention
 * @param label the label, normalised for its task ({@code negative}/{@code neutral}/{@code positive},
 *     or {@code true}/{@code false})
 */
public record LabeledMention(Mention mention, String label) {

    /** Validates the fields. */
    public LabeledMention {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(label, "label");
    }
}
