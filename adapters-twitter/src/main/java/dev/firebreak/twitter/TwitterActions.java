package dev.firebreak.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.spi.ResponseActions;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes to X for a response plan: {@linkplain #reply reply} ({@code POST /2/tweets} with
 * {@code reply.in_reply_to_tweet_id}), {@linkplain #post post} ({@code POST /2/tweets}) and
 * {@linkplain #setHidden hide a reply} ({@code PUT /2/tweets/:id/hidden}, which only works on replies
 * in conversations the user started, and is idempotent).
 *
 * <p>Writes need user context: the OAuth 2.0 user access token of the brand's account
 * ({@link TwitterConfig#userAccessToken()}, scopes {@code tweet.read tweet.write tweet.moderate.write
 * users.read}); the app-only bearer token is refused by X. Writes are never retried or delayed: a
 * 429 is thrown at once as a {@link TwitterRateLimitException} whose {@code reset()} says when to try
 * again, and a 5xx as a {@link TwitterApiException}, because a retried post could go out twice.
 * X has no private-reply call here: {@link #replyPrivately} is unsupported.
 *
 * <p>Thread-safe.
 */
public final class TwitterActions implements ResponseActions {

    private static final String CREATE = "POST /2/tweets";
    private static final String HIDE = "PUT /2/tweets/:id/hidden";

    private final TwitterClient client;
    private final String userToken;
    private final ObjectMapper json = new ObjectMapper();

    private TwitterActions(TwitterClient client) {
        this.client = client;
        this.userToken = client.config().userAccessToken().orElseThrow(() -> new IllegalArgumentException(
                "userAccessToken must be set on the TwitterConfig: X needs user context to post and hide replies"));
    }

    /**
     * Actions through this client, with its configuration's user access token.
     *
     * @throws IllegalArgumentException if the configuration has no user access token
     */
    public static TwitterActions create(TwitterClient client) {
        return new TwitterActions(Objects.requireNonNull(client, "client"));
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public MentionKey reply(MentionKey target, String text) {
        String id = twitterId(target);
        ObjectNode body = body(text);
        body.putObject("reply").put("in_reply_to_tweet_id", id);
        return created(client.write("POST", CREATE, "/2/tweets", bytes(body), userToken));
    }

    /**
     * Publishes a post on the user's account.
     *
     * @return the key of the new post
     */
    public MentionKey post(String text) {
        return created(client.write("POST", CREATE, "/2/tweets", bytes(body(text)), userToken));
    }

    @Override
    public void setHidden(MentionKey target, boolean hidden) {
        String id = twitterId(target);
        ObjectNode body = json.createObjectNode().put("hidden", hidden);
        HttpTransport.Response r = client.write("PUT", HIDE, "/2/tweets/" + id + "/hidden", bytes(body), userToken);
        JsonNode data = read(r).path("data");
        if (!data.path("hidden").isBoolean() || data.path("hidden").booleanValue() != hidden) {
            throw new TwitterException("X answered " + r.status() + " to " + HIDE + " for post " + id
                    + " but did not confirm hidden=" + hidden);
        }
    }

    private MentionKey created(HttpTransport.Response r) {
        JsonNode id = read(r).path("data").path("id");
        if (!(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new TwitterException("X answered " + r.status() + " to " + CREATE + " without the new post's id");
        }
        return new MentionKey(Platform.TWITTER, id.asText());
    }

    private ObjectNode body(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        return json.createObjectNode().put("text", text);
    }

    private static String twitterId(MentionKey target) {
        Objects.requireNonNull(target, "target");
        if (!target.platform().equals(Platform.TWITTER)) {
            throw new IllegalArgumentException("target must be an X post, was " + target);
        }
        if (!target.id().matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("target id must be a numeric X post id, was '" + target.id() + "'");
        }
        return target.id();
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode read(HttpTransport.Response r) {
        try {
            JsonNode node = json.readTree(r.body());
            return node == null ? json.missingNode() : node;
        } catch (IOException e) {
            throw new TwitterException("X answered " + r.status() + " with a body that is not JSON", e);
        }
    }

    @Override
    public String toString() {
        return "TwitterActions[" + client.config().baseUri() + ", userAccessToken=<redacted>]";
    }
}
