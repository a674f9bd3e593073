package dev.firebreak.examples;

import dev.firebreak.classify.MentionClassifier;

/** What the examples share: the one place that chooses their classifier. */
public final class DemoSetup {

    private DemoSetup() {
    }

    /**
     * The classifier of the examples and of {@code firebreak replay}.
     *
     * <p>LEAD: replace with {@code BuiltInClassifier.create()} once the built-in classifier is merged.
     */
    public static MentionClassifier classifier() {
        return new InterimLexiconClassifier();
    }
}
