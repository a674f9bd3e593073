package dev.firebreak.twitter;

import static dev.firebreak.twitter.TwitterAdapterContractTest.BEARER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.MappedPayload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local server that answers in X's formats. */
class TwitterClientTest {

    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private static final String SEARCH = "/2/tweets/search/recent";

    private FakeX x;
    private FakeTime time;

    @BeforeEach
    void start() throws Exception {
        x = new FakeX();
        time = new FakeTime(START);
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private TwitterClient client(TwitterConfig.Builder config) {
        return TwitterClient.builder(config.baseUri(x.baseUri()).build()).clock(time).sleeper(time.sleeper()).build();
    }

    private TwitterClient client() {
        return client(TwitterAdapterContractTest.config().toBuilder());
    }

    private static Map<String, String> limits(long limit, long remaining, Instant reset) {
        return Map.of("x-rate-limit-limit", Long.toString(limit), "x-rate-limit-remaining", Long.toString(remaining),
                "x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
    }

    private static String newPosts(String... ids) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"text\":\"acme post ")
                    .append(ids[i]).append("\",\"author_id\":\"1\",\"created_at\":\"2024-05-01T11:00:00.000Z\"}");
        }
        return sb.append("],\"meta\":{\"newest_id\":\"").append(ids[0]).append("\",\"oldest_id\":\"")
                .append(ids[ids.length - 1]).append("\",\"result_count\":").append(ids.length).append("}}").toString();
    }

    @Test
    void pollFollowsNextTokenAcrossPagesWithFieldsExpansionsAndBearerToken() {
        x.on(SEARCH, FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(200, Fixtures.text("search-page-2.json")));
        TwitterPoller poller = client().searchPoller("acme -is:retweet");

        TwitterPoller.PollResult r = poller.poll();

        assertEquals(5, r.mentions().size());
        assertEquals(2, r.pages());
        assertTrue(r.caughtUp());
        assertEquals(Optional.of("1785651234567890004"), r.sinceId());
        List<FakeX.Recorded> requests = x.requests(SEARCH);
        assertEquals(2, requests.size());
        FakeX.Recorded first = requests.get(0);
        assertEquals("Bearer " + BEARER, first.header("authorization"));
        assertEquals("acme -is:retweet", first.query().get("query"));
        assertEquals("100", first.query().get("max_results"));
        assertTrue(first.query().get("tweet.fields").contains("created_at"));
        assertTrue(first.query().get("tweet.fields").contains("public_metrics"));
        assertTrue(first.query().get("tweet.fields").contains("referenced_tweets"));
        assertEquals("author_id", first.query().get("expansions"));
        assertTrue(first.query().get("user.fields").contains("verified"));
        assertNull(first.query().get("next_token"));
        assertNull(first.query().get("since_id"));
        assertEquals("b26v89c19zqg8o3fpz5m7hqf4k1xj8ryexe3oycq9xlvh", requests.get(1).query().get("next_token"));
    }

    @Test
    void sinceIdPollingNeverReturnsAPostTwice() {
        x.on(SEARCH, FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(200, Fixtures.text("search-page-2.json")),
                // the next poll: one new post, and one already seen (a server may overlap; we do not repeat it)
                FakeX.json(200, newPosts("1785651234567890100", "1785651234567890004")),
                FakeX.json(200, Fixtures.text("search-empty.json")));
        TwitterPoller poller = client().searchPoller("acme");

        List<Mention> firstPoll = poller.poll().mentions();
        List<Mention> secondPoll = poller.poll().mentions();
        List<Mention> thirdPoll = poller.poll().mentions();

        assertEquals(5, firstPoll.size());
        assertEquals(List.of("1785651234567890100"), secondPoll.stream().map(Mention::id).toList());
        assertEquals(List.of(), thirdPoll);
        List<FakeX.Recorded> requests = x.requests(SEARCH);
        assertEquals("1785651234567890004", requests.get(2).query().get("since_id"));
        assertEquals("1785651234567890100", requests.get(3).query().get("since_id"));
        assertEquals(Optional.of("1785651234567890100"), poller.sinceId(), "an empty page keeps since_id");
    }

    @Test
    void aPollThatHitsThePageLimitContinuesFromTheTokenBeforeMovingSinceId() {
        x.on(SEARCH, FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(200, Fixtures.text("search-page-2.json")),
                FakeX.json(200, Fixtures.text("search-empty.json")));
        TwitterPoller poller = client(TwitterAdapterContractTest.config().toBuilder().maxPagesPerPoll(1))
                .searchPoller("acme");

        TwitterPoller.PollResult first = poller.poll();
        assertEquals(3, first.mentions().size());
        assertFalse(first.caughtUp());
        assertTrue(poller.hasPendingPages());
        assertEquals(Optional.empty(), poller.sinceId(), "since_id moves only when the cycle is complete");

        TwitterPoller.PollResult second = poller.poll();
        assertEquals(2, second.mentions().size());
        assertTrue(second.caughtUp());
        assertEquals(Optional.of("1785651234567890004"), second.sinceId());

        poller.poll();
        List<FakeX.Recorded> requests = x.requests(SEARCH);
        assertNull(requests.get(1).query().get("since_id"));
        assertEquals("b26v89c19zqg8o3fpz5m7hqf4k1xj8ryexe3oycq9xlvh", requests.get(1).query().get("next_token"));
        assertEquals("1785651234567890004", requests.get(2).query().get("since_id"));
        assertNull(requests.get(2).query().get("next_token"));
    }

    @Test
    void aFailedPollChangesNothingSoTheNextPollAsksAgain() {
        x.on(SEARCH, FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(401, Fixtures.text("error-401.json")),
                FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(200, Fixtures.text("search-page-2.json")));
        TwitterPoller poller = client().searchPoller("acme");

        assertThrows(TwitterAuthenticationException.class, poller::poll);
        TwitterPoller.PollResult retry = poller.poll();

        assertEquals(5, retry.mentions().size(), "the posts of the failed poll are not lost");
    }

    @Test
    void mentionTimelinePagesWithPaginationToken() {
        String path = "/2/users/2244994945/mentions";
        x.on(path, FakeX.json(200, Fixtures.text("search-page-1.json")),
                FakeX.json(200, Fixtures.text("mentions-page.json")));
        TwitterPoller.PollResult r = client().mentionsPoller("2244994945").poll();
        assertEquals(5, r.mentions().size());
        assertEquals("b26v89c19zqg8o3fpz5m7hqf4k1xj8ryexe3oycq9xlvh", x.requests(path).get(1).query().get("pagination_token"));
        assertNull(x.requests(path).get(1).query().get("next_token"));
    }

    @Test
    void a429WithAResetTimeIsWaitedOutThenTheRequestSucceeds() {
        Instant reset = START.plusSeconds(30);
        x.on(SEARCH, FakeX.json(429, Fixtures.text("error-429.json"), limits(450, 0, reset)),
                FakeX.json(200, Fixtures.text("search-page-2.json"), limits(450, 449, reset.plusSeconds(900))));

        TwitterPage page = client().recentSearch("acme", Optional.empty(), Optional.empty());

        assertEquals(2, page.payload().mentions().size());
        assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps(), "waited exactly until x-rate-limit-reset");
        assertEquals(2, x.requests(SEARCH).size());
        assertEquals(Optional.of(new RateLimit(450, 449, reset.plusSeconds(900))), page.rateLimit());
    }

    @Test
    void aPlainText429IsDecidedOnItsStatusNotItsBody() {
        x.on(SEARCH, FakeX.text(429, "Rate limit exceeded", Map.of()),
                FakeX.json(200, Fixtures.text("search-page-2.json")));

        TwitterPage page = client().recentSearch("acme", Optional.empty(), Optional.empty());

        assertEquals(2, page.payload().mentions().size());
        assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps(), "no reset header: back off 1 s");
    }

    @Test
    void aResetFurtherAwayThanTheLongestWaitIsThrownWithTheResetTime() {
        Instant reset = START.plus(Duration.ofHours(2));
        x.on(SEARCH, FakeX.text(429, "Rate limit exceeded", limits(450, 0, reset)));

        TwitterRateLimitException e = assertThrows(TwitterRateLimitException.class,
                () -> client().recentSearch("acme", Optional.empty(), Optional.empty()));

        assertEquals(Optional.of(reset), e.reset());
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
        assertEquals(List.of(), time.sleeps());
        assertEquals(1, x.requests(SEARCH).size(), "never hammers");
    }

    @Test
    void retriesOn429AreBounded() {
        x.on(SEARCH, FakeX.json(429, Fixtures.text("error-429.json")));
        TwitterClient client = client(TwitterAdapterContractTest.config().toBuilder().maxRetries(2));
        assertThrows(TwitterRateLimitException.class,
                () -> client.recentSearch("acme", Optional.empty(), Optional.empty()));
        assertEquals(3, x.requests(SEARCH).size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.sleeps());
    }

    @Test
    void anExhaustedWindowIsWaitedOutBeforeTheNextRequestIsSent() {
        Instant reset = START.plusSeconds(120);
        x.on(SEARCH, FakeX.json(200, Fixtures.text("search-page-2.json"), limits(450, 0, reset)),
                FakeX.json(200, Fixtures.text("search-empty.json"), limits(450, 449, reset.plusSeconds(900))));
        TwitterClient client = client();

        client.recentSearch("acme", Optional.empty(), Optional.empty());
        assertEquals(List.of(), time.sleeps());
        assertEquals(Optional.of(new RateLimit(450, 0, reset)), client.rateLimit("GET /2/tweets/search/recent"));
        client.recentSearch("acme", Optional.empty(), Optional.empty());

        assertEquals(List.of(Duration.ofSeconds(120)), time.sleeps());
        assertEquals(2, x.requests(SEARCH).size(), "no request was wasted on a known-exhausted window");
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() {
        x.on(SEARCH, FakeX.json(503, "{\"title\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}"),
                FakeX.json(200, Fixtures.text("search-page-2.json")));
        assertEquals(2, client().recentSearch("acme", Optional.empty(), Optional.empty()).payload().mentions().size());
        assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
    }

    @Test
    void unauthorizedAndForbiddenAreDistinctTypedProblems() {
        x.on(SEARCH, FakeX.json(401, Fixtures.text("error-401.json")),
                FakeX.json(403, Fixtures.text("error-403-client-forbidden.json")));
        TwitterClient client = client();

        TwitterAuthenticationException unauthorized = assertThrows(TwitterAuthenticationException.class,
                () -> client.recentSearch("acme", Optional.empty(), Optional.empty()));
        assertEquals(401, unauthorized.status());
        assertEquals(Optional.of("about:blank"), unauthorized.problemType());
        assertEquals("Unauthorized", unauthorized.title());

        TwitterForbiddenException forbidden = assertThrows(TwitterForbiddenException.class,
                () -> client.recentSearch("acme", Optional.empty(), Optional.empty()));
        assertEquals(403, forbidden.status());
        assertEquals(Optional.of("https://api.twitter.com/2/problems/client-forbidden"), forbidden.problemType());
        assertEquals("Client Forbidden", forbidden.title());
        assertTrue(forbidden.detail().contains("enrolled in the requested endpoint"));
        assertTrue(forbidden.getMessage().contains("client-not-enrolled"), forbidden.getMessage());
        assertEquals("GET /2/tweets/search/recent", forbidden.endpoint());
        assertEquals(List.of(), time.sleeps(), "auth problems are not retried");
    }

    @Test
    void invalidRequestNamesTheParameterProblem() {
        x.on(SEARCH, FakeX.json(400, Fixtures.text("error-400-invalid-request.json")));
        TwitterApiException e = assertThrows(TwitterApiException.class,
                () -> client().recentSearch("acme", Optional.empty(), Optional.empty()));
        assertEquals(400, e.status());
        assertEquals(Optional.of("https://api.twitter.com/2/problems/invalid-request"), e.problemType());
        assertTrue(e.detail().contains("is not between 10 and 100"), e.detail());
    }

    @Test
    void lookupReturnsTheGoodPostsAndReportsTheMissingOnes() {
        x.on("/2/tweets", FakeX.json(200, Fixtures.text("lookup-partial-errors.json")));
        MappedPayload r = client().lookup(List.of("1785651234567890004", "1785651234567899999"));
        assertEquals(1, r.mentions().size());
        assertEquals(1, r.rejected().size());
        assertEquals("1785651234567890004,1785651234567899999", x.requests("/2/tweets").get(0).query().get("ids"));
    }

    @Test
    void aSuccessStatusCarryingOnlyAnErrorDocumentIsATwitterException() {
        x.on(SEARCH, FakeX.json(200, Fixtures.text("error-v1-88.json")));
        TwitterException e = assertThrows(TwitterException.class,
                () -> client().recentSearch("acme", Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
        assertTrue(e.getMessage().contains("error code 88"), e.getMessage());
    }

    @Test
    void tokensNeverReachExceptionMessagesOrLogsEvenWhenTheServerEchoesThem() {
        x.on(SEARCH, ex -> FakeX.send(ex, 429, "slow down " + ex.getRequestHeaders().getFirst("Authorization"), Map.of()),
                ex -> FakeX.send(ex, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                        + "\"detail\":\"token " + ex.getRequestHeaders().getFirst("Authorization") + " is invalid\"}",
                        Map.of("Content-Type", "application/json")));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TwitterAuthenticationException e;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            e = assertThrows(TwitterAuthenticationException.class,
                    () -> client().recentSearch("acme", Optional.empty(), Optional.empty()));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("answered 429"), "the retry was logged: " + log);
        assertFalse(log.contains(BEARER), "token in log: " + log);
        assertFalse(e.getMessage().contains(BEARER), e.getMessage());
        assertFalse(e.detail().contains(BEARER));
        assertTrue(e.detail().contains("<redacted>"), e.detail());
    }

    @Test
    void anUnreachableServerIsATwitterExceptionNamingTheEndpoint() throws Exception {
        java.net.URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        TwitterClient client = TwitterClient.builder(TwitterAdapterContractTest.config().toBuilder().baseUri(closed).build())
                .clock(time).sleeper(time.sleeper()).build();
        TwitterException e = assertThrows(TwitterException.class,
                () -> client.recentSearch("acme", Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("cannot reach X for GET /2/tweets/search/recent"), e.getMessage());
        assertFalse(e.getMessage().contains(BEARER));
    }

    @Test
    void readingWithoutABearerTokenFailsFastNamingTheField() {
        TwitterClient client = client(TwitterConfig.builder());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.recentSearch("acme", Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("bearerToken"));
        assertEquals(0, x.requests().size());
    }
}
