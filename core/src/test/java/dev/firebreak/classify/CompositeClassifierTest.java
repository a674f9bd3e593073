package dev.firebreak.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompositeClassifierTest {

    private static final Mention MENTION = Mention.builder(Platform.TWITTER, "1").text("whatever").build();

    private static MentionClassifier fixed(Classification c, AtomicInteger calls) {
        return m -> {
            calls.incrementAndGet();
            return c;
        };
    }

    @Test
    void takesEachPartFromTheChosenClassifierAndMergesCategories() {
        AtomicInteger baseCalls = new AtomicInteger();
        AtomicInteger modelCalls = new AtomicInteger();
        Classification base = new Classification(Language.ENGLISH, 0.9, 0.2, Polarity.POSITIVE, 0.1, false,
                List.of(Category.DELIVERY), List.of(Signal.forCategory("category_term", Category.DELIVERY, "parcel")));
        Classification model = new Classification(Language.UNDETERMINED, 0.0, -0.8, Polarity.NEGATIVE, 0.95, true,
                List.of(Category.of("warranty"), Category.DELIVERY), List.of(Signal.of("model_warranty")));
        MentionClassifier composite = CompositeClassifier.builder(fixed(base, baseCalls))
                .sentimentFrom(fixed(model, modelCalls))
                .build();
        Classification c = composite.classify(MENTION);
        assertEquals(Language.ENGLISH, c.language());
        assertEquals(Polarity.NEGATIVE, c.polarity());
        assertEquals(-0.8, c.sentiment());
        assertEquals(false, c.complaint());
        assertEquals(List.of(Category.DELIVERY), c.categories());

        MentionClassifier model2 = fixed(model, modelCalls);
        MentionClassifier merged = CompositeClassifier.builder(fixed(base, baseCalls))
                .complaintFrom(model2).addCategoriesFrom(model2).build();
        Classification m = merged.classify(MENTION);
        assertEquals(true, m.complaint());
        assertEquals(List.of(Category.DELIVERY, Category.of("warranty")), m.categories());
        assertEquals(2, m.signals().size());
    }

    @Test
    void callsEachDistinctClassifierOncePerMention() {
        AtomicInteger baseCalls = new AtomicInteger();
        AtomicInteger modelCalls = new AtomicInteger();
        Classification c = Classification.neutral(Language.ENGLISH, 1);
        MentionClassifier model = fixed(c, modelCalls);
        MentionClassifier composite = CompositeClassifier.builder(fixed(c, baseCalls))
                .sentimentFrom(model).complaintFrom(model).addCategoriesFrom(model).build();
        composite.classify(MENTION);
        assertEquals(1, baseCalls.get());
        assertEquals(1, modelCalls.get());
    }
}
