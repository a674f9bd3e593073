package dev.firebreak.classify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule that fired while classifying a mention: why the classifier decided what it did.
 *
 * <p>Classifiers should reuse signal instances (one per lexicon entry or rule) instead of making new
 * ones per mention; they are values, so equal signals from different calls compare equal.
 *
 * @param name a stable snake_case name of the rule, for example {@code "negation"}, {@code "all_caps"},
 *     {@code "sarcasm"} or {@code "category_term"}
 * @param category the category this signal supports, if it is evidence for one
 * @param evidence the word, phrase or emoji that fired, or empty when the rule looks at the whole text
 */
public record Signal(String name, Optional<Category> category, String evidence) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");

    /** Validates the fields. */
    public Signal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(evidence, "evidence");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("signal name must be 1 to 40 characters of a-z, 0-9 or '_', was '"
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
    }

    /** A signal about the whole text, for no category. */
    public static Signal of(String name) {
        return new Signal(name, Optional.empty(), "");
    }

    /** A signal with evidence, for no category. */
    public static Signal of(String name, String evidence) {
        return new Signal(name, Optional.empty(), evidence);
    }

    /** A signal that is evidence for a category. */
    public static Signal forCategory(String name, Category category, String evidence) {
        return new Signal(name, Optional.of(category), evidence);
    }
}
