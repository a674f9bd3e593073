package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.train.TrainedModel;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    private static final String[][] CUES = {
        {"awful", "broken", "hate", "worst"}, {"tuesday", "address", "hours", "branch"},
        {"love", "great", "thanks", "perfect"}};
    private static final String[] LABELS = {"negative", "neutral", "positive"};
    private static final String[] FILLER = {"the", "app", "order", "my", "is", "this", "today", "@acme"};

    @TempDir
    Path dir;

    /** Labelled mention lines: each text holds a cue word of its label among filler. */
    private static List<String> polarityLines(int perLabel, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            for (int l = 0; l < 3; l++) {
                String text = FILLER[r.nextInt(FILLER.length)] + " " + CUES[l][r.nextInt(4)] + " "
                        + FILLER[r.nextInt(FILLER.length)];
                lines.add("{\"id\": \"" + l + "-" + i + "\", \"platform\": \"twitter\", \"text\": \"" + text
                        + "\", \"label\": \"" + LABELS[l] + "\"}");
            }
        }
        return lines;
    }

    private Path write(List<String> lines) throws IOException {
        Path f = Files.createTempFile(dir, "labelled", ".jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Run run(String... args) {
        return run(null, args);
    }

    private static Run run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        if (command == null) {
            code = Main.run(args, io);
        } else {
            try {
                code = command.run(Args.parse(List.of(args), command.options(), command.flags()), io);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Mention mention(String text) {
        return Mention.builder(Platform.TWITTER, "x").text(text).build();
    }

    @Test
    void trainsAModelThatLoadsBackAndPredicts() throws IOException {
        Path in = write(polarityLines(30, 1));
        Path model = dir.resolve("out/polarity.model");
        Run r = run("train", "--in", in.toString(), "--task", "polarity", "--out", model.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("", r.out, "without --folds nothing goes to standard output");
        assertTrue(r.err.contains("trained a polarity model on 90 mentions"), r.err);
        TrainedModel m = TrainedModel.load(model, BuiltInClassifier.create());
        assertEquals(Polarity.POSITIVE, m.classify(mention("thanks, love it")).polarity());
        assertEquals(Polarity.NEGATIVE, m.classify(mention("worst app, I hate it")).polarity());
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndSkipped() throws IOException {
        List<String> lines = new ArrayList<>(polarityLines(20, 2));
        lines.add(2, "{not json");
        lines.add(4, "{\"id\": \"9\", \"platform\": \"twitter\", \"text\": \"x\", \"label\": \"angry\"}");
        lines.add(6, "{\"id\": \"10\", \"platform\": \"twitter\", \"text\": \"x\"}");
        Path rejects = dir.resolve("rejects.jsonl");
        Run r = run("train", "--in", write(lines).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--rejects", rejects.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("line 3: "), r.err);
        assertTrue(r.err.contains("line 5: ") && r.err.contains("angry"), r.err);
        assertTrue(r.err.contains("line 7: ") && r.err.contains("label"), r.err);
        assertTrue(r.err.contains("on 60 mentions"), r.err);
        assertEquals(3, Files.readAllLines(rejects).size());
    }

    @Test
    void foldsPrintCrossValidatedMetrics() throws IOException {
        Run r = run("train", "--in", write(polarityLines(30, 3)).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "3");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("3-fold cross-validation"), r.out);
        for (String expected : List.of("macro-F1 per fold:", "task polarity: 90 examples", "accuracy", "macro-F1",
                "precision", "recall", "support", "confusion (rows: true, columns: predicted)", "negative",
                "neutral", "positive")) {
            assertTrue(r.out.contains(expected), "missing '" + expected + "' in\n" + r.out);
        }
        assertTrue(r.err.contains("fold 3 of 3 done"), r.err);
        assertTrue(Files.size(dir.resolve("m.model")) > 0, "the model is still trained on everything and saved");
    }

    @Test
    void foldsWithJsonPrintOneObject() throws IOException {
        Run r = run("train", "--in", write(polarityLines(20, 4)).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "4", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode o = new ObjectMapper().readTree(r.out);
        assertEquals("polarity", o.get("task").asText());
        assertEquals(4, o.get("folds").asInt());
        JsonNode model = o.get("model");
        assertEquals(60, model.get("examples").asInt());
        assertEquals(4, model.get("foldMacroF1").size());
        assertTrue(model.get("accuracy").asDouble() > 0.9, r.out);
        assertEquals(20, model.get("classes").get("neutral").get("support").asInt());
        assertEquals(3, model.get("confusion").size());
        assertEquals("builtin", o.get("baseline").get("name").asText(), "the built-in classifier on the same folds");
        assertEquals(60, o.get("baseline").get("examples").asInt());
    }

    @Test
    void foldsPrintEachPooledResultAsEvaluatePrintsItsOne() throws IOException {
        Path data = write(polarityLines(20, 4));
        Run evaluate = run("evaluate", "--in", data.toString(), "--task", "polarity", "--json");
        Run train = run("train", "--in", data.toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "4", "--json");
        assertEquals(0, evaluate.code, evaluate.err);
        assertEquals(0, train.code, train.err);
        JsonNode e = new ObjectMapper().readTree(evaluate.out);
        for (String part : List.of("model", "baseline")) {
            JsonNode t = new ObjectMapper().readTree(train.out).get(part);
            for (java.util.Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertTrue(t.has(field), part + " lacks evaluate's field '" + field + "': " + t);
                assertEquals(e.get(field).getNodeType(), t.get(field).getNodeType(), field);
            }
            assertEquals(e.get("confusion").get("negative").size(), t.get("confusion").get("negative").size());
        }
        // the built-in classifier on every fold is the built-in classifier on all of the data
        JsonNode base = new ObjectMapper().readTree(train.out).get("baseline");
        assertEquals(e.get("confusion"), base.get("confusion"));
        assertEquals(e.get("classes"), base.get("classes"));

        Run text = run("evaluate", "--in", data.toString(), "--task", "polarity");
        Run trainText = run("train", "--in", data.toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "4");
        assertTrue(trainText.out.endsWith(text.out), "the built-in section is evaluate's text:\n" + trainText.out
                + "\n---\n" + text.out);
    }

    @Test
    void aWiredBaselineIsMeasuredOnTheSameFolds() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        MentionClassifier alwaysPositive = m -> {
            calls.incrementAndGet();
            return new Classification(Language.ENGLISH, 1, 0.5, Polarity.POSITIVE, 0, false, List.of(), List.of());
        };
        TrainCommand command = new TrainCommand("fake", () -> alwaysPositive, false);
        assertTrue(command.help().contains("fake classifier on the same folds"), command.help());
        Run text = run(command, "--in", write(polarityLines(10, 5)).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "5");
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("fake classifier on the same folds"), text.out);
        assertEquals(30, calls.get(), "each held-out mention once");
        Run json = run(command, "--in", write(polarityLines(10, 5)).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString(), "--folds", "5", "--json");
        JsonNode base = new ObjectMapper().readTree(json.out).get("baseline");
        assertEquals("fake", base.get("name").asText());
        assertEquals(10, base.get("confusion").get("negative").get("positive").asInt(), "negatives called positive");
        assertEquals(1.0 / 3, base.get("accuracy").asDouble(), 1e-3);
    }

    @Test
    void aWiredBaselineCanAlsoServeAsFeatures() throws IOException {
        // the texts say nothing; the fake classifier knows the label from the id
        MentionClassifier oracle = m -> {
            Polarity p = m.id().startsWith("0-") ? Polarity.NEGATIVE : m.id().startsWith("1-") ? Polarity.NEUTRAL
                    : Polarity.POSITIVE;
            double s = p == Polarity.NEGATIVE ? -0.5 : p == Polarity.POSITIVE ? 0.5 : 0;
            return new Classification(Language.ENGLISH, 1, s, p, 0, false, List.of(), List.of());
        };
        List<String> lines = new ArrayList<>();
        for (String line : polarityLines(20, 9)) {
            lines.add(line.replaceAll("\"text\": \"[^\"]*\"", "\"text\": \"same words every time\""));
        }
        Path model = dir.resolve("with-features.model");
        Run r = run(new TrainCommand("oracle", () -> oracle, true), "--in", write(lines).toString(), "--task",
                "polarity", "--out", model.toString(), "--folds", "4", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode o = new ObjectMapper().readTree(r.out);
        assertEquals(1.0, o.get("model").get("accuracy").asDouble(), 1e-9, r.out);
        TrainedModel loaded = TrainedModel.load(model, oracle);
        assertEquals("oracle", loaded.config().featureSourceName().orElseThrow());
    }

    @Test
    void textOnlyLearnsWithoutTheWiredFeatureSourceButStillMeasuresIt() throws IOException {
        // the same oracle as above: with its features the model would be perfect, without them the
        // texts (all alike) teach nothing
        MentionClassifier oracle = m -> {
            Polarity p = m.id().startsWith("0-") ? Polarity.NEGATIVE : m.id().startsWith("1-") ? Polarity.NEUTRAL
                    : Polarity.POSITIVE;
            return new Classification(Language.ENGLISH, 1, 0, p, 0, false, List.of(), List.of());
        };
        List<String> lines = new ArrayList<>();
        for (String line : polarityLines(20, 9)) {
            lines.add(line.replaceAll("\"text\": \"[^\"]*\"", "\"text\": \"same words every time\""));
        }
        TrainCommand command = new TrainCommand("oracle", () -> oracle, true);
        assertTrue(command.help().contains("--text-only"), command.help());
        Path model = dir.resolve("text-only.model");
        Run r = run(command, "--in", write(lines).toString(), "--task", "polarity", "--out", model.toString(),
                "--folds", "4", "--json", "--text-only");
        assertEquals(0, r.code, r.err);
        JsonNode o = new ObjectMapper().readTree(r.out);
        assertTrue(o.get("model").get("accuracy").asDouble() < 0.5, r.out);
        assertEquals(1.0, o.get("baseline").get("accuracy").asDouble(), 1e-9, r.out);
        TrainedModel loaded = TrainedModel.load(model);
        assertTrue(loaded.config().featureSourceName().isEmpty());
        assertTrue(run("train", "--help").out.contains("--text-only"), "the command line has it");
        assertFalse(new TrainCommand().flags().contains("text-only"), "no feature source wired in, no such flag");
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
        String in = write(polarityLines(5, 6)).toString();
        String out = dir.resolve("m.model").toString();
        Run noTask = run("train", "--in", in, "--out", out);
        assertEquals(2, noTask.code);
        assertTrue(noTask.err.contains("--task"), noTask.err);
        Run badTask = run("train", "--in", in, "--task", "sarcasm", "--out", out);
        assertEquals(2, badTask.code);
        assertTrue(badTask.err.contains("polarity or complaint"), badTask.err);
        assertEquals(2, run("train", "--in", in, "--task", "polarity").code, "no --out");
        Run oneFold = run("train", "--in", in, "--task", "polarity", "--out", out, "--folds", "1");
        assertEquals(2, oneFold.code);
        assertTrue(oneFold.err.contains("--folds must be between 2 and 100"), oneFold.err);
        assertEquals(2, run("train", "--in", in, "--task", "polarity", "--out", out, "--folds", "99").code,
                "more folds than mentions");
        Run help = run("train", "--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("usage: firebreak train"), help.out);
    }

    @Test
    void dataThatCannotTrainAModelFailsWithOne() throws IOException {
        Run empty = run("train", "--in", write(List.of("", "{broken")).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString());
        assertEquals(1, empty.code);
        assertTrue(empty.err.contains("no labelled mentions"), empty.err);
        List<String> onlyNegative = new ArrayList<>();
        for (String line : polarityLines(5, 7)) {
            if (line.contains("\"negative\"")) {
                onlyNegative.add(line);
            }
        }
        Run single = run("train", "--in", write(onlyNegative).toString(), "--task", "polarity", "--out",
                dir.resolve("m.model").toString());
        assertEquals(1, single.code);
        assertTrue(single.err.contains("all 5 examples have the label 'negative'"), single.err);
        assertFalse(Files.exists(dir.resolve("m.model")));
    }

    @Test
    void complaintModelsTrainFromBooleanLabels() throws IOException {
        List<String> lines = new ArrayList<>();
        Random r = new Random(8);
        for (int i = 0; i < 40; i++) {
            boolean complaint = i % 2 == 0;
            String cue = complaint ? CUES[0][r.nextInt(4)] : CUES[1 + r.nextInt(2)][r.nextInt(4)];
            lines.add("{\"id\": \"" + i + "\", \"platform\": \"twitter\", \"text\": \"my order " + cue
                    + "\", \"label\": " + complaint + "}");
        }
        Path model = dir.resolve("complaint.model");
        Run run = run("train", "--in", write(lines).toString(), "--task", "complaint", "--out", model.toString(),
                "--folds", "2");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("true") && run.out.contains("false"), run.out);
        assertTrue(TrainedModel.load(model, BuiltInClassifier.create()).classify(mention("the app is broken"))
                .complaint());
    }
}
