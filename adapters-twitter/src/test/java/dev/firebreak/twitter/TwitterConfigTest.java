package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwitterConfigTest {

    @Test
    void defaultsFollowTheDocumentedPlatformValues() {
        TwitterConfig c = TwitterConfig.defaults();
        assertEquals(URI.create("https://api.x.com"), c.baseUri());
        assertEquals(Duration.ofSeconds(20), c.streamStallTimeout());
        assertEquals(100, c.maxResults());
        assertEquals(Optional.empty(), c.bearerToken());
        assertTrue(c.tweetFields().contains("created_at"));
        assertEquals(List.of("author_id"), c.expansions());
    }

    @Test
    void toStringRedactsEveryCredential() {
        TwitterConfig c = TwitterAdapterContractTest.config();
        String s = c.toString();
        for (String secret : List.of(TwitterAdapterContractTest.BEARER, TwitterAdapterContractTest.USER_TOKEN,
                TwitterAdapterContractTest.SECRET)) {
            assertFalse(s.contains(secret), s);
        }
        assertTrue(s.contains("bearerToken=<redacted>"), s);
        assertTrue(TwitterConfig.defaults().toString().contains("bearerToken=<unset>"));
    }

    @Test
    void settersFailFastNamingTheFieldAndRange() {
        TwitterConfig.Builder b = TwitterConfig.builder();
        assertMessage(() -> b.maxResults(5), "maxResults must be between 10 and 100, was 5");
        assertMessage(() -> b.maxPagesPerPoll(0), "maxPagesPerPoll must be between 1 and 1000");
        assertMessage(() -> b.streamStallTimeout(Duration.ZERO), "streamStallTimeout must be between");
        assertMessage(() -> b.maxRateLimitWait(Duration.ofHours(2)), "maxRateLimitWait must be between");
        assertMessage(() -> b.maxRetries(11), "maxRetries must be between 0 and 10");
        assertMessage(() -> b.baseUri(URI.create("ftp://x")), "baseUri must be an absolute http or https URI");
        assertMessage(() -> b.tweetFields(List.of("created_at,lang")), "tweetFields entries");
        String injected = "token\r\nX-Evil: 1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.bearerToken(injected));
        assertTrue(e.getMessage().startsWith("bearerToken must be"), e.getMessage());
        assertFalse(e.getMessage().contains("token\r\n"), "the rejected secret is not echoed");
    }

    private static void assertMessage(Runnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void toBuilderKeepsEverySettingAndTrailingSlashIsDropped() {
        TwitterConfig c = TwitterAdapterContractTest.config().toBuilder().baseUri(URI.create("http://127.0.0.1:8080/"))
                .maxResults(50).streamStallTimeout(Duration.ofSeconds(5)).build();
        TwitterConfig copy = c.toBuilder().build();
        assertEquals(c.toString(), copy.toString());
        assertEquals(URI.create("http://127.0.0.1:8080"), copy.baseUri());
        assertEquals(c.bearerToken(), copy.bearerToken());
        assertEquals(c.userAccessToken(), copy.userAccessToken());
        assertEquals(c.consumerSecret(), copy.consumerSecret());
    }
}
