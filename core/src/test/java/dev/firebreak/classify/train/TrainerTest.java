package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Evaluation;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final TrainerConfig SMALL = TrainerConfig.builder().hashBits(16).build();

    @Test
    void learnsASeparablePolarityTaskExactly() {
        List<LabeledMention> train = Toy.polarity(60, 1);
        TrainedModel model = Trainer.create(Task.POLARITY, SMALL).train(train);
        ConfusionMatrix onTrain = Evaluation.evaluate(model, train, Task.POLARITY);
        ConfusionMatrix onNew = Evaluation.evaluate(model, Toy.polarity(40, 2), Task.POLARITY);
        assertEquals(1.0, onTrain.accuracy(), "training set");
        assertEquals(1.0, onNew.accuracy(), "new texts with the same cues");

        Classification love = model.classify(Toy.mention("x", "I love this, thanks"));
        assertEquals(Polarity.POSITIVE, love.polarity());
        assertTrue(love.sentiment() > 0.3, "sentiment " + love.sentiment());
        Classification hate = model.classify(Toy.mention("y", "worst app, I hate it"));
        assertEquals(Polarity.NEGATIVE, hate.polarity());
        assertTrue(hate.sentiment() < -0.3, "sentiment " + hate.sentiment());
        // the parts a polarity model does not learn stay neutral
        assertEquals(Language.UNDETERMINED, hate.language());
        assertFalse(hate.complaint());
        assertTrue(hate.categories().isEmpty() && hate.signals().isEmpty());
    }

    @Test
    void learnsASeparableComplaintTaskExactly() {
        List<LabeledMention> train = Toy.complaint(80, 3);
        TrainedModel model = Trainer.create(Task.COMPLAINT, SMALL).train(train);
        assertEquals(1.0, Evaluation.evaluate(model, train, Task.COMPLAINT).accuracy());
        assertEquals(1.0, Evaluation.evaluate(model, Toy.complaint(40, 4), Task.COMPLAINT).accuracy());
        Classification c = model.classify(Toy.mention("z", "my order arrived broken, terrible"));
        assertTrue(c.complaint());
        assertTrue(c.complaintScore() > 0.7, "score " + c.complaintScore());
        assertEquals(Polarity.NEUTRAL, c.polarity());
        assertEquals(0.0, c.sentiment());
        Map<String, Double> p = model.probabilities(Toy.mention("z", "my order arrived broken, terrible"));
        assertEquals(c.complaintScore(), p.get("true"), 1e-12);
        assertEquals(1.0, p.get("true") + p.get("false"), 1e-12);
    }

    @Test
    void theDefaultModelSeesWordsNotTheirOrderAndWordPairsAddTheOrder() {
        // each text's mirror has the same words in the other order and the other label
        String[][] pairs = {{"charged", "twice"}, {"store", "closed"}, {"refund", "late"}, {"app", "crashes"},
            {"driver", "rude"}, {"parcel", "lost"}};
        List<LabeledMention> data = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            for (String[] p : pairs) {
                data.add(new LabeledMention(Toy.mention("a" + copy + p[0], p[0] + " " + p[1]), "true"));
                data.add(new LabeledMention(Toy.mention("b" + copy + p[0], p[1] + " " + p[0]), "false"));
            }
        }
        TrainedModel words = Trainer.create(Task.COMPLAINT, SMALL).train(data);
        for (String[] p : pairs) {
            assertEquals(words.probabilities(Toy.mention("x", p[0] + " " + p[1])).get("true"),
                    words.probabilities(Toy.mention("y", p[1] + " " + p[0])).get("true"), 1e-9,
                    "no word pairs by default, so the order of " + String.join(" ", p) + " makes no difference");
        }
        assertEquals(0.5, Evaluation.evaluate(words, data, Task.COMPLAINT).accuracy(), 1e-12);

        TrainedModel withPairs = Trainer.create(Task.COMPLAINT, SMALL.toBuilder().wordNgrams(1, 2).build()).train(data);
        assertEquals(1.0, Evaluation.evaluate(withPairs, data, Task.COMPLAINT).accuracy());
    }

    @Test
    void sameDataAndSeedGiveAByteIdenticalModelFile() throws IOException {
        List<LabeledMention> data = Toy.polarity(50, 5);
        byte[] a = bytes(Trainer.create(Task.POLARITY, SMALL.toBuilder().seed(7).build()).train(data));
        byte[] b = bytes(Trainer.create(Task.POLARITY, SMALL.toBuilder().seed(7).build()).train(data));
        byte[] c = bytes(Trainer.create(Task.POLARITY, SMALL.toBuilder().seed(8).build()).train(data));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c), "another seed shuffles differently");
    }

    @Test
    void emptyTrainingSetIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.create(Task.POLARITY).train(List.of()));
        assertTrue(e.getMessage().contains("no examples"), e.getMessage());
    }

    @Test
    void singleLabelTrainingSetIsAClearErrorNamingTheLabel() {
        List<LabeledMention> onlyComplaints = new ArrayList<>();
        for (LabeledMention lm : Toy.complaint(10, 6)) {
            if (lm.label().equals("true")) {
                onlyComplaints.add(lm);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.create(Task.COMPLAINT).train(onlyComplaints));
        assertTrue(e.getMessage().contains("'true'") && e.getMessage().contains("at least two"), e.getMessage());
    }

    @Test
    void labelOfAnotherTaskIsRejectedWithItsPosition() {
        List<LabeledMention> data = new ArrayList<>(Toy.complaint(3, 7));
        data.add(new LabeledMention(Toy.mention("bad", "text"), "positive"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.create(Task.COMPLAINT).train(data));
        assertTrue(e.getMessage().contains("example 6") && e.getMessage().contains("'positive'"), e.getMessage());
    }

    @Test
    void featureSourceScoresAndSignalsAreLearnedFrom() {
        // the texts carry no information; only the fake classifier's signal and score do
        MentionClassifier oracle = m -> {
            boolean complaint = m.id().startsWith("yes");
            return new Classification(Language.ENGLISH, 1, complaint ? -0.5 : 0.5,
                    complaint ? Polarity.NEGATIVE : Polarity.POSITIVE, complaint ? 0.9 : 0.1, complaint, List.of(),
                    complaint ? List.of(Signal.of("fake_complaint_cue")) : List.of());
        };
        Random r = new Random(9);
        List<LabeledMention> data = new ArrayList<>();
        List<LabeledMention> fresh = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = Toy.text(r, Toy.FILLER);
            boolean yes = r.nextBoolean();
            (i < 100 ? data : fresh).add(new LabeledMention(Toy.mention((yes ? "yes" : "no") + i, text),
                    Boolean.toString(yes)));
        }
        TrainerConfig withSource = SMALL.toBuilder().featuresFrom("oracle", oracle).build();
        TrainedModel model = Trainer.create(Task.COMPLAINT, withSource).train(data);
        assertEquals(1.0, Evaluation.evaluate(model, fresh, Task.COMPLAINT).accuracy());
        TrainedModel blind = Trainer.create(Task.COMPLAINT, SMALL).train(data);
        double guess = Evaluation.evaluate(blind, fresh, Task.COMPLAINT).accuracy();
        assertTrue(guess < 0.75, "without the source the filler texts cannot be told apart, accuracy " + guess);
    }

    @Test
    void aFeatureSourceThatIsWrongHalfTheTimeDoesNotSpoilWhatTheTextTeaches() {
        // the stacked combination learns from held-out folds how far to trust each side
        MentionClassifier coinFlip = m -> {
            boolean says = (m.id().hashCode() * 0x9E3779B97F4A7C15L) >>> 63 == 0; // unrelated to the label
            return new Classification(Language.ENGLISH, 1, says ? -0.8 : 0.8, says ? Polarity.NEGATIVE
                    : Polarity.POSITIVE, says ? 0.95 : 0.05, says, List.of(), List.of(Signal.of(says ? "cue" : "nocue")));
        };
        TrainerConfig withSource = SMALL.toBuilder().featuresFrom("coin", coinFlip).build();
        TrainedModel model = Trainer.create(Task.COMPLAINT, withSource).train(Toy.complaint(80, 3));
        assertEquals(1.0, Evaluation.evaluate(model, Toy.complaint(40, 4), Task.COMPLAINT).accuracy());
        double source = Evaluation.evaluate(coinFlip, Toy.complaint(40, 4), Task.COMPLAINT).accuracy();
        assertTrue(source < 0.7, "the source alone is about as good as chance here: " + source);
    }

    @Test
    void whereTextAndSourceEachKnowPartTheStackedModelKnowsBoth() {
        // half the complaints carry a text cue, the other half only the source's signal
        MentionClassifier half = m -> {
            boolean flagged = m.id().startsWith("s");
            return new Classification(Language.ENGLISH, 1, 0, Polarity.NEUTRAL, flagged ? 0.9 : 0.1, flagged,
                    List.of(), flagged ? List.of(Signal.of("known_problem")) : List.of());
        };
        Random r = new Random(21);
        List<LabeledMention> data = new ArrayList<>();
        List<LabeledMention> fresh = new ArrayList<>();
        for (int i = 0; i < 480; i++) {
            int kind = i % 3; // 0: complaint with a text cue, 1: complaint the source flags, 2: not a complaint
            String text = Toy.text(r, kind == 0 ? Toy.NEGATIVE : Toy.FILLER);
            String id = (kind == 1 ? "s" : "t") + i;
            (i < 360 ? data : fresh).add(new LabeledMention(Toy.mention(id, text), Boolean.toString(kind < 2)));
        }
        TrainedModel stacked = Trainer.create(Task.COMPLAINT, SMALL.toBuilder().featuresFrom("half", half).build())
                .train(data);
        TrainedModel textOnly = Trainer.create(Task.COMPLAINT, SMALL).train(data);
        double both = Evaluation.evaluate(stacked, fresh, Task.COMPLAINT).accuracy();
        assertTrue(both > 0.97, "accuracy with text and source " + both);
        assertTrue(Evaluation.evaluate(textOnly, fresh, Task.COMPLAINT).accuracy() < 0.85);
        assertTrue(Evaluation.evaluate(half, fresh, Task.COMPLAINT).accuracy() < 0.75);
    }

    private static byte[] bytes(TrainedModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}
