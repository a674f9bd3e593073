package dev.firebreak.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Signal;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared test kit every {@link MentionClassifier} passes: extend it, return the classifier from
 * {@link #classifier()}, and JUnit runs the contract.
 *
 * <pre>{@code
 * class MyClassifierTest extends MentionClassifierContract {
 *     @Override protected MentionClassifier classifier() { return new MyClassifier(); }
 * }
 * }</pre>
 *
 * <p>It checks what the engine relies on: any text classifies without an exception and with scores in
 * range; the same mention gives the same answer; concurrent calls agree with sequential ones; and the
 * classification is internally consistent (polarity matches the score's sign, a complaint flag has a
 * score to back it, no duplicate categories).
 */
public abstract class MentionClassifierContract {

    /** The classifier under test. Called once per test. */
    protected abstract MentionClassifier classifier();

    /** Ordinary mentions in the languages the classifier claims; override to add your domain's. */
    protected List<String> ordinaryTexts() {
        return List.of(
                "My parcel is two weeks late and nobody answers. Worst service ever.",
                "Thanks @acme, the new app update is great!",
                "Is the store on Main Street open on Sunday?",
                "Livraison en retard, service client injoignable. Pas content du tout.",
                "Die Lieferung ist nicht gut, das Paket war kaputt.",
                "El pedido llegó roto y nadie responde.",
                "Il prodotto è ottimo, grazie!",
                "A entrega atrasou de novo, péssimo atendimento.",
                "Pakken kom aldri fram, og kundeservice svarer ikke. Ikke bra.",
                "快递太慢了，服务很差，不好。");
    }

    /** A mention with this text, as a tweet. */
    protected static Mention mention(String text) {
        return Mention.builder(Platform.TWITTER, "t1")
                .author(Author.of("9", "jane", 120))
                .createdAt(Instant.parse("2024-05-01T10:15:00Z"))
                .text(text)
                .build();
    }

    /** Checks the ranges and internal consistency of one classification. */
    protected static void assertWellFormed(Classification c, String what) {
        assertNotNull(c, what + ": classification is null");
        assertTrue(c.languageConfidence() >= 0 && c.languageConfidence() <= 1, what + ": language confidence");
        assertTrue(c.sentiment() >= -1 && c.sentiment() <= 1, what + ": sentiment " + c.sentiment());
        assertTrue(c.complaintScore() >= 0 && c.complaintScore() <= 1, what + ": complaint score");
        assertEquals(c.categories().size(), c.categories().stream().distinct().count(),
                what + ": duplicate categories " + c.categories());
        switch (c.polarity()) {
            case NEGATIVE:
                assertTrue(c.sentiment() <= 0, what + ": negative polarity with sentiment " + c.sentiment());
                break;
            case POSITIVE:
                assertTrue(c.sentiment() >= 0, what + ": positive polarity with sentiment " + c.sentiment());
                break;
            default:
                break;
        }
        for (Signal s : c.signals()) {
            assertNotNull(s, what + ": null signal");
        }
        for (Category cat : c.categories()) {
            assertNotNull(cat, what + ": null category");
        }
    }

    @TestFactory
    List<DynamicTest> hostileTextClassifiesWithoutExceptionAndWithScoresInRange() {
        MentionClassifier classifier = classifier();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : HostileText.all().entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Classification c = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> classifier.classify(mention(e.getValue())),
                        "classifying '" + e.getKey() + "' took too long: not linear in the text's length?");
                assertWellFormed(c, e.getKey());
            }));
        }
        return tests;
    }

    @Test
    void ordinaryMentionsAreWellFormed() {
        MentionClassifier classifier = classifier();
        for (String text : ordinaryTexts()) {
            assertWellFormed(classifier.classify(mention(text)), text);
        }
    }

    @Test
    void sameMentionGivesSameClassification() {
        MentionClassifier classifier = classifier();
        for (String text : ordinaryTexts()) {
            Mention m = mention(text);
            assertEquals(classifier.classify(m), classifier.classify(m), text);
        }
    }

    @Test
    void reportedLanguageIsOnlyAHint() {
        MentionClassifier classifier = classifier();
        for (String text : ordinaryTexts()) {
            Mention wrongHint = mention(text).toBuilder().language("xx").build();
            assertWellFormed(classifier.classify(wrongHint), "wrong language hint on: " + text);
        }
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        MentionClassifier classifier = classifier();
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String t : ordinaryTexts()) {
                mentions.add(mention(t + " " + i));
            }
        }
        List<Classification> sequential = new ArrayList<>();
        for (Mention m : mentions) {
            sequential.add(classifier.classify(m));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Classification>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> map(mentions, classifier::classify)));
            }
            for (Future<List<Classification>> f : futures) {
                assertEquals(sequential, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) {
            out.add(f.apply(a));
        }
        return out;
    }
}
