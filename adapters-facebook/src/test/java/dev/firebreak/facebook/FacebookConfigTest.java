package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FacebookConfigTest {

    @Test
    void defaultsPinARecentVersionOfTheRealGraphHost() {
        FacebookConfig d = FacebookConfig.defaults();
        assertEquals("v25.0", d.apiVersion());
        assertEquals(URI.create("https://graph.facebook.com"), d.baseUrl());
        assertEquals(Optional.empty(), d.pageId());
        assertEquals(Optional.empty(), d.pageAccessToken());
        assertEquals(100, d.pageSize());
        assertEquals(75, d.usageThreshold());
        assertFalse(d.privateReplies());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        FacebookConfig c = Fixtures.config().toBuilder().apiVersion("v23.0").ratingsApiVersion("v21.0").pageSize(25)
                .maxRetries(5).maxWait(Duration.ofMinutes(1)).privateReplies(true).followNestedComments(false)
                .baseUrl(URI.create("http://127.0.0.1:8080/")).build();
        FacebookConfig copy = c.toBuilder().build();
        assertEquals(c.toString(), copy.toString());
        assertEquals(c.pageAccessToken(), copy.pageAccessToken());
        assertEquals(c.appSecret(), copy.appSecret());
        assertEquals(c.verifyToken(), copy.verifyToken());
        assertEquals(URI.create("http://127.0.0.1:8080"), copy.baseUrl());
    }

    @Test
    void toStringShowsSettingsButNoSecret() {
        String s = Fixtures.config().toString();
        assertTrue(s.contains(Fixtures.PAGE_ID));
        assertTrue(s.contains("pageAccessToken=(set)"));
        for (String secret : new String[] {Fixtures.TOKEN, Fixtures.APP_SECRET, Fixtures.VERIFY_TOKEN}) {
            assertFalse(s.contains(secret));
        }
    }

    @Test
    void settersFailFastNamingTheFieldAndTheRange() {
        expect("pageSize", "between 1 and 100", b -> b.pageSize(101));
        expect("usageThreshold", "between 1 and 100", b -> b.usageThreshold(0));
        expect("maxRetries", "between 0 and 10", b -> b.maxRetries(11));
        expect("maxPages", "between 1 and 100000", b -> b.maxPages(0));
        expect("maxWait", "between", b -> b.maxWait(Duration.ofDays(2)));
        expect("maxSlowdown", "between", b -> b.maxSlowdown(Duration.ofSeconds(-1)));
        expect("retryBackoff", "between", b -> b.retryBackoff(Duration.ZERO));
        expect("requestTimeout", "between", b -> b.requestTimeout(Duration.ofHours(1)));
        expect("apiVersion", "v25.0", b -> b.apiVersion("25"));
        expect("baseUrl", "absolute", b -> b.baseUrl(URI.create("graph.facebook.com")));
        expect("baseUrl", "no path", b -> b.baseUrl(URI.create("https://graph.facebook.com/v25.0")));
        expect("pageId", "letters, digits", b -> b.pageId("../me"));
        expect("postFields", "field list", b -> b.postFields("id, message"));
        expect("brand", "blank", b -> b.brand(" "));
    }

    @Test
    void aRejectedSecretIsNeverEchoed() {
        String secret = "EAAG secret with spaces";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FacebookConfig.builder().pageAccessToken(secret));
        assertTrue(e.getMessage().contains("pageAccessToken"));
        assertFalse(e.getMessage().contains("EAAG"));
    }

    private static void expect(String field, String detail, Consumer<FacebookConfig.Builder> setter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setter.accept(FacebookConfig.builder()), field);
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
