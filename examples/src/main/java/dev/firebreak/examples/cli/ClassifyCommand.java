package dev.firebreak.examples.cli;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.mention.Mention;
import java.io.BufferedReader;
import java.io.Writer;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code classify [--in F] [--out F] [--model F] [--rejects F]}: reads Mention JSON lines and writes one
 * classification line per mention (see CLI.md). Bad lines are reported as {@code line N: ...} and skipped.
 * With {@code --model} a trained model gives its part of the verdict (see {@link ModelOption}).
 */
final class ClassifyCommand implements Command {

    private final Supplier<MentionClassifier> classifier;
    private final boolean modelOption;
    private final FirebreakJson json = FirebreakJson.create();

    /** A classify command with the built-in classifier, and {@code --model} to combine it with a trained model. */
    ClassifyCommand() {
        this.classifier = BuiltInClassifier::create;
        this.modelOption = true;
    }

    /** A classify command with the given classifier, created when the command runs; no {@code --model}. */
    ClassifyCommand(Supplier<MentionClassifier> classifier) {
        this.classifier = classifier;
        this.modelOption = false;
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "classify Mention JSON lines: language, sentiment, complaint, categories, signals";
    }

    @Override
    public String help() {
        return "usage: firebreak classify [--in F] [--out F]" + (modelOption ? " [--model F]" : "")
                + " [--rejects F]\n"
                + "\n"
                + "Reads mentions as JSON lines (Mention JSON: id, platform and text required) and writes one\n"
                + "line per mention with the built-in classifier's verdict:\n"
                + "  {\"id\", \"language\", \"languageConfidence\", \"sentiment\" (-1..1), \"polarity\",\n"
                + "   \"complaint\", \"complaintScore\" (0..1), \"categories\", \"signals\", \"evidence\"}\n"
                + "\n"
                + "  --in F        input file (default: standard input)\n"
                + "  --out F       output file (default: standard output)\n"
                + (modelOption ? ModelOption.help() : "")
                + "  --rejects F   also write the raw lines that were skipped there\n"
                + "\n"
                + "A line that cannot be read, or that the classifier fails on, is reported on standard error as\n"
                + "'line N: <what is wrong>' and skipped (and copied to --rejects). Exit code 0 if at least one line\n"
                + "was processed (or the input was empty), 1 if none could be" + (modelOption ? " or the model cannot be used" : "") + ", 2 for bad usage.\n";
    }

    @Override
    public Set<String> options() {
        return modelOption ? Set.of("in", "out", "model", "rejects") : Set.of("in", "out", "rejects");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        MentionClassifier c;
        if (modelOption && args.value("model").isPresent()) {
            c = ModelOption.load(args, BuiltInClassifier.create()).orElseThrow().classifier();
        } else {
            c = classifier.get();
        }
        JsonLines.Result result;
        try (BufferedReader in = Streams.reader(args.path("in"), io);
                Writer out = Streams.writer(args.path("out"), io)) {
            result = JsonLines.forEach(in, args.path("rejects"), io, (line, n) -> {
                Mention m;
                try {
                    m = json.readMention(line);
                } catch (JsonFormatException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                Classification cl;
                try {
                    cl = c.classify(m);
                } catch (RuntimeException e) {
                    // one mention the classifier cannot handle is that line's failure, not the run's
                    throw new IllegalArgumentException("the classifier failed on " + m.platform().name() + ":"
                            + m.id() + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
                }
                if (cl == null) {
                    throw new IllegalArgumentException("the classifier returned no classification for "
                            + m.platform().name() + ":" + m.id());
                }
                Streams.writeLine(out, json.writeClassification(m.id(), cl));
            });
        }
        return result.exitCode();
    }
}
