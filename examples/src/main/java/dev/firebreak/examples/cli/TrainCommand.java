package dev.firebreak.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.classify.train.CrossValidation;
import dev.firebreak.classify.train.CrossValidationResult;
import dev.firebreak.classify.train.TrainedModel;
import dev.firebreak.classify.train.Trainer;
import dev.firebreak.classify.train.TrainerConfig;
import dev.firebreak.json.FirebreakJson;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code train --in F --task polarity|complaint --out MODEL [--folds K] [--json] [--text-only]}: trains a
 * classifier from labelled mentions and saves it; with {@code --folds K} it first prints K-fold
 * cross-validated metrics (and, when a baseline classifier is wired in, the baseline's metrics on the
 * same folds). {@code --text-only} trains on the text alone even when the baseline is wired in as a
 * feature source.
 */
final class TrainCommand implements Command {

    private final Optional<Supplier<MentionClassifier>> baseline;
    private final String baselineName;
    private final boolean baselineAsFeatures;
    private final FirebreakJson json = FirebreakJson.create();

    /** A train command without a baseline. */
    TrainCommand() {
        this.baseline = Optional.empty();
        this.baselineName = "";
        this.baselineAsFeatures = false;
    }

    /**
     * A train command that, with {@code --folds}, also measures {@code baseline} on the same folds.
     *
     * @param baselineName how the report names it, for example {@code builtin}
     * @param asFeatures whether the trained model also uses the baseline's scores and signals as
     *     features ({@code TrainerConfig.Builder.featuresFrom(baselineName, baseline)}); such a model
     *     is loaded with {@code TrainedModel.load(path, baseline)}
     */
    TrainCommand(String baselineName, Supplier<MentionClassifier> baseline, boolean asFeatures) {
        this.baseline = Optional.of(Objects.requireNonNull(baseline, "baseline"));
        this.baselineName = Objects.requireNonNull(baselineName, "baselineName");
        this.baselineAsFeatures = asFeatures;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a polarity or complaint classifier on labelled mentions";
    }

    @Override
    public String help() {
        return "usage: firebreak train [--in F] --task polarity|complaint --out MODEL [--folds K] [--json]"
                + (baselineAsFeatures ? " [--text-only]" : "") + " [--rejects F]\n"
                + "\n"
                + "Reads labelled mentions (Mention JSON lines with a \"label\": negative, neutral or positive\n"
                + "for polarity; true or false for complaint), trains a linear classifier over hashed word\n"
                + "and character n-grams" + (baselineAsFeatures ? " and the " + baselineName + " classifier's scores and signals" : "")
                + ",\nand saves it to MODEL. Use it with 'firebreak classify --model MODEL' or 'firebreak evaluate\n"
                + "--model MODEL'; in Java load it with TrainedModel.load(path"
                + (baselineAsFeatures ? ", the " + baselineName + " classifier)" : ")") + ".\n"
                + "\n"
                + "  --in F        labelled mentions (default: standard input)\n"
                + "  --task T      polarity or complaint\n"
                + "  --out MODEL   where to write the model file\n"
                + "  --folds K     first print K-fold cross-validated metrics as 'firebreak evaluate'\n"
                + "                prints them (accuracy, macro-F1, per-class precision/recall/F1,\n"
                + "                confusion matrix), pooled over the folds; K from 2 to 100\n"
                + (baseline.isPresent() ? "                and the same for the " + baselineName
                        + " classifier on the same folds\n" : "")
                + "  --json        print the metrics as one JSON object instead of text\n"
                + (baselineAsFeatures ? "  --text-only   learn from the text alone, without the " + baselineName
                        + " classifier's\n                scores and signals (a smaller, faster model that loads without it)\n" : "")
                + "  --rejects F   also write lines that cannot be read there\n"
                + "\n"
                + "Lines that cannot be read are reported on standard error as 'line N: ...' and skipped.\n";
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "task", "out", "folds", "rejects");
    }

    @Override
    public Set<String> flags() {
        return baselineAsFeatures ? Set.of("json", "text-only") : Set.of("json");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        Task task;
        try {
            task = Task.fromJson(args.required("task"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Path out = Path.of(args.required("out"));
        int folds = args.intValue("folds", 0, 2, 100);
        boolean asJson = args.flag("json");

        List<LabeledMention> data = new ArrayList<>();
        JsonLines.Result read;
        try (BufferedReader in = Streams.reader(args.path("in"), io)) {
            read = JsonLines.forEach(in, args.path("rejects"), io,
                    (line, n) -> data.add(json.readLabeledMention(line, task)));
        }
        if (data.isEmpty()) {
            io.err().println("firebreak train: error: no labelled mentions to train on"
                    + (read.rejected() > 0 ? " (" + read.rejected() + " lines rejected)" : ""));
            return Main.FAILURE;
        }
        Optional<MentionClassifier> base = baseline.map(Supplier::get);
        TrainerConfig config = TrainerConfig.defaults();
        if (baselineAsFeatures && base.isPresent() && !args.flag("text-only")) {
            config = config.toBuilder().featuresFrom(baselineName, base.get()).build();
        }
        Trainer trainer = Trainer.create(task, config);
        long start = System.nanoTime();
        if (folds > 0) {
            if (folds > data.size()) {
                throw new UsageException("--folds " + folds + " is more than the " + data.size()
                        + " labelled mentions read");
            }
            CrossValidationResult r = CrossValidation.run(trainer, data, folds, base,
                    f -> io.err().println("... fold " + (f + 1) + " of " + folds + " done"));
            io.out().print(asJson ? json.write(report(r, folds, read.rejected())) + "\n" : text(r, folds, read.rejected()));
            io.out().flush();
        }
        TrainedModel model = trainer.train(data);
        model.save(out);
        io.err().println(String.format(Locale.ROOT, "trained a %s model on %d mentions (%s) in %.1f s; wrote %s (%d bytes)",
                task.jsonName(), data.size(), counts(data, task), (System.nanoTime() - start) / 1e9, out,
                Files.size(out)));
        return Main.OK;
    }

    private String text(CrossValidationResult r, int folds, long rejected) {
        StringBuilder sb = new StringBuilder();
        sb.append(folds).append("-fold cross-validation, trained model (pooled over the folds)\n");
        sb.append(foldLine(r));
        sb.append(MetricsReport.text(r.task(), r.pooled(), rejected));
        if (r.baseline().isPresent()) {
            sb.append('\n').append(baselineName).append(" classifier on the same folds\n");
            sb.append(foldLine(r.baseline().get()));
            sb.append(MetricsReport.text(r.task(), r.baseline().get().pooled(), rejected));
        }
        return sb.toString();
    }

    private static String foldLine(CrossValidationResult r) {
        StringBuilder sb = new StringBuilder("macro-F1 per fold:");
        for (ConfusionMatrix m : r.folds()) {
            sb.append(String.format(Locale.ROOT, " %.4f", m.macroF1()));
        }
        return sb.append('\n').toString();
    }

    private ObjectNode report(CrossValidationResult r, int folds, long rejected) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task", r.task().jsonName());
        o.put("folds", folds);
        o.set("model", withFolds(r, rejected));
        if (r.baseline().isPresent()) {
            ObjectNode b = withFolds(r.baseline().get(), rejected);
            b.put("name", baselineName);
            o.set("baseline", b);
        }
        return o;
    }

    private static ObjectNode withFolds(CrossValidationResult r, long rejected) {
        ObjectNode m = MetricsReport.json(r.task(), r.pooled(), rejected);
        ArrayNode perFold = m.putArray("foldMacroF1");
        for (ConfusionMatrix f : r.folds()) {
            perFold.add(MetricsReport.round(f.macroF1()));
        }
        return m;
    }

    private static String counts(List<LabeledMention> data, Task task) {
        StringBuilder sb = new StringBuilder();
        for (String label : task.labels()) {
            long n = data.stream().filter(d -> d.label().equals(label)).count();
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(label).append(' ').append(n);
        }
        return sb.toString();
    }
}
