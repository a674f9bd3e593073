package dev.firebreak.twitter;

import static dev.firebreak.twitter.TwitterAdapterContractTest.BEARER;
import static dev.firebreak.twitter.TwitterAdapterContractTest.USER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwitterActionsTest {

    private FakeX x;
    private FakeTime time;
    private TwitterActions actions;

    @BeforeEach
    void start() throws Exception {
        x = new FakeX();
        time = new FakeTime(Instant.parse("2024-05-01T10:00:00Z"));
        actions = TwitterActions.create(TwitterClient.builder(TwitterAdapterContractTest.config().toBuilder()
                .baseUri(x.baseUri()).build()).clock(time).sleeper(time.sleeper()).build());
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private static JsonNode json(FakeX.Recorded r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void replyPostsWithTheUserTokenAndReturnsTheNewPost() throws Exception {
        x.on("/2/tweets", FakeX.json(201, "{\"data\":{\"id\":\"1786000000000000001\",\"text\":\"Sorry, we are on it\","
                + "\"edit_history_tweet_ids\":[\"1786000000000000001\"]}}"));

        MentionKey reply = actions.reply(new MentionKey(Platform.TWITTER, "1785651234567890004"), "Sorry, we are on it");

        assertEquals(new MentionKey(Platform.TWITTER, "1786000000000000001"), reply);
        FakeX.Recorded r = x.requests("/2/tweets").get(0);
        assertEquals("POST", r.method());
        assertEquals("Bearer " + USER_TOKEN, r.header("authorization"), "writes use user context, not the app token");
        assertTrue(r.header("content-type").startsWith("application/json"));
        JsonNode body = json(r);
        assertEquals("Sorry, we are on it", body.path("text").asText());
        assertEquals("1785651234567890004", body.path("reply").path("in_reply_to_tweet_id").asText());
    }

    @Test
    void hideAndUnhideAReply() throws Exception {
        String path = "/2/tweets/1785651234567890003/hidden";
        x.on(path, FakeX.json(200, "{\"data\":{\"hidden\":true}}"), FakeX.json(200, "{\"data\":{\"hidden\":false}}"));
        MentionKey target = new MentionKey(Platform.TWITTER, "1785651234567890003");

        actions.setHidden(target, true);
        actions.setHidden(target, false);

        List<FakeX.Recorded> requests = x.requests(path);
        assertEquals("PUT", requests.get(0).method());
        assertTrue(json(requests.get(0)).path("hidden").asBoolean());
        assertFalse(json(requests.get(1)).path("hidden").asBoolean());
        assertEquals("Bearer " + USER_TOKEN, requests.get(1).header("authorization"));
    }

    @Test
    void anUnconfirmedHideIsAnError() {
        x.on("/2/tweets/5/hidden", FakeX.json(200, "{\"data\":{\"hidden\":false}}"));
        TwitterException e = assertThrows(TwitterException.class,
                () -> actions.setHidden(new MentionKey(Platform.TWITTER, "5"), true));
        assertTrue(e.getMessage().contains("did not confirm hidden=true"), e.getMessage());
    }

    @Test
    void hidingOutsideTheUsersConversationsIsAForbiddenProblem() {
        x.on("/2/tweets/5/hidden", FakeX.json(403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,"
                + "\"detail\":\"You cannot hide replies to a conversation you did not start.\"}"));
        TwitterForbiddenException e = assertThrows(TwitterForbiddenException.class,
                () -> actions.setHidden(new MentionKey(Platform.TWITTER, "5"), true));
        assertTrue(e.detail().contains("did not start"), e.detail());
    }

    @Test
    void aRateLimitedWriteIsThrownAtOnceWithTheResetNotRetried() {
        Instant reset = time.instant().plusSeconds(600);
        x.on("/2/tweets", FakeX.json(429, Fixtures.text("error-429.json"), Map.of("x-rate-limit-limit", "200",
                "x-rate-limit-remaining", "0", "x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));
        TwitterRateLimitException e = assertThrows(TwitterRateLimitException.class, () -> actions.post("hello"));
        assertEquals(java.util.Optional.of(reset), e.reset());
        assertEquals(1, x.requests("/2/tweets").size(), "a post is never sent twice");
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void appOnlyAuthOnAWriteIsReportedAsForbiddenWithItsProblemType() {
        x.on("/2/tweets", FakeX.json(403, "{\"title\":\"Unsupported Authentication\",\"detail\":\"Authenticating with "
                + "OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are "
                + "[OAuth 1.0a User Context, OAuth 2.0 User Context].\",\"type\":"
                + "\"https://api.twitter.com/2/problems/unsupported-authentication\",\"status\":403}"));
        TwitterForbiddenException e = assertThrows(TwitterForbiddenException.class, () -> actions.post("hello"));
        assertEquals(java.util.Optional.of("https://api.twitter.com/2/problems/unsupported-authentication"),
                e.problemType());
        assertFalse(e.getMessage().contains(USER_TOKEN));
        assertFalse(e.getMessage().contains(BEARER));
    }

    @Test
    void actionsRefuseBadTargetsAndMissingUserContext() {
        assertThrows(IllegalArgumentException.class,
                () -> actions.reply(new MentionKey(Platform.FACEBOOK, "123"), "hi"));
        assertThrows(IllegalArgumentException.class,
                () -> actions.reply(new MentionKey(Platform.TWITTER, "12/../x"), "hi"));
        assertThrows(IllegalArgumentException.class, () -> actions.post(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwitterActions.create(
                TwitterClient.builder(TwitterConfig.builder().bearerToken(BEARER).build()).build()));
        assertTrue(e.getMessage().contains("userAccessToken"));
        assertThrows(UnsupportedOperationException.class,
                () -> actions.replyPrivately(new MentionKey(Platform.TWITTER, "1"), "hi"));
        assertEquals(0, x.requests().size());
        assertFalse(actions.toString().contains(USER_TOKEN));
    }
}
