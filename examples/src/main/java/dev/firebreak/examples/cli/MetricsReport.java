package dev.firebreak.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.eval.ConfusionMatrix;
import java.util.List;
import java.util.Locale;

/**
 * Prints classification metrics the way {@code evaluate} and {@code train --folds} do: accuracy,
 * macro-F1, per-label precision, recall, F1 and support, and the confusion matrix (rows are true
 * labels, columns predicted ones); as aligned text or as a JSON object.
 */
final class MetricsReport {

    private MetricsReport() {
    }

    /**
     * The metrics as aligned text, for example:
     * <pre>
     * examples  2163
     * accuracy  0.581
     * macro-F1  0.551
     *
     * label     precision  recall  F1     support
     * negative  0.602      0.577   0.589  721
     * ...
     *
     * confusion matrix (rows: true label, columns: predicted)
     *           negative  neutral   positive
     * negative  416       180       125
     * ...
     * </pre>
     */
    static String text(ConfusionMatrix m) {
        List<String> labels = m.labels();
        int w = 10;
        for (String l : labels) {
            w = Math.max(w, l.length() + 2);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad("examples", w)).append(m.total()).append('\n');
        sb.append(pad("accuracy", w)).append(num(m.accuracy())).append('\n');
        sb.append(pad("macro-F1", w)).append(num(m.macroF1())).append('\n');
        sb.append('\n');
        sb.append(pad("label", w)).append(pad("precision", 11)).append(pad("recall", 8)).append(pad("F1", 7))
                .append("support\n");
        for (String l : labels) {
            sb.append(pad(l, w)).append(pad(num(m.precision(l)), 11)).append(pad(num(m.recall(l)), 8))
                    .append(pad(num(m.f1(l)), 7)).append(m.support(l)).append('\n');
        }
        sb.append('\n');
        sb.append("confusion matrix (rows: true label, columns: predicted)\n");
        int cw = 8;
        for (String l : labels) {
            cw = Math.max(cw, l.length() + 2);
        }
        sb.append(pad("", w));
        for (String l : labels) {
            sb.append(pad(l, cw));
        }
        sb.append('\n');
        for (String truth : labels) {
            sb.append(pad(truth, w));
            for (String predicted : labels) {
                sb.append(pad(Long.toString(m.count(truth, predicted)), cw));
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll("(?m) +$", "");
    }

    /**
     * The metrics as JSON: {@code {"examples", "accuracy", "macroF1", "labels": {label: {"precision",
     * "recall", "f1", "support"}}, "confusion": {"labels": [...], "counts": [[...], ...]}}}, counts
     * indexed [true][predicted].
     */
    static ObjectNode json(ConfusionMatrix m) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("examples", m.total());
        o.put("accuracy", round(m.accuracy()));
        o.put("macroF1", round(m.macroF1()));
        ObjectNode perLabel = o.putObject("labels");
        for (String l : m.labels()) {
            ObjectNode n = perLabel.putObject(l);
            n.put("precision", round(m.precision(l)));
            n.put("recall", round(m.recall(l)));
            n.put("f1", round(m.f1(l)));
            n.put("support", m.support(l));
        }
        ObjectNode confusion = o.putObject("confusion");
        ArrayNode names = confusion.putArray("labels");
        m.labels().forEach(names::add);
        ArrayNode counts = confusion.putArray("counts");
        for (String truth : m.labels()) {
            ArrayNode row = counts.addArray();
            for (String predicted : m.labels()) {
                row.add(m.count(truth, predicted));
            }
        }
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        sb.append(' ');
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
