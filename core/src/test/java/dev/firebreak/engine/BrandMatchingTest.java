package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.testkit.MarkerClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BrandMatchingTest {

    private static final Brand KESTREL = Brand.builder("kestrel").handles("kestrelcoffee").keywords("kestrel coffee")
            .languages("en").ownedAccount(Platform.TWITTER, "kestrel_hq").build();
    private static final Brand ORIOLE = Brand.builder("oriole").handles("oriolebank").keywords("oriole").build();
    private final BrandMatching matching = BrandMatching.of(List.of(KESTREL, ORIOLE));

    private static Mention text(String id, String author, String text) {
        return Mention.builder(Platform.TWITTER, id).author(Author.of("u" + id, author, 10)).text(text).createdAt(T0)
                .build();
    }

    @Test
    void matchesByBrandFieldOwnAccountHandleAndKeyword() {
        assertEquals(List.of(new BrandMatching.Match("oriole", false)),
                matching.match(text("1", "x", "nothing here").toBuilder().brand("ORIOLE").build()));
        assertEquals(List.of(new BrandMatching.Match("kestrel", false)),
                matching.match(text("2", "kestrel_hq", "new menu today")));
        assertEquals(List.of(new BrandMatching.Match("kestrel", false)),
                matching.match(text("3", "x", "@KestrelCoffee my cup leaked")));
        assertEquals(List.of(new BrandMatching.Match("kestrel", true)),
                matching.match(text("4", "x", "Kestrel Coffee on main street is closed")));
    }

    @Test
    void aMentionAboutTwoBrandsMatchesBothOnceInTextOrder() {
        assertEquals(List.of(new BrandMatching.Match("oriole", true), new BrandMatching.Match("kestrel", false)),
                matching.match(text("5", "x", "paid with oriole at @kestrelcoffee, oriole declined")));
    }

    @Test
    void wordsInsideOtherWordsDoNotMatch() {
        assertTrue(matching.match(text("6", "x", "orioles are birds, kestrelcoffeeshop too")).isEmpty());
    }

    @Test
    void aBrandListedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrandMatching.of(List.of(ORIOLE, ORIOLE)));
        assertTrue(e.getMessage().contains("oriole"), e.getMessage());
    }

    @Test
    void agreesWithTheEngineOnWhichBrandsTakeAMention() {
        // the engine takes a mention for exactly the brands matching names, bar the language filter
        Fixture.MutableClock clock = new Fixture.MutableClock(T0);
        CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier())
                .brands(List.of(KESTREL, ORIOLE)).build();
        String[] words = {"kestrel", "coffee", "oriole", "@kestrelcoffee", "oriolebank", "hello", "late", "#oriole"};
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 4; w++) {
                sb.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            Mention m = text("m" + i, rnd.nextInt(10) == 0 ? "kestrel_hq" : "user", sb.toString());
            List<String> expected = new ArrayList<>();
            for (BrandMatching.Match match : matching.match(m)) {
                expected.add(match.brand());
            }
            assertEquals(expected, engine.ingest(m).brands(), m.text());
        }
    }
}
