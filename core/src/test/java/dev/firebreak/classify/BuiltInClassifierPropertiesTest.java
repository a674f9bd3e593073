package dev.firebreak.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.internal.Analyzer;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any string, made of random UTF-16 code units (lone surrogates included) or of pieces that stress the
 * tokenizer, classifies without an exception, with scores in range and consistent fields; and only a
 * bounded prefix is ever read, so the work per mention is bounded whatever its length.
 */
class BuiltInClassifierPropertiesTest {

    private static final BuiltInClassifier C = BuiltInClassifier.create();

    @Provide
    Arbitrary<String> anyCodeUnits() {
        return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(400);
    }

    /** Strings assembled from fragments that exercise every branch of the tokenizer. */
    @Provide
    Arbitrary<String> tricky() {
        Arbitrary<String> piece = Arbitraries.of("not", "good", "BAD", "sooo", "!!!", "???", ":)", ":-(", "<3", ":D",
                "#BoycottAcme", "#fail", "#", "@", "@acme_help", "https://t.co/x", "www.", "http", "l'", "n'est",
                "pas", "bon", "ikke", "bra", "不", "好", "服务很差", "服務", "😡", "😍", "\uD83D", "\uDE21", "\u200D", "\uFE0F",
                "\u0301", "ـ", "لا", "جميل", "बहुत", "अच्छा", "but", "mais", "aber", "但是", "thanks for nothing", "great,",
                "another delay", ",", ".", "\n", " ", "\t", "'", "’", "_", "x", "3", "ß", "ø", "ñ", "\u0000", "\uFFFF");
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 400, seed = "20261121")
    void anyCodeUnitsClassifyInRange(@ForAll("anyCodeUnits") String text) {
        check(text);
    }

    @Property(tries = 600, seed = "42")
    void trickyFragmentsClassifyInRange(@ForAll("tricky") String text) {
        check(text);
    }

    @Property(tries = 30, seed = "7")
    void onlyABoundedPrefixIsRead(@ForAll("tricky") String head, @ForAll("anyCodeUnits") String tail) {
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() < Analyzer.MAX_CHARS) {
            sb.append(head.isEmpty() ? "a " : head).append(' ');
        }
        String prefix = sb.substring(0, Analyzer.MAX_CHARS);
        String longer = prefix + tail.repeat(50);
        assertEquals(C.classify(prefix), C.classify(longer));
    }

    @Property(tries = 100, seed = "11")
    void languageHintNeverBreaksClassification(@ForAll("tricky") String text,
            @ForAll("hints") String hint) {
        Classification c = C.classify(Mention.builder(Platform.TWITTER, "1").text(text).language(hint).build());
        assertWellFormed(c);
    }

    @Provide
    Arbitrary<String> hints() {
        return Combinators.combine(Arbitraries.of("en", "fr", "nb", "no", "nn", "zh-TW", "pt_BR", "xx", "", "und", "ar"),
                Arbitraries.strings().ofMaxLength(3)).as((a, b) -> a.isEmpty() ? b : a);
    }

    private static void check(String text) {
        Classification c = C.classify(text);
        assertWellFormed(c);
        assertEquals(c, C.classify(text), "same text, same classification");
    }

    private static void assertWellFormed(Classification c) {
        assertTrue(c.sentiment() >= -1 && c.sentiment() <= 1);
        assertTrue(c.complaintScore() >= 0 && c.complaintScore() <= 1);
        assertTrue(c.languageConfidence() >= 0 && c.languageConfidence() <= 1);
        assertEquals(c.complaint(), c.complaintScore() >= 0.5);
        if (c.polarity() == Polarity.POSITIVE) {
            assertTrue(c.sentiment() > 0);
        } else if (c.polarity() == Polarity.NEGATIVE) {
            assertTrue(c.sentiment() < 0);
        }
        assertEquals(c.categories().size(), new HashSet<>(c.categories()).size());
        assertTrue(c.signals().size() <= 10 && c.categories().size() <= 10);
        List<Signal> signals = c.signals();
        for (Category cat : c.categories()) {
            boolean backed = false;
            for (Signal s : signals) {
                backed |= s.category().isPresent() && s.category().get().equals(cat);
            }
            assertTrue(backed || signals.size() == 10, "category " + cat + " has no signal in " + signals);
        }
    }
}
