package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.facebook.internal.Hmac;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacebookWebhookHandlerTest {

    private final FacebookWebhookHandler handler = FacebookWebhookHandler.of(Fixtures.config());

    private static WebhookRequest handshake(String mode, String token, String challenge) {
        Map<String, String> q = new java.util.HashMap<>();
        if (mode != null) {
            q.put("hub.mode", mode);
        }
        if (token != null) {
            q.put("hub.verify_token", token);
        }
        if (challenge != null) {
            q.put("hub.challenge", challenge);
        }
        return WebhookRequest.get("/webhooks/facebook", q);
    }

    @Test
    void theHandshakeEchoesTheChallengeWhenTheVerifyTokenMatches() {
        WebhookResult r = handler.handle(handshake("subscribe", Fixtures.VERIFY_TOKEN, "1158201444"));

        WebhookResult.Challenge c = assertInstanceOf(WebhookResult.Challenge.class, r);
        assertEquals("1158201444", c.responseBody());
        assertEquals(200, c.status());
        assertTrue(c.contentType().startsWith("text/plain"));
    }

    @Test
    void badHandshakesAreRefusedWithoutEchoingAnything() {
        assertEquals(403, handler.handle(handshake("subscribe", "wrong", "1")).status());
        assertEquals(403, handler.handle(handshake("subscribe", null, "1")).status());
        assertEquals(400, handler.handle(handshake("unsubscribe", Fixtures.VERIFY_TOKEN, "1")).status());
        assertEquals(400, handler.handle(handshake(null, null, null)).status());
        assertEquals(400, handler.handle(handshake("subscribe", Fixtures.VERIFY_TOKEN, "<script>")).status(),
                "only plain challenges are echoed");
        WebhookResult noToken = FacebookWebhookHandler.of(FacebookConfig.builder().appSecret("s3cret-x").build())
                .handle(handshake("subscribe", "anything", "1"));
        assertEquals(403, noToken.status());
    }

    @Test
    void aSignedMixedBatchIsAcceptedWithItsRejectedChanges() {
        byte[] body = Fixtures.bytes("webhook-feed-mixed.json");

        WebhookResult r = handler.handle(Fixtures.signed(body, Fixtures.APP_SECRET));

        WebhookResult.Accepted a = assertInstanceOf(WebhookResult.Accepted.class, r);
        assertEquals(6, a.payload().mentions().size());
        assertEquals(3, a.payload().rejected().size());
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesNotTheParsedJson() {
        // Facebook signs the body as sent, with non-ASCII escaped; the same JSON re-encoded does not verify
        String escaped = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1714560100,\"changes\":[{\"field\":"
                + "\"feed\",\"value\":{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"1_2\",\"message\":"
                + "\"caf\\u00e9 \\ud83d\\ude21\"}}]}]}";
        byte[] sent = escaped.getBytes(StandardCharsets.UTF_8);
        WebhookRequest signed = Fixtures.signed(sent, Fixtures.APP_SECRET);

        WebhookResult.Accepted a = assertInstanceOf(WebhookResult.Accepted.class, handler.handle(signed));
        assertEquals("café 😡", a.payload().mentions().get(0).text());

        byte[] reencoded = escaped.replace("\\u00e9", "é").replace("\\ud83d\\ude21", "😡").getBytes(StandardCharsets.UTF_8);
        WebhookRequest sameJsonOtherBytes = new WebhookRequest("POST", signed.path(), signed.query(), signed.headers(),
                reencoded);
        assertEquals(401, handler.handle(sameJsonOtherBytes).status());
    }

    @Test
    void theLegacySha1HeaderAloneIsNotEnough() {
        byte[] body = Fixtures.bytes("webhook-hide-in-batch.json");
        WebhookRequest r = WebhookRequest.post("/", Map.of("X-Hub-Signature", List.of("sha1=0123")), body);

        WebhookResult.Rejected rejected = assertInstanceOf(WebhookResult.Rejected.class, handler.handle(r));
        assertEquals(401, rejected.status());
        assertTrue(rejected.reason().contains("SHA-1"), rejected.reason());
    }

    @Test
    void upperCaseHexAndSurroundingSpacesAreAccepted() {
        byte[] body = Fixtures.bytes("webhook-hide-in-batch.json");
        String hex = Hmac.hex(Hmac.sha256(Fixtures.APP_SECRET, body)).toUpperCase(java.util.Locale.ROOT);
        WebhookRequest r = WebhookRequest.post("/", Map.of("x-hub-signature-256", List.of(" SHA256=" + hex + " ")), body);

        assertInstanceOf(WebhookResult.Accepted.class, handler.handle(r));
    }

    @Test
    void aSignedBodyThatIsNotAPageWebhookIsABadRequest() {
        byte[] body = "{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

        WebhookResult.Rejected r = assertInstanceOf(WebhookResult.Rejected.class,
                handler.handle(Fixtures.signed(body, Fixtures.APP_SECRET)));
        assertEquals(400, r.status());
        assertTrue(r.reason().contains("user"), r.reason());
    }

    @Test
    void otherMethodsAreRefused() {
        WebhookRequest put = new WebhookRequest("PUT", "/", Map.of(), Map.of(), new byte[0]);
        assertEquals(405, handler.handle(put).status());
    }

    @Test
    void aHandlerNeedsTheAppSecretAndNeverShowsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FacebookWebhookHandler.of(FacebookConfig.defaults()));
        assertTrue(e.getMessage().contains("appSecret"));
        assertFalse(handler.toString().contains(Fixtures.APP_SECRET));
        assertFalse(handler.toString().contains(Fixtures.VERIFY_TOKEN));
    }
}
