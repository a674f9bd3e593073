package dev.firebreak.classify;

import java.util.List;
import java.util.Objects;

/**
 * What a classifier says about one mention.
 *
 * @param language the identified language ({@link Language#UNDETERMINED} when unknown)
 * @param languageConfidence confidence in the language, in [0, 1]
 * @param sentiment sentiment score in [-1, 1]: -1 very negative, 0 neutral, 1 very positive
 * @param polarity the sentiment as a class
 * @param complaintScore how likely the mention is a customer with a problem, in [0, 1]
 * @param complaint whether the classifier calls it a complaint
 * @param categories what it is about, most salient first; empty when none applies
 * @param signals the rules that fired, with their evidence; categories are backed by signals whose
 *     {@link Signal#category()} names them
 */
public record Classification(
        Language language,
        double languageConfidence,
        double sentiment,
        Polarity polarity,
        double complaintScore,
        boolean complaint,
        List<Category> categories,
        List<Signal> signals) {

    /** Validates ranges (NaN is out of range) and copies the lists. */
    public Classification {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(polarity, "polarity");
        checkRange("languageConfidence", languageConfidence, 0, 1);
        checkRange("sentiment", sentiment, -1, 1);
        checkRange("complaintScore", complaintScore, 0, 1);
        categories = List.copyOf(categories);
        signals = List.copyOf(signals);
    }

    private static void checkRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    /** Neutral, not a complaint, no categories: what a classifier says when it cannot tell. */
    public static Classification neutral(Language language, double languageConfidence) {
        return new Classification(language, languageConfidence, 0.0, Polarity.NEUTRAL, 0.0, false, List.of(),
                List.of());
    }

    /** Whether the polarity is negative. */
    public boolean isNegative() {
        return polarity == Polarity.NEGATIVE;
    }

    /** Whether any category is {@linkplain Category#isSensitive() sensitive}. */
    public boolean hasSensitiveCategory() {
        for (Category c : categories) {
            if (c.isSensitive()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a signal with this name fired. */
    public boolean hasSignal(String name) {
        for (Signal s : signals) {
            if (s.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
