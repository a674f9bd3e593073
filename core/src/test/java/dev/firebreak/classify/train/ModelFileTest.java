package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.mention.Mention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static TrainedModel polarity;
    private static byte[] polarityBytes;

    @BeforeAll
    static void train() throws IOException {
        TrainerConfig config = TrainerConfig.builder().hashBits(14).charNgrams(3, 4).wordNgrams(1, 3)
                .classWeights(ClassWeights.of(java.util.Map.of("neutral", 0.5))).epochs(4).build();
        polarity = Trainer.create(Task.POLARITY, config).train(Toy.polarity(40, 11));
        polarityBytes = bytes(polarity);
    }

    @Test
    void savedAndLoadedModelPredictsExactlyTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("models/polarity.model");
        polarity.save(file);
        TrainedModel loaded = TrainedModel.load(file);
        assertEquals(polarity.task(), loaded.task());
        assertEquals(polarity.config().toString(), loaded.config().toString());
        for (LabeledMention lm : Toy.polarity(30, 12)) {
            Mention m = lm.mention();
            assertEquals(polarity.classify(m), loaded.classify(m), m.text());
            assertEquals(polarity.probabilities(m), loaded.probabilities(m), m.text());
        }
        assertTrue(Arrays.equals(polarityBytes, Files.readAllBytes(file)), "saving again gives the same bytes");
        assertTrue(Arrays.equals(polarityBytes, bytes(loaded)), "a loaded model saves to the same bytes");
    }

    @Test
    void complaintModelRoundTrips() throws IOException {
        TrainedModel complaint = Trainer.create(Task.COMPLAINT, TrainerConfig.builder().hashBits(12).noCharNgrams()
                .classWeights(ClassWeights.none()).build()).train(Toy.complaint(30, 13));
        TrainedModel loaded = TrainedModel.read(new ByteArrayInputStream(bytes(complaint)));
        for (LabeledMention lm : Toy.complaint(20, 14)) {
            assertEquals(complaint.classify(lm.mention()), loaded.classify(lm.mention()));
        }
    }

    @Test
    void aFlippedByteAnywhereIsReportedAsCorrupt() {
        for (int i = 18; i < polarityBytes.length; i += Math.max(1, polarityBytes.length / 97)) {
            byte[] b = polarityBytes.clone();
            b[i] ^= 0x10;
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b), "flipped byte " + i);
            assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() {
        for (int cut : new int[] {polarityBytes.length - 1, polarityBytes.length / 2, 20, 12}) {
            byte[] b = Arrays.copyOf(polarityBytes, cut);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b), "cut at " + cut);
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void anotherKindOfFileIsNotAModel() {
        for (byte[] b : List.of(new byte[0], "{\"not\": \"a model\"}".getBytes(), new byte[] {'F', 'B'},
                Arrays.copyOf(polarityBytes, 7))) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b));
            assertTrue(e.getMessage().contains("not a Firebreak model file"), e.getMessage());
        }
    }

    @Test
    void aNewerFormatVersionAsksForAnUpgrade() {
        byte[] b = polarityBytes.clone();
        assertEquals(2, b[9], "this Firebreak writes version 2");
        b[8] = 0;
        b[9] = 3;
        resign(b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b));
        assertTrue(e.getMessage().contains("version 3") && e.getMessage().contains("upgrade"), e.getMessage());
    }

    @Test
    void aVersionOneModelWithoutFeatureSourceIsStillReadAndPredictsTheSame() throws IOException {
        TrainedModel old = read(toVersion1(polarityBytes));
        for (LabeledMention lm : Toy.polarity(30, 12)) {
            assertEquals(polarity.probabilities(lm.mention()), old.probabilities(lm.mention()), lm.mention().text());
        }
        assertEquals(polarity.config().toString(), old.config().toString());
    }

    @Test
    void aVersionOneModelThatUsedAFeatureSourceIsRefusedWithAskingToRetrain() throws IOException {
        MentionClassifier source = m -> Classification.neutral(Language.ENGLISH, 1);
        TrainedModel model = Trainer.create(Task.POLARITY, TrainerConfig.builder().hashBits(12)
                .featuresFrom("builtin", source).build()).train(Toy.polarity(20, 15));
        byte[] v1 = toVersion1(bytes(model));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TrainedModel.read(new ByteArrayInputStream(v1), source));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("retrain"), e.getMessage());
    }

    /**
     * Rewrites a version 2 file in the version 1 layout of docs/model-format.md: no stacking folds, six
     * dense features, no mix, no feature-source rows.
     */
    private static byte[] toVersion1(byte[] v2) {
        ByteBuffer in = ByteBuffer.wrap(v2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        in.position(18);
        int start = in.position();
        in.getShort(); // feature version
        skipString(in); // task
        int labels = in.get();
        for (int i = 0; i < labels; i++) {
            skipString(in);
        }
        in.position(in.position() + 4 + 1 + 4 + 8 + 8 + 8); // n-grams, hash bits, epochs, lr, l2, seed
        body.write(v2, start, in.position() - start);
        in.get(); // stacking folds: not in version 1
        start = in.position();
        int mode = in.get();
        if (mode == 2) {
            int count = in.getShort();
            for (int i = 0; i < count; i++) {
                skipString(in);
                in.getDouble();
            }
        }
        if (in.get() == 1) {
            skipString(in);
        }
        int outputs = in.get();
        body.write(v2, start, in.position() - start);
        int dense = in.getShort();
        assertEquals(8, dense);
        body.write(0);
        body.write(6);
        body.write(v2, in.position(), 4 * outputs); // bias
        in.position(in.position() + 4 * outputs);
        body.write(v2, in.position(), 4 * 6 * outputs); // the first six dense weights (the layout was 6 x outputs)
        in.position(in.position() + 4 * dense * outputs);
        in.position(in.position() + 4 * 2 * outputs * outputs); // the mix
        in.get(); // source bits
        int rows = Short.toUnsignedInt(in.getShort());
        in.position(in.position() + rows * (2 + 4 * outputs));
        body.write(v2, in.position(), v2.length - 4 - in.position()); // the text rows
        byte[] b = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(18 + b.length + 4);
        out.put(v2, 0, 8).putShort((short) 1).putLong(b.length).put(b).putInt(0);
        byte[] file = out.array();
        resign(file);
        return file;
    }

    private static void skipString(ByteBuffer in) {
        int len = Short.toUnsignedInt(in.getShort());
        in.position(in.position() + len);
    }

    @Test
    void trailingBytesAreCorruption() {
        byte[] b = Arrays.copyOf(polarityBytes, polarityBytes.length + 3);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b));
        assertTrue(e.getMessage().contains("after the checksum"), e.getMessage());
    }

    @Test
    void aValidChecksumOverNonsenseValuesIsStillRejected() {
        byte[] b = polarityBytes.clone();
        // hash bits live after the header (18), feature version (2), task string (2 + 8), labels (1 + 3 strings),
        // n-grams (4)
        int offset = 18 + 2 + (2 + 8) + 1 + (2 + 8) + (2 + 7) + (2 + 8) + 4;
        assertEquals(14, b[offset], "hash bits found where docs/model-format.md says");
        b[offset] = 40;
        resign(b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b));
        assertTrue(e.getMessage().contains("hashBits must be in [10, 26], was 40"), e.getMessage());
    }

    @Test
    void aModelUsingAFeatureSourceNeedsItWhenLoaded(@TempDir Path dir) throws IOException {
        MentionClassifier source = m -> Classification.neutral(Language.ENGLISH, 1);
        TrainedModel model = Trainer.create(Task.POLARITY, TrainerConfig.builder().hashBits(12)
                .featuresFrom("builtin", source).build()).train(Toy.polarity(20, 15));
        Path file = dir.resolve("with-source.model");
        model.save(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TrainedModel.load(file));
        assertTrue(e.getMessage().contains("'builtin'") && e.getMessage().contains("load(path,"), e.getMessage());
        TrainedModel loaded = TrainedModel.load(file, source);
        assertEquals("builtin", loaded.config().featureSourceName().orElseThrow());
        for (LabeledMention lm : Toy.polarity(10, 16)) {
            assertEquals(model.classify(lm.mention()), loaded.classify(lm.mention()));
        }
    }

    @Test
    void aModelWithAnInformativeFeatureSourceRoundTripsExactlyAndIsDeterministic(@TempDir Path dir)
            throws IOException {
        // a source whose sentiment, polarity, signals and category vary with the text, so that the
        // dense, signal and category weights are all learned, stored and read back
        MentionClassifier source = m -> {
            int h = Math.floorMod(m.text().hashCode(), 7);
            Polarity p = h < 2 ? Polarity.NEGATIVE : h < 5 ? Polarity.NEUTRAL : Polarity.POSITIVE;
            double s = (h - 3) / 3.0;
            List<Signal> signals = h % 2 == 0 ? List.of(Signal.of("even_" + h), Signal.of("exclamation"))
                    : List.of(Signal.forCategory("delivery_word", Category.DELIVERY, "x"));
            List<Category> categories = h % 2 == 0 ? List.of() : List.of(Category.DELIVERY);
            return new Classification(Language.ENGLISH, 0.5 + h / 14.0, s, p, h / 6.0, h > 3, categories, signals);
        };
        TrainerConfig config = TrainerConfig.builder().hashBits(12).featuresFrom("fake", source).build();
        List<LabeledMention> data = Toy.polarity(30, 21);
        TrainedModel model = Trainer.create(Task.POLARITY, config).train(data);
        Path file = dir.resolve("informative-source.model");
        model.save(file);
        TrainedModel loaded = TrainedModel.load(file, source);
        for (LabeledMention lm : Toy.polarity(15, 22)) {
            assertEquals(model.probabilities(lm.mention()), loaded.probabilities(lm.mention()));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Trainer.create(Task.POLARITY, config).train(data).writeTo(again);
        assertTrue(Arrays.equals(Files.readAllBytes(file), again.toByteArray()), "same data and seed, same bytes");
        MentionClassifier silent = m -> Classification.neutral(Language.ENGLISH, 1);
        TrainedModel withoutItsSource = TrainedModel.load(file, silent);
        boolean differs = false;
        for (LabeledMention lm : Toy.polarity(15, 22)) {
            differs |= !model.probabilities(lm.mention()).equals(withoutItsSource.probabilities(lm.mention()));
        }
        assertTrue(differs, "the source's output is part of the prediction");
    }

    private static void resign(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b, b.length - 4, 4).putInt((int) crc.getValue());
    }

    private static TrainedModel read(byte[] b) throws IOException {
        return TrainedModel.read(new ByteArrayInputStream(b));
    }

    private static byte[] bytes(TrainedModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}
