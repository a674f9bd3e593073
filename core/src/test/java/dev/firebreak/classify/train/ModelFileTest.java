package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
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
        b[8] = 0;
        b[9] = 2;
        resign(b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(b));
        assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("upgrade"), e.getMessage());
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
        // hash bits live after the feature version (2), task string (2 + 8), labels (1 + 3 strings), n-grams (4)
        int offset = 18 + 2 + 2 + "polarity".length() + 1 + (2 + 8) + (2 + 7) + (2 + 8) + 4;
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
