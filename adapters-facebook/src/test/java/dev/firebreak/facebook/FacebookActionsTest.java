package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.facebook.GraphServer.Reply;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FacebookActionsTest {

    private static final String POST = Fixtures.PAGE_ID + "_772210398845512";
    private static final String COMMENT = "772210398845512_1290384756102938";

    private final GraphServer server = new GraphServer();
    private final FakeTime time = new FakeTime(Instant.parse("2024-05-01T12:00:00Z"));

    @AfterEach
    void stop() {
        server.close();
    }

    private FacebookActions actions(FacebookConfig.Builder config) {
        return FacebookActions.of(FacebookClient.builder(config.baseUrl(server.baseUrl()).build())
                .clock(time).sleeper(time).build());
    }

    private FacebookActions actions() {
        return actions(Fixtures.config().toBuilder());
    }

    private static MentionKey fb(String id) {
        return new MentionKey(Platform.FACEBOOK, id);
    }

    @Test
    void replyingToACommentPostsAThreadedReplyAndReturnsItsKey() {
        server.route("POST", "/v25.0/" + COMMENT + "/comments",
                call -> Reply.ok("{\"id\":\"772210398845512_1290384756199999\"}"));

        MentionKey reply = actions().reply(fb(COMMENT), "Sorry Jane, we've sent you a message to sort out the refund.");

        assertEquals(fb("772210398845512_1290384756199999"), reply);
        GraphServer.Call call = server.calls().get(0);
        assertEquals("Sorry Jane, we've sent you a message to sort out the refund.", call.form().get("message"));
        assertEquals(Fixtures.TOKEN, call.form().get("access_token"));
        assertTrue(call.query().isEmpty(), "the token goes in the form, not the URL, for writes: " + call.query());
    }

    @Test
    void replyingToAPostAddsAComment() {
        server.route("POST", "/v25.0/" + POST + "/comments", call -> Reply.ok("{\"id\":772210398845512000}"));

        assertEquals(fb("772210398845512000"), actions().reply(fb(POST), "Thanks for the feedback!"));
    }

    @Test
    void aReplyWithoutAnIdInTheAnswerIsAnError() {
        server.route("POST", "/v25.0/" + POST + "/comments", call -> Reply.ok("{}"));

        FacebookException e = assertThrows(FacebookException.class, () -> actions().reply(fb(POST), "hello"));
        assertTrue(e.getMessage().contains("no comment id"), e.getMessage());
    }

    @Test
    void hidingAndUnhidingSetIsHidden() {
        server.route("POST", "/v25.0/" + COMMENT, call -> Reply.ok("{\"success\":true}"));

        FacebookActions actions = actions();
        actions.setHidden(fb(COMMENT), true);
        actions.setHidden(fb(COMMENT), false);

        assertEquals(List.of("true", "false"), server.calls().stream().map(c -> c.form().get("is_hidden")).toList());
    }

    @Test
    void aHideFacebookDoesNotConfirmIsAnError() {
        server.route("POST", "/v25.0/" + COMMENT, call -> Reply.ok("{\"success\":false}"));

        FacebookException e = assertThrows(FacebookException.class, () -> actions().setHidden(fb(COMMENT), true));
        assertTrue(e.getMessage().contains("can_hide"), e.getMessage());
    }

    @Test
    void aRefusedHideCarriesFacebooksCode() {
        server.route("POST", "/v25.0/" + COMMENT, call -> Reply.of(403, "{\"error\":{\"message\":\"(#200) Permissions "
                + "error\",\"type\":\"OAuthException\",\"code\":200,\"fbtrace_id\":\"Aperm\"}}"));

        FacebookApiException e = assertThrows(FacebookApiException.class, () -> actions().setHidden(fb(COMMENT), true));
        assertEquals(200, e.code());
    }

    @Test
    void privateRepliesAreOffUnlessEnabled() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> actions().replyPrivately(fb(COMMENT), "Could you send us your order number?"));

        assertTrue(e.getMessage().contains("privateReplies"), e.getMessage());
        assertEquals(0, server.calls().size());
    }

    @Test
    void anEnabledPrivateReplyGoesToTheCommentAuthorsInbox() throws Exception {
        server.route("POST", "/v25.0/" + Fixtures.PAGE_ID + "/messages",
                call -> Reply.ok("{\"recipient_id\":\"1008372609250235\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM\"}"));

        actions(Fixtures.config().toBuilder().privateReplies(true))
                .replyPrivately(fb(COMMENT), "Could you send us your order number? \"Thanks\"");

        GraphServer.Call call = server.calls().get(0);
        ObjectMapper json = new ObjectMapper();
        assertEquals(COMMENT, json.readTree(call.form().get("recipient")).get("comment_id").asText());
        assertEquals("Could you send us your order number? \"Thanks\"",
                json.readTree(call.form().get("message")).get("text").asText());
    }

    @Test
    void aPrivateReplyTheTokenDoesNotAllowIsAClearError() {
        server.route("POST", "/v25.0/" + Fixtures.PAGE_ID + "/messages", call -> Reply.of(403,
                "{\"error\":{\"message\":\"(#10) This message is sent outside of allowed window.\","
                        + "\"type\":\"OAuthException\",\"code\":10,\"error_subcode\":2018278,\"fbtrace_id\":\"Apr\"}}"));

        FacebookApiException e = assertThrows(FacebookApiException.class,
                () -> actions(Fixtures.config().toBuilder().privateReplies(true)).replyPrivately(fb(COMMENT), "hi"));
        assertEquals(10, e.code());
        assertTrue(e.getMessage().contains("outside of allowed window"), e.getMessage());
    }

    @Test
    void targetsMustBeFacebookIdsAndTextMustNotBeBlank() {
        FacebookActions actions = actions();
        assertThrows(IllegalArgumentException.class, () -> actions.reply(new MentionKey(Platform.TWITTER, "1"), "x"));
        assertThrows(IllegalArgumentException.class, () -> actions.reply(fb("../me/feed"), "x"));
        assertThrows(IllegalArgumentException.class, () -> actions.setHidden(fb("1?is_hidden=false"), true));
        assertThrows(IllegalArgumentException.class, () -> actions.reply(fb(POST), "  "));
        assertEquals(0, server.calls().size());
    }
}
