package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.CompositeClassifier;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.json.FirebreakJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippet of the README section "Training your own classifier", compiled and run. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void readmeSnippetTrainsSavesLoadsAndCombines() throws IOException {
        FirebreakJson writer = FirebreakJson.create();
        List<String> lines = new ArrayList<>();
        for (LabeledMention lm : Toy.complaint(40, 41)) {
            lines.add(writer.writeMention(lm.mention()).replaceFirst("}$", ", \"label\": " + lm.label() + "}"));
        }
        Path labelled = dir.resolve("labelled.jsonl");
        Files.write(labelled, lines, StandardCharsets.UTF_8);
        Path modelFile = dir.resolve("complaints.model");

        // --- README snippet starts
        FirebreakJson json = FirebreakJson.create();
        List<LabeledMention> examples = new ArrayList<>();
        for (String line : Files.readAllLines(labelled)) {            // Mention JSON lines with a "label"
            examples.add(json.readLabeledMention(line, Task.COMPLAINT));
        }
        BuiltInClassifier builtIn = BuiltInClassifier.create();
        Trainer trainer = Trainer.create(Task.COMPLAINT, TrainerConfig.builder()
                .featuresFrom("builtin", builtIn)                      // its scores and signals are features too
                .build());
        CrossValidationResult cv = CrossValidation.run(trainer, examples, 5, Optional.of(builtIn), fold -> { });
        double f1 = cv.pooled().f1("true");                            // how good will it be?
        double builtInF1 = cv.baseline().orElseThrow().pooled().f1("true");  // and the built-in one alone?
        TrainedModel model = trainer.train(examples);
        model.save(modelFile);

        // later: the built-in classifier for language, polarity, categories and signals; the model for complaints
        MentionClassifier classifier = CompositeClassifier.builder(builtIn)
                .complaintFrom(TrainedModel.load(modelFile, builtIn))
                .build();
        // --- README snippet ends

        assertTrue(f1 > 0.95, "cross-validated F1 " + f1);
        assertTrue(builtInF1 >= 0 && builtInF1 <= 1, "the built-in classifier measured on the same folds");
        Classification c = classifier.classify(Toy.mention("q", "@acme the app is broken again, worst update"));
        assertTrue(c.complaint());
        assertEquals(Language.ENGLISH, c.language());
        Classification builtInAlone = builtIn.classify(Toy.mention("q", "@acme the app is broken again, worst update"));
        assertEquals(builtInAlone.polarity(), c.polarity(), "polarity stays the built-in classifier's");
        assertEquals(builtInAlone.categories(), c.categories());
    }
}
