package dev.firebreak.classify.eval;

import dev.firebreak.classify.Classification;
import java.util.List;
import java.util.Locale;

/** What a labelled data set measures, and how a classification is turned into a predicted label. */
public enum Task {
    /** Polarity: labels {@code negative}, {@code neutral}, {@code positive}. */
    POLARITY(List.of("negative", "neutral", "positive")),
    /** Complaint or not: labels {@code true}, {@code false}; {@code true} is the positive class. */
    COMPLAINT(List.of("true", "false"));

    private final List<String> labels;

    Task(List<String> labels) {
        this.labels = labels;
    }

    /** The labels of this task, in report order. */
    public List<String> labels() {
        return labels;
    }

    /** The label a classification predicts for this task. */
    public String predict(Classification c) {
        return this == POLARITY ? c.polarity().jsonName() : Boolean.toString(c.complaint());
    }

    /**
     * Checks and normalises a label: polarity names in any case; {@code true}/{@code false} (or
     * {@code 1}/{@code 0}) for complaints.
     *
     * @throws IllegalArgumentException naming the allowed labels
     */
    public String normaliseLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (this == COMPLAINT) {
            if (l.equals("1")) {
                l = "true";
            } else if (l.equals("0")) {
                l = "false";
            }
        }
        if (!labels.contains(l)) {
            throw new IllegalArgumentException("label for task " + jsonName() + " must be one of " + labels + ", was '"
                    + (label.length() > 30 ? label.substring(0, 30) + "..." : label) + "'");
        }
        return l;
    }

    /** The lower-case name used on the command line. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code polarity} or {@code complaint}.
     *
     * @throws IllegalArgumentException naming the allowed tasks
     */
    public static Task fromJson(String name) {
        for (Task t : values()) {
            if (t.jsonName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be polarity or complaint, was '" + name + "'");
    }
}
