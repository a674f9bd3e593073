package dev.firebreak.twitter;

import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.testkit.PlatformAdapterContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The X adapter passes the shared adapter test kit. */
class TwitterAdapterContractTest extends PlatformAdapterContract {

    static final String SECRET = "firebreak-test-consumer-secret";
    static final String BEARER = "AAAAAAAAAAAAAAAAAAAAAFirebreakBearerToken0123456789";
    static final String USER_TOKEN = "dXNlci1jb250ZXh0LWFjY2Vzcy10b2tlbi1maXJlYnJlYWs";

    static TwitterConfig config() {
        return TwitterConfig.builder().bearerToken(BEARER).userAccessToken(USER_TOKEN).consumerSecret(SECRET).build();
    }

    @Override
    protected PayloadMapper mapper() {
        return new TwitterMapper();
    }

    @Override
    protected List<Fixture> fixtures() {
        List<Fixture> fixtures = new java.util.ArrayList<>(List.of(
                fixture("search-page-1.json", 3, 0),
                fixture("search-page-2.json", 2, 0),
                fixture("search-empty.json", 0, 0),
                fixture("mentions-page.json", 2, 0),
                fixture("lookup-partial-errors.json", 1, 1),
                fixture("lookup-single.json", 1, 0),
                fixture("lookup-all-missing.json", 0, 1),
                fixture("aaa-tweet-create.json", 2, 0)));
        String[] lines = Fixtures.text("stream-records.txt").split("\r\n");
        fixtures.add(Fixture.of("stream record", lines[0], 1, 0));
        return fixtures;
    }

    private static Fixture fixture(String name, int mentions, int rejected) {
        return new Fixture(name, Fixtures.bytes(name), mentions, rejected);
    }

    @Override
    protected List<Fixture> errorPayloads() {
        return List.of(
                fixture("error-401.json", 0, 0),
                fixture("error-403-client-forbidden.json", 0, 0),
                fixture("error-400-invalid-request.json", 0, 0),
                fixture("error-429.json", 0, 0),
                fixture("error-v1-88.json", 0, 0),
                fixture("error-stream-too-many-connections.json", 0, 0));
    }

    @Override
    protected Optional<byte[]> payloadWithText(String text) {
        // X sends &, < and > as entities; the mapper decodes them, so the round trip is exact
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        com.fasterxml.jackson.databind.node.ObjectNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        root.putArray("data").addObject().put("id", "1785651234567890004").put("text", escaped)
                .put("created_at", "2024-05-01T10:15:00.000Z");
        return Optional.of(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Optional<WebhookFixture> webhook() {
        TwitterWebhookHandler handler = TwitterWebhookHandler.builder(config()).build();
        return Optional.of(new WebhookFixture() {
            @Override
            public WebhookHandler handler() {
                return handler;
            }

            @Override
            public byte[] body() {
                return Fixtures.bytes("aaa-tweet-create.json");
            }

            @Override
            public int expectedMentions() {
                return 2;
            }

            @Override
            public WebhookRequest signed(byte[] body) {
                return post(body, sign(SECRET, body));
            }

            @Override
            public WebhookRequest signedWithWrongSecret(byte[] body) {
                return post(body, sign("another-apps-consumer-secret", body));
            }

            @Override
            public WebhookRequest unsigned(byte[] body) {
                return WebhookRequest.post("/webhooks/x", Map.of("content-type", List.of("application/json")), body);
            }

            @Override
            public Optional<WebhookRequest> handshake() {
                return Optional.of(WebhookRequest.get("/webhooks/x",
                        Map.of("crc_token", "9b4507b3-9040-4669-9ca3-6b94edb50553")));
            }

            @Override
            public Optional<WebhookRequest> badHandshake() {
                return Optional.of(WebhookRequest.get("/webhooks/x", Map.of()));
            }
        });
    }

    static WebhookRequest post(byte[] body, String signature) {
        return WebhookRequest.post("/webhooks/x", Map.of("Content-Type", List.of("application/json"),
                "X-Twitter-Webhooks-Signature", List.of(signature)), body);
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected Object configWithSecrets() {
        return config();
    }

    @Override
    protected List<String> secrets() {
        return List.of(SECRET, BEARER, USER_TOKEN);
    }
}
