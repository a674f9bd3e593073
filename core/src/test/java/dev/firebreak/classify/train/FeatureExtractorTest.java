package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.testkit.HostileText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final FeatureExtractor ALL = new FeatureExtractor(1, 2, 2, 5, 20);
    private static final FeatureExtractor UNIGRAMS = new FeatureExtractor(1, 1, 0, 0, 20);

    /** The sorted buckets of a text. */
    private static List<Integer> features(FeatureExtractor ex, String text) {
        List<Integer> out = new ArrayList<>();
        ex.extract(text, new FeatureExtractor.Scratch(), new FeatureExtractor.Sink() {
            @Override
            void word(int bucket) {
                out.add(bucket);
            }

            @Override
            void chars(int bucket) {
                out.add(-1 - bucket);
            }
        });
        Collections.sort(out);
        return out;
    }

    @Test
    void caseAccentsElongationAndDecomposedAccentsDoNotChangeFeatures() {
        assertEquals(features(ALL, "great cafe, soo good"), features(ALL, "GrEaT Café, soooooo good"));
        assertEquals(features(ALL, "creme brulee"), features(ALL, "cre\u0300me bru\u0302le\u0301e"));
        assertNotEquals(features(ALL, "great cafe"), features(ALL, "great cafes"));
    }

    @Test
    void urlsAndHandlesBecomeOneTokenEach() {
        assertEquals(features(UNIGRAMS, "@jane look https://t.co/abc #wow"),
                features(UNIGRAMS, "@bob_2 look www.example.com/x?y=z wow"));
        assertEquals(features(UNIGRAMS, "@a @b").size(), 2);
        assertEquals(features(UNIGRAMS, "see HTTPS://X.CO/A and Http://b.org ok"),
                features(UNIGRAMS, "see www.a.b and WWW.x.y ok"), "any case, any of the three forms");
        assertEquals(features(UNIGRAMS, "why hello what wow"), features(UNIGRAMS, "Why hello What wow"),
                "words that start like a URL stay words");
        assertNotEquals(features(UNIGRAMS, "a www"), features(UNIGRAMS, "a www.x"), "www alone is a word");
        FeatureExtractor version1 = new FeatureExtractor(1, 2, 2, 5, 20, 1);
        assertEquals(features(version1, "@jane look https://t.co/abc #wow"),
                features(version1, "@bob_2 look www.example.com/x?y=z wow"), "version 1 ignores the handle's name");
    }

    @Test
    void aHandlesCharactersGiveCharacterNgramsSharedWithWords() {
        List<Integer> words = words(ALL, "@AcmeSupport help");
        assertEquals(words, words(ALL, "@Bob help"), "the word features see one <user> token");
        List<Integer> support = chars(ALL, "support");
        List<Integer> handle = chars(ALL, "@AcmeSupport hi");
        long shared = support.stream().filter(handle::contains).count();
        // of the 26 2- to 5-grams of "<support>" all but the 4 that start at '<' are in "<acmesupport>"
        assertEquals(22, shared, "n-grams of 'support' found in the handle's");
        assertEquals(chars(ALL, "@acmesupport"), chars(ALL, "@AcmeSupport"), "lower-cased");
        assertTrue(chars(new FeatureExtractor(1, 2, 2, 5, 20, 1), "@AcmeSupport").isEmpty(), "not in version 1");
    }

    private static List<Integer> words(FeatureExtractor ex, String text) {
        List<Integer> all = features(ex, text);
        all.removeIf(b -> b < 0);
        return all;
    }

    private static List<Integer> chars(FeatureExtractor ex, String text) {
        List<Integer> all = features(ex, text);
        all.removeIf(b -> b >= 0);
        return all;
    }

    @Test
    void negationMarksTheWordsAfterItUpToPunctuation() {
        List<Integer> good = features(UNIGRAMS, "good");
        List<Integer> not = features(UNIGRAMS, "not");
        List<Integer> notGood = features(UNIGRAMS, "not good");
        assertTrue(notGood.containsAll(not));
        assertFalse(notGood.containsAll(good), "'good' after 'not' is a negated feature");
        assertTrue(features(UNIGRAMS, "not now. good").containsAll(good), "punctuation ends the scope");
        assertFalse(features(UNIGRAMS, "don't like").containsAll(features(UNIGRAMS, "like")), "n't negates");
        assertFalse(features(UNIGRAMS, "c'est pas bien").containsAll(features(UNIGRAMS, "bien")), "French");
        assertTrue(features(UNIGRAMS, "not a b c d good").containsAll(good),
                "the scope is " + FeatureExtractor.NEGATION_SCOPE + " words");
    }

    @Test
    void emojiAreTokensAndSkinTonesDoNotMatter() {
        assertNotEquals(features(ALL, "love it 😍"), features(ALL, "love it 😡"));
        assertEquals(features(ALL, "ok 👍🏽"), features(ALL, "ok 👍"));
        assertEquals(3, features(UNIGRAMS, "😡😡🙏").size());
    }

    @Test
    void emoticonsAndPunctuationRunsAreTokens() {
        assertNotEquals(features(UNIGRAMS, "ok :)"), features(UNIGRAMS, "ok :("));
        assertEquals(features(UNIGRAMS, "what!!"), features(UNIGRAMS, "what!!!!!!"));
    }

    @Test
    void allCapsWordsAddAFeature() {
        assertEquals(features(UNIGRAMS, "worst").size() + 1, features(UNIGRAMS, "WORST").size());
    }

    @Test
    void hostileTextsTokeniseWithinTheirLength() {
        FeatureExtractor.Scratch scratch = new FeatureExtractor.Scratch();
        for (Map.Entry<String, String> e : HostileText.all().entrySet()) {
            int[] count = new int[1];
            ALL.extract(e.getValue(), scratch, new FeatureExtractor.Sink() {
                @Override
                void word(int bucket) {
                    assertTrue(bucket >= 0 && bucket < 1 << 20, e.getKey());
                    count[0]++;
                }

                @Override
                void chars(int bucket) {
                    assertTrue(bucket >= 0 && bucket < 1 << 20, e.getKey());
                    count[0]++;
                }
            });
            assertTrue(scratch.tokens <= e.getValue().length(), e.getKey());
            assertTrue(count[0] <= 30L * e.getValue().length() + 10, e.getKey() + ": " + count[0] + " features");
        }
        // a reused scratch gives the same features after a huge text
        assertEquals(features(ALL, "back to normal"), features(ALL, "back to normal"));
    }

    @Test
    void aReusedScratchTakesATextOfAnyLengthAfterAHugeOne() {
        // after a huge text the scratch's buffers shrink back, but not below the next text's length
        FeatureExtractor.Scratch scratch = new FeatureExtractor.Scratch();
        String medium = "word ".repeat(400);
        List<Integer> actual = new ArrayList<>();
        FeatureExtractor.Sink sink = new FeatureExtractor.Sink() {
            @Override
            void word(int bucket) {
                actual.add(bucket);
            }

            @Override
            void chars(int bucket) {
                actual.add(bucket);
            }
        };
        ALL.extract(medium, new FeatureExtractor.Scratch(), sink);
        List<Integer> expected = new ArrayList<>(actual);
        ALL.extract("x".repeat(100_000), scratch, sink);
        actual.clear();
        ALL.extract(medium, scratch, sink);
        assertEquals(expected, actual);
    }

    @Test
    void loneSurrogatesAndControlsSeparateWords() {
        assertEquals(features(UNIGRAMS, "broken text"), features(UNIGRAMS, "broken \uD83D text"));
        assertEquals(features(UNIGRAMS, "red alert"), features(UNIGRAMS, "red\u0000alert"));
    }
}
