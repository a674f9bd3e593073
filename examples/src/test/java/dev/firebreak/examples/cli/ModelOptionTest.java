package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.train.TrainedModel;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify --model} and {@code evaluate --model}: a model trained by {@code firebreak train} gives
 * its part of the verdict, the built-in classifier the rest. The models learn made-up words ("blorp",
 * "zingo") that the built-in classifier does not know, so the output shows which of the two decided.
 */
class ModelOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] CUES = {{"blorp", "gronk"}, {"flimble", "quabbit"}, {"zingo", "yayzo"}};
    private static final String[] LABELS = {"negative", "neutral", "positive"};
    private static final String[] FILLER = {"the", "parcel", "order", "my", "is", "this", "today", "@acme", "was"};

    @TempDir
    static Path dir;
    static Path polarityModel;
    static Path complaintModel;
    static Path polarityData;

    @BeforeAll
    static void trainModels() throws IOException {
        Random r = new Random(3);
        List<String> polarity = new ArrayList<>();
        List<String> complaint = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int l = 0; l < 3; l++) {
                String text = FILLER[r.nextInt(FILLER.length)] + " " + CUES[l][r.nextInt(2)] + " "
                        + FILLER[r.nextInt(FILLER.length)] + " " + FILLER[r.nextInt(FILLER.length)];
                polarity.add(line(l + "-" + i, text, "\"" + LABELS[l] + "\""));
                complaint.add(line(l + "-" + i, text, Boolean.toString(l == 0)));
            }
        }
        polarityData = dir.resolve("polarity.jsonl");
        Files.write(polarityData, polarity, StandardCharsets.UTF_8);
        Path complaintData = dir.resolve("complaint.jsonl");
        Files.write(complaintData, complaint, StandardCharsets.UTF_8);
        polarityModel = dir.resolve("polarity.model");
        complaintModel = dir.resolve("complaint.model");
        CliRun p = CliRun.run("", "train", "--in", polarityData.toString(), "--task", "polarity", "--out",
                polarityModel.toString());
        assertEquals(0, p.code(), p.err());
        CliRun c = CliRun.run("", "train", "--in", complaintData.toString(), "--task", "complaint", "--out",
                complaintModel.toString());
        assertEquals(0, c.code(), c.err());
    }

    private static String line(String id, String text, String label) {
        return "{\"id\": \"" + id + "\", \"platform\": \"twitter\", \"text\": \"" + text + "\", \"label\": " + label
                + "}";
    }

    private static String mention(String id, String text) {
        return "{\"id\": \"" + id + "\", \"platform\": \"twitter\", \"text\": \"" + text + "\"}\n";
    }

    @Test
    void classifyTakesPolarityFromAPolarityModelAndTheRestFromTheBuiltInClassifier() throws Exception {
        String in = mention("1", "@AcmeHelp my parcel is gronk, it never arrived and nobody answers")
                + mention("2", "the order was yayzo today");
        CliRun builtIn = CliRun.run(in, "classify");
        CliRun withModel = CliRun.run(in, "classify", "--model", polarityModel.toString());
        assertEquals(0, withModel.code(), withModel.err());
        JsonNode b1 = builtIn.lines().get(0);
        JsonNode m1 = withModel.lines().get(0);
        JsonNode m2 = withModel.lines().get(1);
        assertEquals("negative", m1.get("polarity").asText());
        assertTrue(m1.get("sentiment").asDouble() < 0, m1.toString());
        assertEquals("positive", m2.get("polarity").asText(), "only the model knows 'yayzo': " + m2);
        assertTrue(m2.get("sentiment").asDouble() > 0);
        assertEquals("neutral", builtIn.lines().get(1).get("polarity").asText(), "the built-in one does not");
        // language, complaint, categories and signals are the built-in classifier's
        for (String field : List.of("language", "languageConfidence", "complaint", "complaintScore", "categories",
                "signals")) {
            assertEquals(b1.get(field), m1.get(field), field);
        }
        assertTrue(m1.get("categories").toString().contains("delivery"), m1.toString());
    }

    @Test
    void classifyTakesTheComplaintFromAComplaintModel() throws Exception {
        String in = mention("1", "this parcel blorp today") + mention("2", "my order was zingo");
        CliRun builtIn = CliRun.run(in, "classify");
        CliRun r = CliRun.run(in, "classify", "--model", complaintModel.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lines().get(0).get("complaint").asBoolean(), r.out());
        assertTrue(r.lines().get(0).get("complaintScore").asDouble() >= 0.5);
        assertFalse(r.lines().get(1).get("complaint").asBoolean(), r.out());
        assertFalse(builtIn.lines().get(0).get("complaint").asBoolean(), "the built-in one does not know 'blorp'");
        assertEquals(builtIn.lines().get(0).get("polarity"), r.lines().get(0).get("polarity"));
        assertEquals(builtIn.lines().get(0).get("sentiment"), r.lines().get(0).get("sentiment"));
    }

    @Test
    void evaluateMeasuresTheModelInsteadOfTheBuiltInClassifier() throws Exception {
        CliRun builtIn = CliRun.run("", "evaluate", "--in", polarityData.toString(), "--task", "polarity", "--json");
        CliRun model = CliRun.run("", "evaluate", "--in", polarityData.toString(), "--task", "polarity", "--model",
                polarityModel.toString(), "--json");
        assertEquals(0, model.code(), model.err());
        double withModel = JSON.readTree(model.out()).get("accuracy").asDouble();
        double without = JSON.readTree(builtIn.out()).get("accuracy").asDouble();
        assertEquals(1.0, withModel, 1e-9, "the model learned its own training data");
        assertTrue(without < 0.6, "the built-in classifier does not know the made-up words: " + without);
        CliRun text = CliRun.run("", "evaluate", "--in", polarityData.toString(), "--task", "polarity", "--model",
                polarityModel.toString());
        assertTrue(text.out().contains("accuracy  1.0000"), text.out());
    }

    @Test
    void evaluateRefusesAModelOfTheOtherTask() {
        CliRun r = CliRun.run("", "evaluate", "--in", polarityData.toString(), "--task", "polarity", "--model",
                complaintModel.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is a complaint model; it cannot be measured with --task polarity"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingCorruptOrForeignModelFileIsAnErrorWithExitCodeOne() throws IOException {
        CliRun missing = CliRun.run(mention("1", "hi"), "classify", "--model", dir.resolve("nope.model").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("model file not found"), missing.err());

        Path foreign = dir.resolve("foreign.model");
        Files.writeString(foreign, "{\"this\": \"is json\"}");
        CliRun notAModel = CliRun.run(mention("1", "hi"), "classify", "--model", foreign.toString());
        assertEquals(1, notAModel.code());
        assertTrue(notAModel.err().contains("not a Firebreak model file"), notAModel.err());
        assertEquals("", notAModel.out(), "nothing is classified with a broken model");

        byte[] bytes = Files.readAllBytes(polarityModel);
        Path truncated = dir.resolve("truncated.model");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun cut = CliRun.run("", "evaluate", "--in", polarityData.toString(), "--task", "polarity", "--model",
                truncated.toString());
        assertEquals(1, cut.code());
        assertTrue(cut.err().contains("truncated"), cut.err());

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Path corrupt = dir.resolve("corrupt.model");
        Files.write(corrupt, flipped);
        CliRun bad = CliRun.run(mention("1", "hi"), "classify", "--model", corrupt.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("corrupt") && bad.err().contains("checksum"), bad.err());
    }

    @Test
    void trainedModelsUseTheBuiltInClassifierAsFeaturesAndLoadWithIt() throws IOException {
        TrainedModel m = TrainedModel.load(polarityModel, BuiltInClassifier.create());
        assertEquals("builtin", m.config().featureSourceName().orElseThrow());
    }

    @Test
    void trainWithFoldsAlsoMeasuresTheBuiltInClassifierOnTheSameFolds() throws IOException {
        CliRun r = CliRun.run("", "train", "--in", polarityData.toString(), "--task", "polarity", "--out",
                dir.resolve("cv.model").toString(), "--folds", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("builtin", o.get("baseline").get("name").asText());
        assertEquals(120, o.get("baseline").get("examples").asInt());
        assertEquals(3, o.get("baseline").get("foldMacroF1").size());
        assertTrue(o.get("model").get("macroF1").asDouble() > o.get("baseline").get("macroF1").asDouble(), r.out());
        assertTrue(CliRun.run("", "train", "--help").out().contains("builtin classifier on the same folds"));
    }

    @Test
    void theBuiltInClassifierAnswersOncePerMentionForTheCompositeAndTheModelsFeatures() {
        AtomicInteger calls = new AtomicInteger();
        BuiltInClassifier builtIn = BuiltInClassifier.create();
        MentionClassifier counting = m -> {
            calls.incrementAndGet();
            return builtIn.classify(m);
        };
        MentionClassifier remembering = ModelOption.remembering(counting);
        Mention a = Mention.builder(Platform.TWITTER, "a").text("my parcel never arrived, awful").build();
        Mention sameContentOtherObject = Mention.builder(Platform.TWITTER, "a")
                .text("my parcel never arrived, awful").build();
        assertEquals(builtIn.classify(a), remembering.classify(a));
        assertEquals(builtIn.classify(a), remembering.classify(a));
        assertEquals(1, calls.get(), "asked twice in a row about the same mention, classified once");
        remembering.classify(sameContentOtherObject);
        remembering.classify(a);
        assertEquals(3, calls.get(), "another object is classified again");
    }

    @Test
    void helpShowsTheModelOption() {
        assertTrue(CliRun.run("", "classify", "--help").out().contains("--model F"));
        assertTrue(CliRun.run("", "evaluate", "--help").out().contains("--model F"));
    }

    @Test
    void aDirectoryGivenAsModelIsNamedAsADirectoryNotAsMissing(@TempDir Path dir) {
        CliRun r = CliRun.run("", "classify", "--model", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(dir + ": it is a directory"), r.err());
    }
}
