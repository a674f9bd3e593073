package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.facebook.GraphServer.Reply;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FacebookClientTest {

    private static final String PAGE = Fixtures.PAGE_ID;
    private static final String FEED = "/v25.0/" + PAGE + "/feed";

    private final GraphServer server = new GraphServer();
    private final FakeTime time = new FakeTime(Instant.parse("2024-05-01T12:00:00Z"));

    @AfterEach
    void stop() {
        server.close();
    }

    private FacebookClient client() {
        return client(Fixtures.config().toBuilder());
    }

    private FacebookClient client(FacebookConfig.Builder config) {
        return FacebookClient.builder(config.baseUrl(server.baseUrl()).build())
                .clock(time)
                .sleeper(time)
                .build();
    }

    private static String post(String id, String message, String createdTime) {
        return "{\"id\":\"" + id + "\",\"message\":\"" + message + "\",\"created_time\":\"" + createdTime
                + "\",\"from\":{\"id\":\"42\",\"name\":\"Visitor\"}}";
    }

    private static String page(String items, String next) {
        return "{\"data\":[" + items + "],\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}"
                + (next == null ? "" : ",\"next\":\"" + next + "\"") + "}}";
    }

    private static final String ERROR_190 = "{\"error\":{\"message\":\"Error validating access token: Session has "
            + "expired on Wednesday, 01-May-24 03:00:00 PDT.\",\"type\":\"OAuthException\",\"code\":190,"
            + "\"error_subcode\":463,\"fbtrace_id\":\"AbCdEf123\"}}";

    private static String throttle(int code) {
        return "{\"error\":{\"message\":\"(#" + code + ") Application request limit reached\",\"type\":\"OAuthException\","
                + "\"is_transient\":true,\"code\":" + code + ",\"fbtrace_id\":\"Athrottle\"}}";
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pollReadsEveryPageByFollowingPagingNext() {
        server.route("GET", FEED, call -> {
            String after = call.query().get("after");
            if (after == null) {
                return Reply.ok(server.withBase(page(post(PAGE + "_1", "one", "2024-05-01T10:00:00+0000") + ","
                        + post(PAGE + "_2", "two", "2024-05-01T10:01:00+0000"),
                        "{{base}}/v25.0/" + PAGE + "/feed?fields=id%2Cmessage&limit=2&after=p2&access_token=STALE")));
            }
            if (after.equals("p2")) {
                return Reply.ok(server.withBase(page(post(PAGE + "_3", "three", "2024-05-01T10:02:00+0000"),
                        "{{base}}/v25.0/" + PAGE + "/feed?fields=id%2Cmessage&limit=2&after=p3")));
            }
            return Reply.ok(page(post(PAGE + "_4", "four", "1714557780"), null));
        });

        PollResult r = client().poll(FacebookEdge.FEED, Optional.of(Instant.parse("2024-05-01T00:00:00Z")));

        assertEquals(List.of(PAGE + "_1", PAGE + "_2", PAGE + "_3", PAGE + "_4"),
                r.mentions().stream().map(Mention::id).toList());
        assertEquals(3, r.pages());
        assertTrue(r.complete());
        List<GraphServer.Call> calls = server.calls("GET", FEED);
        assertEquals(3, calls.size());
        GraphServer.Call first = calls.get(0);
        assertEquals("1714521600", first.param("since"), "since in epoch seconds");
        assertEquals(FacebookConfig.DEFAULT_POST_FIELDS, first.param("fields"));
        assertEquals("100", first.param("limit"));
        for (GraphServer.Call c : calls) {
            assertEquals(Fixtures.TOKEN, c.param("access_token"), "every page carries the configured token");
        }
        assertEquals("p3", calls.get(2).param("after"), "paging.next followed as sent");
    }

    @Test
    void pagingNextToAnotherHostIsNotFollowedTheCursorIsUsedInstead() {
        // feed-page-1.json's paging.next and its embedded comments' paging.next point at graph.facebook.com
        server.route("GET", FEED, call -> call.param("after") == null
                ? Reply.ok(Fixtures.text("feed-page-1.json"))
                : Reply.ok(Fixtures.text("feed-page-2.json")));
        server.route("GET", "/v25.0/" + PAGE + "_772210398845512/comments", call -> Reply.ok(
                "{\"data\":[{\"id\":\"772210398845512_55\",\"message\":\"late comment\","
                        + "\"created_time\":\"2024-05-01T11:30:00+0000\",\"from\":{\"id\":7,\"name\":\"Late\"}}]}"));

        PollResult r = client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals("Q2c4U1pXNTF", server.calls("GET", FEED).get(1).param("after"));
        GraphServer.Call comments = server.calls("GET", "/v25.0/" + PAGE + "_772210398845512/comments").get(0);
        assertEquals("QVFIUmN2ZA2", comments.param("after"), "nested comment paging continues from its cursor");
        assertEquals(FacebookConfig.DEFAULT_COMMENT_FIELDS, comments.param("fields"));
        Mention late = r.mentions().stream().filter(m -> m.id().equals("772210398845512_55")).findFirst().orElseThrow();
        assertEquals(MentionKind.COMMENT, late.kind());
        assertEquals(Optional.of(PAGE + "_772210398845512"), late.inReplyTo());
        assertEquals(Optional.of(PAGE + "_772210398845512"), late.conversationId());
        assertEquals(6 + 1 + 1, r.mentions().size(), "page 1 (6), its extra comment page (1), page 2 (1)");
        assertEquals(3, r.pages());
        assertTrue(r.complete());
    }

    @Test
    void pollStopsAtMaxPagesAndSaysSoWithACursorToResumeFrom() {
        AtomicInteger n = new AtomicInteger();
        server.route("GET", FEED, call -> {
            int i = n.incrementAndGet();
            return Reply.ok(server.withBase("{\"data\":[" + post(PAGE + "_" + i, "p" + i, "2024-05-01T10:00:00+0000")
                    + "],\"paging\":{\"cursors\":{\"after\":\"c" + i + "\"},\"next\":\"{{base}}" + FEED + "?after=c" + i + "\"}}"));
        });

        PollResult r = client(Fixtures.config().toBuilder().maxPages(3)).poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(3, r.pages());
        assertFalse(r.complete());
        assertEquals(Optional.of("c3"), r.resumeAfter());
        assertEquals(3, server.calls().size());
    }

    @Test
    void aPagingLoopIsDetectedInsteadOfRunningForever() {
        server.route("GET", FEED, call -> Reply.ok(server.withBase(page(post(PAGE + "_1", "again", "1714557780"),
                "{{base}}" + FEED + "?after=same"))));

        PollResult r = client().poll(FacebookEdge.FEED, Optional.empty());

        assertFalse(r.complete());
        assertEquals(2, server.calls().size());
        assertEquals(1, r.mentions().size(), "the same post seen twice is one mention");
    }

    @Test
    void commentsOfAPostArePolledWithTheirParentLinked() {
        server.route("GET", "/v25.0/" + PAGE + "_772210398845512/comments",
                call -> Reply.ok(Fixtures.text("comments-page.json")));

        PollResult r = client().pollComments(PAGE + "_772210398845512", Optional.empty());

        assertEquals(3, r.mentions().size());
        Mention reply = r.mentions().get(1);
        assertEquals(Optional.of("772210398845512_1290384756102938"), reply.inReplyTo(), "a reply points at its comment");
        assertEquals(Optional.of(PAGE + "_772210398845512"), r.mentions().get(0).inReplyTo());
    }

    @Test
    void ratingsCanUseTheirOwnPinnedVersion() {
        server.route("GET", "/v21.0/" + PAGE + "/ratings", call -> Reply.ok(Fixtures.text("ratings-page.json")));

        PollResult r = client(Fixtures.config().toBuilder().ratingsApiVersion("v21.0"))
                .poll(FacebookEdge.RATINGS, Optional.empty());

        assertEquals(4, r.mentions().size());
        assertTrue(r.mentions().stream().allMatch(m -> m.kind() == MentionKind.REVIEW));
        assertEquals(FacebookConfig.DEFAULT_RATING_FIELDS, server.calls().get(0).param("fields"));
    }

    @Test
    void unknownFieldsAndUnreadableItemsOnAPageAreNotFatal() {
        server.route("GET", FEED, call -> Reply.ok("{\"data\":[42,{\"message\":\"no id\"},"
                + post(PAGE + "_9", "fine", "2024-05-01T10:00:00+0000").replace("}}", "},\"brand_new_field\":{\"a\":[1]}}")
                + ",{\"id\":\"" + PAGE + "_10\",\"created_time\":\"yesterday\"}],\"new_top_level\":true}"));

        PollResult r = client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(List.of(PAGE + "_9"), r.mentions().stream().map(Mention::id).toList());
        assertEquals(3, r.rejected().size(), r.rejected().toString());
        assertTrue(r.rejected().get(2).reason().contains("created_time"), r.rejected().get(2).reason());
        assertTrue(r.rejected().get(0).location().contains("data[0]"), r.rejected().get(0).location());
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void slowsDownBeforeBeingBlockedWhenUsagePassesTheThreshold() {
        server.route("GET", FEED, call -> {
            if (call.param("after") == null) {
                return Reply.ok(server.withBase(page(post(PAGE + "_1", "one", "1714557780"), "{{base}}" + FEED + "?after=x")))
                        .withHeader("X-App-Usage", "{\"call_count\":90,\"total_cputime\":12,\"total_time\":20}");
            }
            return Reply.ok(page(post(PAGE + "_2", "two", "1714557780"), null))
                    .withHeader("X-App-Usage", "{\"call_count\":91,\"total_cputime\":12,\"total_time\":20}");
        });
        FacebookClient client = client(Fixtures.config().toBuilder().usageThreshold(75).maxSlowdown(Duration.ofSeconds(52)));

        client.poll(FacebookEdge.FEED, Optional.empty());

        // 90% with a threshold of 75: (90 - 75 + 1) / (100 - 75 + 1) of 52 s = 32 s before the second call
        assertEquals(List.of(Duration.ofSeconds(32)), time.sleeps());
        assertEquals(91, client.usage().appUsage().getAsInt());
        // and the next call waits again, (91 - 75 + 1) / 26 of 52 s = 34 s
        server.route("GET", "/v25.0/" + PAGE + "/scheduled_posts", call -> Reply.ok("{\"data\":[]}"));
        client.get(PAGE + "/scheduled_posts", Map.of());
        assertEquals(List.of(Duration.ofSeconds(32), Duration.ofSeconds(34)), time.sleeps());
    }

    @Test
    void doesNotSlowDownBelowTheThreshold() {
        String below = "{\"call_count\":74,\"total_cputime\":1,\"total_time\":1}";
        String buc = "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":10,\"total_cputime\":5,"
                + "\"total_time\":7,\"estimated_time_to_regain_access\":0}]}";
        server.route("GET", FEED, call -> (call.param("after") == null
                ? Reply.ok(server.withBase(page(post(PAGE + "_1", "one", "1714557780"), "{{base}}" + FEED + "?after=x")))
                : Reply.ok(page("", null)))
                .withHeader("X-App-Usage", below).withHeader("X-Business-Use-Case-Usage", buc));

        FacebookClient client = client();
        client.poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(List.of(), time.sleeps());
        assertEquals(10, client.usage().businessUseCaseUsage().getAsInt());
        assertEquals(74, client.usage().highestPercent());
        assertTrue(client.usage().regainAccessIn().isEmpty());
    }

    @Test
    void businessUseCaseUsageSlowsDownToo() {
        server.route("GET", FEED, call -> call.param("after") == null
                ? Reply.ok(server.withBase(page(post(PAGE + "_1", "one", "1714557780"), "{{base}}" + FEED + "?after=x")))
                        .withHeader("X-Business-Use-Case-Usage", "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":"
                                + "100,\"total_cputime\":40,\"total_time\":60,\"estimated_time_to_regain_access\":0}]}")
                : Reply.ok(page("", null)));

        client(Fixtures.config().toBuilder().maxSlowdown(Duration.ofSeconds(30))).poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps(), "at 100% the full slowdown");
    }

    @Test
    void waitsTheTimeToRegainAccessWhenThrottledThenRetries() {
        AtomicInteger n = new AtomicInteger();
        server.route("GET", FEED, call -> n.incrementAndGet() == 1
                ? Reply.of(400, throttle(80001)).withHeader("X-Business-Use-Case-Usage", "{\"" + PAGE + "\":[{\"type\":"
                        + "\"pages\",\"call_count\":104,\"total_cputime\":20,\"total_time\":30,"
                        + "\"estimated_time_to_regain_access\":3}]}")
                : Reply.ok(page(post(PAGE + "_1", "one", "1714557780"), null)));

        PollResult r = client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(1, r.mentions().size());
        assertEquals(List.of(Duration.ofMinutes(3)), time.sleeps());
        assertEquals(2, server.calls().size());
    }

    @Test
    void throttlingCodesAreRetriedWithExponentialBackoff() {
        AtomicInteger n = new AtomicInteger();
        int[] codes = {4, 17};
        server.route("GET", FEED, call -> {
            int i = n.getAndIncrement();
            return i < codes.length ? Reply.of(400, throttle(codes[i])) : Reply.ok(page("", null));
        });

        client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), time.sleeps());
    }

    @Test
    void givesUpAfterMaxRetriesWithTheThrottlingError() {
        server.route("GET", FEED, call -> Reply.of(400, throttle(613)));

        FacebookRateLimitException e = assertThrows(FacebookRateLimitException.class,
                () -> client(Fixtures.config().toBuilder().maxRetries(2)).poll(FacebookEdge.FEED, Optional.empty()));

        assertEquals(3, server.calls().size(), "one call and two retries");
        assertEquals(613, e.error().orElseThrow().code());
        assertEquals(Duration.ofSeconds(8), e.retryAfter());
        assertTrue(e.getMessage().contains("613"), e.getMessage());
    }

    @Test
    void aWaitLongerThanMaxWaitFailsAtOnceAndHoldsBackLaterCalls() {
        server.route("GET", FEED, call -> Reply.of(400, throttle(80001)).withHeader("X-Business-Use-Case-Usage",
                "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":120,\"total_cputime\":20,\"total_time\":30,"
                        + "\"estimated_time_to_regain_access\":60}]}"));
        FacebookClient client = client();

        FacebookRateLimitException first = assertThrows(FacebookRateLimitException.class,
                () -> client.poll(FacebookEdge.FEED, Optional.empty()));
        assertEquals(Duration.ofMinutes(60), first.retryAfter());
        assertEquals(List.of(), time.sleeps(), "never sleeps longer than maxWait");
        assertEquals(Optional.of(Duration.ofMinutes(60)), client.usage().regainAccessIn());

        time.advance(Duration.ofMinutes(10));
        FacebookRateLimitException second = assertThrows(FacebookRateLimitException.class,
                () -> client.poll(FacebookEdge.FEED, Optional.empty()));
        assertTrue(second.error().isEmpty(), "held back by the client, not sent");
        assertEquals(Duration.ofMinutes(50), second.retryAfter());
        assertEquals(1, server.calls().size());

        time.advance(Duration.ofMinutes(50));
        server.route("GET", FEED, call -> Reply.ok(page("", null)));
        assertTrue(client.poll(FacebookEdge.FEED, Optional.empty()).complete(), "calls go again once access is back");
    }

    @Test
    void http429WithoutAGraphBodyIsThrottling() {
        AtomicInteger n = new AtomicInteger();
        server.route("GET", FEED, call -> n.getAndIncrement() == 0 ? Reply.of(429, "Too many") : Reply.ok(page("", null)));

        client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void anExpiredTokenFailsAtOnceWithoutRetrying() {
        server.route("GET", FEED, call -> Reply.of(400, ERROR_190));

        FacebookAuthException e = assertThrows(FacebookAuthException.class,
                () -> client().poll(FacebookEdge.FEED, Optional.empty()));

        assertEquals(1, server.calls().size());
        assertEquals(List.of(), time.sleeps());
        assertEquals(190, e.code());
        assertEquals(463, e.subcode().getAsInt());
        assertEquals("OAuthException", e.type());
        assertEquals(Optional.of("AbCdEf123"), e.fbtraceId());
        assertEquals("token expired", e.reason());
        assertTrue(e.getMessage().contains("Session has expired"), e.getMessage());
        assertFalse(e.getMessage().contains(Fixtures.TOKEN));
    }

    @Test
    void graphErrorsBecomeTypedExceptionsWithTheirFields() {
        server.route("GET", FEED, call -> Reply.of(400, Fixtures.text("error-unknown-path.json")));

        FacebookApiException e = assertThrows(FacebookApiException.class,
                () -> client().poll(FacebookEdge.FEED, Optional.empty()));

        assertEquals(100, e.code());
        assertEquals(33, e.subcode().getAsInt());
        assertEquals("GraphMethodException", e.type());
        assertEquals(400, e.httpStatus());
        assertEquals(1, server.calls().size(), "a permanent error is not retried");
        assertTrue(e.getMessage().contains("Unsupported get request"), e.getMessage());
    }

    @Test
    void transientErrorsAreRetriedForReads() {
        AtomicInteger n = new AtomicInteger();
        server.route("GET", FEED, call -> n.getAndIncrement() == 0
                ? Reply.of(500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\","
                        + "\"code\":2,\"is_transient\":true,\"fbtrace_id\":\"A2\"}}")
                : Reply.ok(page(post(PAGE + "_1", "one", "1714557780"), null)));

        assertEquals(1, client().poll(FacebookEdge.FEED, Optional.empty()).mentions().size());
        assertEquals(2, server.calls().size());
    }

    @Test
    void aReplyIsNotRetriedAfterATransientErrorSoItIsNeverPostedTwice() {
        server.route("POST", "/v25.0/" + PAGE + "_1/comments", call -> Reply.of(500,
                "{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"OAuthException\",\"code\":2,"
                        + "\"is_transient\":true,\"fbtrace_id\":\"A2\"}}"));

        assertThrows(FacebookApiException.class, () -> client().post(PAGE + "_1/comments", Map.of("message", "hi")));
        assertEquals(1, server.calls().size());
    }

    @Test
    void theTokenNeverAppearsInMessagesOrToString() {
        server.route("GET", FEED, call -> Reply.of(400, "{\"error\":{\"message\":\"Invalid OAuth access token - "
                + "Cannot parse access token " + Fixtures.TOKEN + "; url was /feed?access_token=" + Fixtures.TOKEN
                + "\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"Aleak\"}}"));
        FacebookClient client = client();

        FacebookApiException e = assertThrows(FacebookApiException.class,
                () -> client.poll(FacebookEdge.FEED, Optional.empty()));

        assertFalse(e.getMessage().contains(Fixtures.TOKEN), e.getMessage());
        assertTrue(e.getMessage().contains("Cannot parse access token"), e.getMessage());
        assertFalse(client.toString().contains(Fixtures.TOKEN));
        assertFalse(client.config().toString().contains(Fixtures.TOKEN));
        GraphTransport.Request request = new GraphTransport.Request("GET",
                java.net.URI.create("https://graph.facebook.com/v25.0/1/feed?access_token=" + Fixtures.TOKEN),
                Map.of("access_token", Fixtures.TOKEN), Duration.ofSeconds(1));
        assertFalse(request.toString().contains(Fixtures.TOKEN));
    }

    @Test
    void aNetworkFailureIsRetriedForReadsThenReportedWithoutTheToken() {
        FacebookClient client = FacebookClient.builder(Fixtures.config().toBuilder().baseUrl(server.baseUrl()).build())
                .clock(time).sleeper(time)
                .transport(request -> {
                    throw new java.net.ConnectException("Connection refused: " + request.uri());
                })
                .build();

        FacebookException e = assertThrows(FacebookException.class, () -> client.poll(FacebookEdge.FEED, Optional.empty()));

        assertEquals(3, time.sleeps().size(), "maxRetries retries");
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
        assertFalse(e.getMessage().contains(Fixtures.TOKEN), e.getMessage());
    }

    @Test
    void buildingAClientNeedsAPageAndAToken() {
        IllegalArgumentException noPage = assertThrows(IllegalArgumentException.class,
                () -> FacebookClient.builder(FacebookConfig.defaults()).build());
        assertTrue(noPage.getMessage().contains("pageId"));
        IllegalArgumentException noToken = assertThrows(IllegalArgumentException.class,
                () -> FacebookClient.builder(FacebookConfig.builder().pageId("1").build()).build());
        assertTrue(noToken.getMessage().contains("pageAccessToken"));
    }

    @Test
    void rawCallsRefusePathsThatCouldEscapeTheGraphPath() {
        FacebookClient client = client();
        for (String bad : List.of("../me", "a/../../b", "x?y=1", "a b", "", "a//b")) {
            assertThrows(IllegalArgumentException.class, () -> client.get(bad, Map.of()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> client.get("me", Map.of("access_token", "other")));
        assertEquals(0, server.calls().size());
    }

    @Test
    void theReportedUsageHeadersAreParsedLeniently() {
        server.route("GET", FEED, call -> Reply.ok(page("", null))
                .withHeader("X-App-Usage", "not json")
                .withHeader("X-Page-Usage", "{\"call_count\":\"55\",\"total_cputime\":3.5,\"total_time\":1}"));

        FacebookClient client = client();
        client.poll(FacebookEdge.FEED, Optional.empty());

        assertTrue(client.usage().appUsage().isEmpty());
        assertEquals(55, client.usage().pageUsage().getAsInt());
        assertEquals(time.instant(), client.usage().observedAt());
    }

    @Test
    void theTokenIsSentOnEveryRequestAndOnlyToTheGraphHost() {
        server.route("GET", FEED, call -> call.param("after") == null
                ? Reply.ok(page(post(PAGE + "_1", "one", "1714557780"), "https://evil.example.com/v25.0/" + PAGE
                        + "/feed?after=zz"))
                : Reply.ok(page(post(PAGE + "_1", "one again", "1714557780"), null)));

        PollResult r = client().poll(FacebookEdge.FEED, Optional.empty());

        assertEquals(2, server.calls().size(), "the cursor was used against the configured host");
        assertEquals("a", server.calls().get(1).param("after"));
        assertEquals(Fixtures.TOKEN, server.calls().get(1).param("access_token"));
        assertTrue(r.complete());
        assertEquals(Map.of(PAGE + "_1", 1L), r.mentions().stream()
                .collect(Collectors.groupingBy(Mention::id, Collectors.counting())));
    }
}
