package dev.firebreak.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.facebook.internal.GraphValues;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.spi.ResponseActions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replies, hides and answers privately on the Page, as the Page.
 *
 * <ul>
 *   <li>{@link #reply}: {@code POST /{object-id}/comments} with {@code message}; a post gets a
 *       comment, a comment a threaded reply. Returns the new comment's key. Never retried after a
 *       network or transient failure, so a reply is not posted twice.</li>
 *   <li>{@link #setHidden}: {@code POST /{comment-id}} with {@code is_hidden=true|false}. Only comments
 *       on the Page's own content can be hidden (Graph's {@code can_hide}); a hidden comment stays
 *       visible to its author and their friends.</li>
 *   <li>{@link #replyPrivately}: a private reply to a comment through the Page's Messenger inbox,
 *       {@code POST /{page-id}/messages} with {@code recipient={"comment_id": ...}}. Off unless
 *       {@link FacebookConfig#privateReplies()} is set, as the Page token then needs Messenger
 *       permissions; this endpoint is not part of the project's Graph API digest and should be
 *       checked against Meta's current Private Replies documentation before relying on it.</li>
 * </ul>
 * Failures are {@link FacebookApiException}s with Facebook's code (for example 10 or 200 for missing
 * permissions), or {@link FacebookException} when Facebook answered without confirming.
 */
public final class FacebookActions implements ResponseActions {

    private final FacebookClient client;
    private final ObjectMapper json = new ObjectMapper();

    private FacebookActions(FacebookClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Actions through this client, as its Page. */
    public static FacebookActions of(FacebookClient client) {
        return new FacebookActions(client);
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public MentionKey reply(MentionKey target, String text) {
        String id = target(target);
        checkText(text);
        JsonNode r = client.post(id + "/comments", Map.of("message", text), false);
        Optional<String> replyId = GraphValues.id(r, "id");
        if (replyId.isEmpty()) {
            throw new FacebookException("Facebook accepted the reply to " + id + " but returned no comment id");
        }
        return new MentionKey(Platform.FACEBOOK, replyId.get());
    }

    @Override
    public void setHidden(MentionKey target, boolean hidden) {
        String id = target(target);
        JsonNode r = client.post(id, Map.of("is_hidden", Boolean.toString(hidden)), true);
        boolean success = r.isBoolean() ? r.booleanValue() : GraphValues.bool(r.get("success")).orElse(false);
        if (!success) {
            throw new FacebookException("Facebook did not confirm " + (hidden ? "hiding" : "unhiding") + " comment " + id
                    + "; only comments on the Page's own posts can be hidden (see the comment's can_hide)");
        }
    }

    /**
     * Sends a private reply to a comment from the Page's Messenger inbox.
     *
     * @throws UnsupportedOperationException if private replies are not enabled in the config
     * @throws FacebookApiException if Facebook refuses (for example the token lacks Messenger permissions)
     */
    @Override
    public void replyPrivately(MentionKey target, String text) {
        String id = target(target);
        checkText(text);
        if (!client.config().privateReplies()) {
            throw new UnsupportedOperationException("private replies are off for this Facebook Page: they need a Page "
                    + "token with Messenger permissions; enable them with FacebookConfig.Builder.privateReplies(true)");
        }
        ObjectNode recipient = json.createObjectNode().put("comment_id", id);
        ObjectNode message = json.createObjectNode().put("text", text);
        JsonNode r;
        try {
            r = client.post(client.pageId() + "/messages", Map.of(
                    "recipient", json.writeValueAsString(recipient),
                    "message", json.writeValueAsString(message)), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a private reply", e);
        }
        if (r.isObject() && !r.has("message_id") && !r.has("recipient_id")) {
            throw new FacebookException("Facebook did not confirm the private reply to " + id);
        }
    }

    private static String target(MentionKey target) {
        Objects.requireNonNull(target, "target");
        if (!target.platform().equals(Platform.FACEBOOK)) {
            throw new IllegalArgumentException("target must be a Facebook mention, was " + target);
        }
        return FacebookClient.checkId(target.id(), "target id");
    }

    private static void checkText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }

    @Override
    public String toString() {
        return "FacebookActions[" + client + "]";
    }
}
