package dev.firebreak.examples.cli;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import java.io.BufferedReader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code evaluate --in F --task polarity|complaint [--model F] [--json] [--rejects F]}: classifies labelled
 * mentions and prints accuracy, macro-F1, per-class precision, recall, F1 and support, and the confusion
 * matrix. With {@code --model} a trained model of the same task is measured (see {@link ModelOption}).
 */
final class EvaluateCommand implements Command {

    private final Supplier<MentionClassifier> classifier;
    private final boolean modelOption;
    private final FirebreakJson json = FirebreakJson.create();

    /** An evaluate command for the built-in classifier, and {@code --model} for a trained model. */
    EvaluateCommand() {
        this.classifier = BuiltInClassifier::create;
        this.modelOption = true;
    }

    /** An evaluate command for the given classifier, created when the command runs; no {@code --model}. */
    EvaluateCommand(Supplier<MentionClassifier> classifier) {
        this.classifier = classifier;
        this.modelOption = false;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure the classifier on labelled mentions (accuracy, macro-F1, confusion matrix)";
    }

    @Override
    public String help() {
        return "usage: firebreak evaluate --in F --task polarity|complaint" + (modelOption ? " [--model F]" : "")
                + " [--json] [--rejects F]\n"
                + "\n"
                + "Reads labelled mentions as JSON lines: Mention JSON plus \"label\" (negative, neutral or\n"
                + "positive for --task polarity; true or false, or 1 or 0, for --task complaint), classifies\n"
                + "them with the built-in classifier and prints accuracy, macro-F1, per-class precision,\n"
                + "recall, F1 and support, and the confusion matrix (rows: true label, columns: predicted).\n"
                + "\n"
                + "  --in F        input file (default: standard input)\n"
                + "  --task T      polarity or complaint (required)\n"
                + (modelOption ? "  --model F     measure a model written by 'firebreak train' for the same task\n"
                        + "                (combined with the built-in classifier) instead of the built-in one\n" : "")
                + "  --json        print one JSON object instead of the table\n"
                + "  --rejects F   also write the raw lines that could not be read there\n"
                + "\n"
                + "A line that cannot be read is reported on standard error as 'line N: <what is wrong>' and\n"
                + "skipped. Exit code 0 on success, 1 if no line could be read" + (modelOption
                        ? " or the model cannot be used" : "") + ", 2 for bad usage.\n";
    }

    @Override
    public Set<String> options() {
        return modelOption ? Set.of("in", "task", "model", "rejects") : Set.of("in", "task", "rejects");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
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
        MentionClassifier c;
        if (modelOption && args.value("model").isPresent()) {
            ModelOption.Loaded loaded = ModelOption.load(args, BuiltInClassifier.create()).orElseThrow();
            if (loaded.task() != task) {
                io.err().println("firebreak evaluate: error: " + args.value("model").get() + " is a "
                        + loaded.task().jsonName() + " model; it cannot be measured with --task " + task.jsonName());
                return Main.FAILURE;
            }
            c = loaded.classifier();
        } else {
            c = classifier.get();
        }
        ConfusionMatrix m = new ConfusionMatrix(task.labels());
        JsonLines.Result result;
        try (BufferedReader in = Streams.reader(args.path("in"), io)) {
            result = JsonLines.forEach(in, args.path("rejects"), io, (line, n) -> {
                LabeledMention lm;
                try {
                    lm = json.readLabeledMention(line, task);
                } catch (JsonFormatException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                m.add(lm.label(), task.predict(c.classify(lm.mention())));
            });
        }
        if (result.processed() == 0) {
            if (result.rejected() == 0) {
                io.err().println("error: no labelled mentions in the input");
            }
            return Main.FAILURE;
        }
        if (args.flag("json")) {
            io.out().println(json.write(MetricsReport.json(task, m, result.rejected())));
        } else {
            io.out().print(MetricsReport.text(task, m, result.rejected()));
        }
        return Main.OK;
    }
}
