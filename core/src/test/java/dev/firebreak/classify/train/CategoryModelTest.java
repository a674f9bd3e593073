package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.MentionClassifierContract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelTest {

    private static final Category WARRANTY = Category.of("warranty");
    private static final String[] DELIVERY_CUES = {"parcel", "courier", "shipping", "tracking"};
    private static final String[] BILLING_CUES = {"invoice", "charged", "refund", "overcharged"};
    private static final String[] WARRANTY_CUES = {"warranty", "guarantee", "repair"};

    private static CategoryModel model;

    /** Texts with cues of zero, one or two categories among filler words. */
    static List<CategorizedMention> data(int n, long seed) {
        Random r = new Random(seed);
        List<CategorizedMention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Category> cats = new java.util.HashSet<>();
            StringBuilder text = new StringBuilder(Toy.FILLER[r.nextInt(Toy.FILLER.length)]);
            if (r.nextInt(3) == 0) {
                cats.add(Category.DELIVERY);
                text.append(' ').append(DELIVERY_CUES[r.nextInt(DELIVERY_CUES.length)]);
            }
            text.append(' ').append(Toy.FILLER[r.nextInt(Toy.FILLER.length)]);
            if (r.nextInt(3) == 0) {
                cats.add(Category.BILLING);
                text.append(' ').append(BILLING_CUES[r.nextInt(BILLING_CUES.length)]);
            }
            if (r.nextInt(4) == 0) {
                cats.add(WARRANTY);
                text.append(' ').append(WARRANTY_CUES[r.nextInt(WARRANTY_CUES.length)]);
            }
            text.append(' ').append(Toy.FILLER[r.nextInt(Toy.FILLER.length)]);
            out.add(new CategorizedMention(Toy.mention("c" + i, text.toString()), cats));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        model = CategoryTrainer.create(TrainerConfig.builder().hashBits(14).build()).train(data(300, 1));
    }

    @Test
    void learnsSeveralCategoriesOrNoneOneVsRest() {
        assertEquals(List.of(Category.BILLING, Category.DELIVERY, WARRANTY), model.categories());
        int right = 0;
        List<CategorizedMention> fresh = data(100, 2);
        for (CategorizedMention cm : fresh) {
            Classification c = model.classify(cm.mention());
            if (Set.copyOf(c.categories()).equals(cm.categories())) {
                right++;
            }
            for (Category cat : c.categories()) {
                assertTrue(c.signals().contains(Signal.forCategory("trained_category", cat, "")), "signal backs " + cat);
            }
            assertEquals(Polarity.NEUTRAL, c.polarity());
        }
        assertEquals(100, right, "every new mention gets exactly its categories");
        dev.firebreak.mention.Mention twice = Toy.mention("b", "my parcel never came and I was charged twice");
        Classification both = model.classify(twice);
        assertEquals(Set.of(Category.DELIVERY, Category.BILLING), Set.copyOf(both.categories()));
        assertTrue(model.classify(Toy.mention("n", "hello there")).categories().isEmpty());
        double first = model.probabilities(twice).get(both.categories().get(0));
        double second = model.probabilities(twice).get(both.categories().get(1));
        assertTrue(first >= second, "most probable first");
    }

    @Test
    void savesAndLoadsToTheSamePredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("categories.model");
        model.save(file);
        CategoryModel loaded = CategoryModel.load(file);
        assertEquals(model.categories(), loaded.categories());
        for (CategorizedMention cm : data(40, 3)) {
            assertEquals(model.classify(cm.mention()), loaded.classify(cm.mention()));
            assertEquals(model.probabilities(cm.mention()), loaded.probabilities(cm.mention()));
        }
    }

    @Test
    void corruptOrForeignFilesAreClearErrors() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        byte[] bytes = out.toByteArray();
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        ModelFormatException corrupt = assertThrows(ModelFormatException.class,
                () -> CategoryModel.read(new ByteArrayInputStream(flipped)));
        assertTrue(corrupt.getMessage().contains("checksum"), corrupt.getMessage());
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 100);
        assertThrows(ModelFormatException.class, () -> CategoryModel.read(new ByteArrayInputStream(cut)));
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        Trainer.create(Task.COMPLAINT, TrainerConfig.builder().hashBits(10).build()).train(Toy.complaint(5, 4))
                .writeTo(single);
        ModelFormatException wrongKind = assertThrows(ModelFormatException.class,
                () -> CategoryModel.read(new ByteArrayInputStream(single.toByteArray())));
        assertTrue(wrongKind.getMessage().contains("TrainedModel.load"), wrongKind.getMessage());
        ModelFormatException other = assertThrows(ModelFormatException.class,
                () -> TrainedModel.read(new ByteArrayInputStream(bytes)));
        assertTrue(other.getMessage().contains("not a Firebreak model file"), other.getMessage());
    }

    @Test
    void dataThatCannotTeachCategoriesIsAClearError() {
        CategoryTrainer trainer = CategoryTrainer.create(TrainerConfig.builder().hashBits(10).build());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> trainer.train(List.of()))
                .getMessage().contains("no examples"));
        List<CategorizedMention> none = List.of(new CategorizedMention(Toy.mention("a", "x"), Set.of()),
                new CategorizedMention(Toy.mention("b", "y"), Set.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> trainer.train(none))
                .getMessage().contains("none of the 2 examples has a category"));
        List<CategorizedMention> all = List.of(
                new CategorizedMention(Toy.mention("a", "x"), Set.of(WARRANTY, Category.DELIVERY)),
                new CategorizedMention(Toy.mention("b", "y"), Set.of(WARRANTY)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> trainer.train(all))
                .getMessage().contains("category 'warranty' is on all 2 examples"));
    }

    @Test
    void addsCategoriesToAnotherClassifier() {
        MentionClassifier base = m -> new Classification(dev.firebreak.classify.Language.ENGLISH, 1, -0.5,
                Polarity.NEGATIVE, 0.8, true, List.of(), List.of());
        MentionClassifier combined = dev.firebreak.classify.CompositeClassifier.builder(base)
                .addCategoriesFrom(model).build();
        Classification c = combined.classify(Toy.mention("w", "my repair under warranty is taking ages"));
        assertEquals(List.of(WARRANTY), c.categories());
        assertEquals(Polarity.NEGATIVE, c.polarity());
        assertTrue(c.complaint());
        assertEquals(Optional.of(WARRANTY), c.signals().get(0).category());
    }

    @Nested
    class Contract extends MentionClassifierContract {
        @Override
        protected MentionClassifier classifier() {
            return model;
        }
    }
}
