package dev.firebreak.examples.cli;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.CompositeClassifier;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.classify.train.ModelFormatException;
import dev.firebreak.classify.train.TrainedModel;
import dev.firebreak.mention.Mention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --model F} option of {@code classify} and {@code evaluate}: a model written by
 * {@code firebreak train}, combined with the built-in classifier. The built-in classifier gives the
 * language, categories, signals and the part the model did not learn; the model gives its own part
 * (polarity and sentiment score, or complaint flag and score).
 */
final class ModelOption {

    /** A model as loaded: the classifier to use and the task the model learned. */
    record Loaded(MentionClassifier classifier, Task task) {
    }

    private ModelOption() {
    }

    /** The help lines for {@code --model}. */
    static String help() {
        return "  --model F     a model written by 'firebreak train': it gives the polarity and sentiment\n"
                + "                score (a polarity model) or the complaint flag and score (a complaint\n"
                + "                model); the built-in classifier gives the rest\n";
    }

    /**
     * Loads {@code --model} if given, with the built-in classifier as its feature source and as the
     * source of everything the model does not predict.
     *
     * @throws IOException with a message that names the file and the problem (exit code 1)
     */
    static Optional<Loaded> load(Args args, BuiltInClassifier builtIn) throws IOException {
        Optional<Path> file = args.path("model");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path f = file.get();
        if (Files.isDirectory(f)) {
            throw new IOException("cannot use the model " + f + ": it is a directory");
        }
        if (!Files.isRegularFile(f)) {
            throw new IOException("model file not found: " + f);
        }
        // the composite asks the built-in classifier about a mention, and the model asks it again for
        // its features: one classification serves both
        MentionClassifier base = remembering(builtIn);
        TrainedModel model;
        try {
            model = TrainedModel.load(f, base);
        } catch (ModelFormatException e) {
            throw new IOException("cannot use the model: " + e.getMessage(), e);
        }
        CompositeClassifier.Builder b = CompositeClassifier.builder(base);
        if (model.task() == Task.POLARITY) {
            b.sentimentFrom(model);
        } else {
            b.complaintFrom(model);
        }
        return Optional.of(new Loaded(b.build(), model.task()));
    }

    /**
     * The classifier with a memory of one answer per thread: asked about the same mention (the same
     * object) twice in a row, it answers the second time without classifying again. Mentions are
     * immutable, so the answer is the one it would give.
     */
    static MentionClassifier remembering(MentionClassifier classifier) {
        Objects.requireNonNull(classifier, "classifier");
        ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[2]);
        return mention -> {
            Object[] l = last.get();
            if (l[0] == mention && mention != null) {
                return (Classification) l[1];
            }
            Classification c = classifier.classify(mention);
            l[0] = mention;
            l[1] = c;
            return c;
        };
    }
}
