package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        MentionClassifier builtIn = m -> Classification.neutral(Language.ENGLISH, 0.9); // stands in for the built-in
        Path modelFile = dir.resolve("complaints.model");

        // --- README snippet starts
        FirebreakJson json = FirebreakJson.create();
        List<LabeledMention> examples = new ArrayList<>();
        for (String line : Files.readAllLines(labelled)) {            // Mention JSON lines with a "label"
            examples.add(json.readLabeledMention(line, Task.COMPLAINT));
        }
        Trainer trainer = Trainer.create(Task.COMPLAINT, TrainerConfig.builder().seed(7).build());
        double f1 = CrossValidation.run(trainer, examples, 5).pooled().f1("true");  // how good will it be?
        TrainedModel model = trainer.train(examples);
        model.save(modelFile);

        // later: the built-in classifier for language, polarity, categories and signals; the model for complaints
        MentionClassifier classifier = CompositeClassifier.builder(builtIn)
                .complaintFrom(TrainedModel.load(modelFile))
                .build();
        // --- README snippet ends

        assertTrue(f1 > 0.95, "cross-validated F1 " + f1);
        Classification c = classifier.classify(Toy.mention("q", "the app is broken, worst update"));
        assertTrue(c.complaint());
        assertEquals(Language.ENGLISH, c.language());
    }
}
