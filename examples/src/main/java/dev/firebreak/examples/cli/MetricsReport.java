package dev.firebreak.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Task;
import java.util.Locale;

/**
 * Prints classification metrics, the one layout of {@code evaluate} and {@code train --folds} (each of
 * train's pooled results is printed as evaluate prints its one): accuracy, macro-F1, per-class precision,
 * recall, F1 and support, and the confusion matrix (rows are true labels, columns predicted ones); as
 * aligned text or as a JSON object.
 */
final class MetricsReport {

    private MetricsReport() {
    }

    /**
     * The metrics as aligned text, for example:
     * <pre>
     * task complaint: 1644 examples
     * accuracy  0.8114
     * macro-F1  0.8017
     *
     * class      precision    recall        f1   support
     * true          0.6938    0.8348    0.7578       581
     * false         0.8984    0.7987    0.8456      1063
     *
     * confusion (rows: true, columns: predicted)
     *                 true     false
     * true             485        96
     * false            214       849
     * </pre>
     *
     * @param rejected input lines that could not be read (said in the first line when there were any)
     */
    static String text(Task task, ConfusionMatrix m, long rejected) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "task %s: %d examples", task.jsonName(), m.total()));
        if (rejected > 0) {
            sb.append(String.format(Locale.ROOT, " (%d lines rejected)", rejected));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "accuracy  %.4f%n", m.accuracy()));
        sb.append(String.format(Locale.ROOT, "macro-F1  %.4f%n%n", m.macroF1()));
        sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1",
                "support"));
        for (String l : m.labels()) {
            sb.append(String.format(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %9d%n", l, m.precision(l), m.recall(l),
                    m.f1(l), m.support(l)));
        }
        sb.append("\nconfusion (rows: true, columns: predicted)\n");
        sb.append(String.format(Locale.ROOT, "%-10s", ""));
        for (String p : m.labels()) {
            sb.append(String.format(Locale.ROOT, " %9s", p));
        }
        sb.append('\n');
        for (String truth : m.labels()) {
            sb.append(String.format(Locale.ROOT, "%-10s", truth));
            for (String p : m.labels()) {
                sb.append(String.format(Locale.ROOT, " %9d", m.count(truth, p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The metrics as JSON: {@code {"task", "examples", "rejected", "accuracy", "macroF1", "classes": {class:
     * {"precision", "recall", "f1", "support"}}, "confusion": {true class: {predicted class: count}},
     * "labels": [...]}}, figures rounded to 4 decimals.
     */
    static ObjectNode json(Task task, ConfusionMatrix m, long rejected) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task", task.jsonName());
        o.put("examples", m.total());
        o.put("rejected", rejected);
        o.put("accuracy", round(m.accuracy()));
        o.put("macroF1", round(m.macroF1()));
        ObjectNode classes = o.putObject("classes");
        for (String l : m.labels()) {
            ObjectNode c = classes.putObject(l);
            c.put("precision", round(m.precision(l)));
            c.put("recall", round(m.recall(l)));
            c.put("f1", round(m.f1(l)));
            c.put("support", m.support(l));
        }
        ObjectNode confusion = o.putObject("confusion");
        for (String truth : m.labels()) {
            ObjectNode row = confusion.putObject(truth);
            for (String p : m.labels()) {
                row.put(p, m.count(truth, p));
            }
        }
        ArrayNode labels = o.putArray("labels");
        m.labels().forEach(labels::add);
        return o;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
