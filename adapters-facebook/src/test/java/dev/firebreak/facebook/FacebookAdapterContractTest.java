package dev.firebreak.facebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.testkit.PlatformAdapterContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared adapter contract, run against the Facebook adapter. */
class FacebookAdapterContractTest extends PlatformAdapterContract {

    private final FacebookConfig config = Fixtures.config();

    @Override
    protected PayloadMapper mapper() {
        return FacebookMapper.of(config);
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.of("feed page with embedded comments and replies", Fixtures.text("feed-page-1.json"), 6, 0),
                Fixture.of("last feed page", Fixtures.text("feed-page-2.json"), 1, 0),
                Fixture.of("comments page", Fixtures.text("comments-page.json"), 3, 0),
                Fixture.of("ratings page (ratings and recommendations)", Fixtures.text("ratings-page.json"), 4, 0),
                Fixture.of("webhook with mixed changes", Fixtures.text("webhook-feed-mixed.json"), 6, 3),
                Fixture.of("webhook adding then hiding one comment", Fixtures.text("webhook-hide-in-batch.json"), 1, 0),
                Fixture.of("batch response", Fixtures.text("batch-response.json"), 1, 2),
                Fixture.of("single post", Fixtures.text("post-single.json"), 1, 0),
                Fixture.of("scheduled posts are not mentions", Fixtures.text("scheduled-posts-page.json"), 0, 0));
    }

    @Override
    protected List<Fixture> errorPayloads() {
        return List.of(
                Fixture.of("expired token", Fixtures.text("error-expired-token.json"), 0, 0),
                Fixture.of("throttled", Fixtures.text("error-throttled.json"), 0, 0),
                Fixture.of("unknown object", Fixtures.text("error-unknown-path.json"), 0, 0));
    }

    @Override
    protected List<VisibilityUpdate> visibilityUpdates() {
        String hideWebhook = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + Fixtures.PAGE_ID + "\",\"time\":1714561000,"
                + "\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"hide\","
                + "\"comment_id\":\"772210398845512_1290384756102938\",\"post_id\":\"" + Fixtures.PAGE_ID
                + "_772210398845512\",\"from\":{\"id\":10158231746339810},\"created_time\":1714561000}}]}]}";
        return List.of(
                VisibilityUpdate.of("polled comment hidden by a webhook", Fixtures.text("comments-page.json"),
                        hideWebhook, "772210398845512_1290384756102938", Visibility.HIDDEN),
                VisibilityUpdate.of("polled visitor post removed by its author", Fixtures.text("feed-page-1.json"),
                        Fixtures.text("webhook-feed-mixed.json"), Fixtures.PAGE_ID + "_772209911112222",
                        Visibility.REMOVED),
                VisibilityUpdate.of("comment added then hidden", Fixtures.text("webhook-feed-mixed.json")
                                .replace("772210398845512_1290384756112233", "772210398845512_1290384756177777"),
                        Fixtures.text("webhook-hide-in-batch.json"), "772210398845512_1290384756177777",
                        Visibility.HIDDEN));
    }

    @Override
    protected Optional<byte[]> payloadWithText(String text) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode post = root.putArray("data").addObject();
        post.put("id", Fixtures.PAGE_ID + "_1");
        post.put("message", text);
        post.put("created_time", "2024-05-01T10:15:00+0000");
        try {
            return Optional.of(json.writeValueAsBytes(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Optional<WebhookFixture> webhook() {
        FacebookWebhookHandler handler = FacebookWebhookHandler.of(config);
        return Optional.of(new WebhookFixture() {
            @Override
            public WebhookHandler handler() {
                return handler;
            }

            @Override
            public byte[] body() {
                return Fixtures.bytes("webhook-feed-mixed.json");
            }

            @Override
            public int expectedMentions() {
                return 6;
            }

            @Override
            public WebhookRequest signed(byte[] body) {
                return Fixtures.signed(body, Fixtures.APP_SECRET);
            }

            @Override
            public WebhookRequest signedWithWrongSecret(byte[] body) {
                return Fixtures.signed(body, "another-apps-secret-000");
            }

            @Override
            public WebhookRequest unsigned(byte[] body) {
                return WebhookRequest.post("/webhooks/facebook", Map.of("Content-Type", List.of("application/json")),
                        body);
            }

            @Override
            public Optional<WebhookRequest> handshake() {
                return Optional.of(WebhookRequest.get("/webhooks/facebook", Map.of("hub.mode", "subscribe",
                        "hub.verify_token", Fixtures.VERIFY_TOKEN, "hub.challenge", "1158201444")));
            }

            @Override
            public Optional<WebhookRequest> badHandshake() {
                return Optional.of(WebhookRequest.get("/webhooks/facebook", Map.of("hub.mode", "subscribe",
                        "hub.verify_token", "guessed-token", "hub.challenge", "1158201444")));
            }
        });
    }

    @Override
    protected Object configWithSecrets() {
        return config;
    }

    @Override
    protected List<String> secrets() {
        return List.of(Fixtures.TOKEN, Fixtures.APP_SECRET, Fixtures.VERIFY_TOKEN);
    }
}
