package dev.firebreak.examples.rateboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.testkit.PlatformAdapterContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Rateboard adapter passes the shared adapter test kit: this is all a custom adapter needs to write to
 * get the contract (fixtures, unknown fields, error bodies, hiding, malformed input, hostile text,
 * signatures, secrets) checked.
 */
class RateboardAdapterContractTest extends PlatformAdapterContract {

    static final String API_KEY = "rb_live_contract_key_51c2e9";
    static final String SECRET = "whsec_contract_secret_a7f0";
    static final Instant NOW = Instant.parse("2026-03-03T19:00:00Z");

    static RateboardConfig config() {
        return RateboardConfig.builder().businessId("kestrel-soho").apiKey(API_KEY).webhookSecret(SECRET)
                .brand("kestrel").build();
    }

    static byte[] resource(String name) {
        try (InputStream in = RateboardAdapterContractTest.class.getResourceAsStream(
                "/dev/firebreak/examples/rateboard/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- README: contract
    @Override
    protected PayloadMapper mapper() {
        return RateboardMapper.of(config());
    }

    @Override
    protected List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>(List.of(   // payload, mentions expected, items rejected
                new Fixture("reviews page 1 (five reviews, one reply)", resource("reviews-page-1.json"), 6, 0),
                new Fixture("reviews page 2 (a rating of 7)", resource("reviews-page-2.json"), 4, 1),
                new Fixture("webhook delivery", resource("webhook-delivery.json"), 5, 1)));
        // --- end
        fixtures.addAll(List.of(
                Fixture.of("single review", "{\"data\": {\"id\": \"rv_1\", \"rating\": 2, \"text\": \"meh\", "
                        + "\"created_at\": \"2026-03-01T10:00:00+02:00\"}}", 1, 0),
                Fixture.of("empty page", "{\"data\": [], \"paging\": {\"next_cursor\": null, \"has_more\": false}}",
                        0, 0),
                Fixture.of("items that cannot be read", "{\"data\": [{\"rating\": 1, \"created_at\": "
                        + "\"2026-03-01T10:00:00Z\"}, {\"id\": \"rv_2\", \"created_at\": \"yesterday\"}, 42, "
                        + "{\"id\": \"rv_3\", \"created_at\": \"2026-03-01T10:00:00Z\", \"status\": \"archived\"}, "
                        + "{\"id\": \"rv_4\", \"created_at\": \"2026-03-01T10:00:00Z\", \"replies\": [{\"id\": "
                        + "\"rp_1\"}, {\"id\": \"rp_2\", \"created_at\": \"2026-03-01T11:00:00Z\", \"text\": \"ok\"}]}]}",
                        2, 5)));
        return fixtures;
    }

    @Override
    protected List<Fixture> errorPayloads() {
        return List.of(
                Fixture.of("401", "{\"error\": {\"code\": \"unauthorized\", \"message\": \"Invalid API key\"}}", 0, 0),
                Fixture.of("429", "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Too many requests\"}}", 0,
                        0),
                Fixture.of("404", "{\"error\": {\"code\": \"not_found\", \"message\": \"No business kestrel-x\"}}", 0,
                        0),
                Fixture.of("500", "{\"error\": {\"code\": \"internal\"}}", 0, 0));
    }

    @Override
    protected Optional<byte[]> payloadWithText(String text) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putArray("data").addObject().put("id", "rv_77").put("rating", 3).put("text", text)
                .put("created_at", "2026-03-01T10:00:00Z");
        return Optional.of(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected List<VisibilityUpdate> visibilityUpdates() {
        return List.of(
                new VisibilityUpdate("review.hidden by moderation", resource("reviews-page-2.json"),
                        resource("webhook-delivery.json"), "rv_1006", Visibility.HIDDEN),
                VisibilityUpdate.of("review.deleted by its author", "{\"data\": [{\"id\": \"rv_5\", \"text\": \"x\", "
                        + "\"created_at\": \"2026-03-01T10:00:00Z\"}]}", "{\"events\": [{\"type\": "
                        + "\"review.deleted\", \"data\": {\"id\": \"rv_5\", \"text\": \"x\", \"created_at\": "
                        + "\"2026-03-01T10:00:00Z\", \"status\": \"removed\"}}]}", "rv_5", Visibility.REMOVED));
    }

    @Override
    protected Optional<WebhookFixture> webhook() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RateboardWebhookHandler handler = RateboardWebhookHandler.of(config(), RateboardMapper.of(config()), clock);
        return Optional.of(new WebhookFixture() {
            @Override
            public WebhookHandler handler() {
                return handler;
            }

            @Override
            public byte[] body() {
                return resource("webhook-delivery.json");
            }

            @Override
            public int expectedMentions() {
                return 5;
            }

            @Override
            public WebhookRequest signed(byte[] body) {
                return post(body, RateboardWebhookHandler.signature(SECRET, NOW, body));
            }

            @Override
            public WebhookRequest signedWithWrongSecret(byte[] body) {
                return post(body, RateboardWebhookHandler.signature("whsec_someone_else", NOW, body));
            }

            @Override
            public WebhookRequest unsigned(byte[] body) {
                return WebhookRequest.post("/webhooks/rateboard", Map.of(), body);
            }

            @Override
            public Optional<WebhookRequest> handshake() {
                String challenge = "c_4f9a2b";
                return Optional.of(new WebhookRequest("GET", "/webhooks/rateboard", Map.of("challenge", challenge),
                        Map.of("Rateboard-Signature", List.of(RateboardWebhookHandler.signature(SECRET, NOW,
                                challenge.getBytes(StandardCharsets.UTF_8)))), new byte[0]));
            }

            @Override
            public Optional<WebhookRequest> badHandshake() {
                return Optional.of(WebhookRequest.get("/webhooks/rateboard", Map.of("challenge", "c_4f9a2b")));
            }
        });
    }

    static WebhookRequest post(byte[] body, String signature) {
        return WebhookRequest.post("/webhooks/rateboard", Map.of("Content-Type", List.of("application/json"),
                "Rateboard-Signature", List.of(signature)), body);
    }

    @Override
    protected Object configWithSecrets() {
        return config();
    }

    @Override
    protected List<String> secrets() {
        return List.of(API_KEY, SECRET);
    }
}
