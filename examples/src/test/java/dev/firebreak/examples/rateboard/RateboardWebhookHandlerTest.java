package dev.firebreak.examples.rateboard;

import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.NOW;
import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.SECRET;
import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.post;
import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the contract does not cover: replay protection, secret rotation, the handshake's answer. */
class RateboardWebhookHandlerTest {

    private final RateboardConfig config = RateboardAdapterContractTest.config();
    private final RateboardWebhookHandler handler = RateboardWebhookHandler.of(config, RateboardMapper.of(config),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final byte[] body = resource("webhook-delivery.json");

    @Test
    void aDeliverySignedTooLongAgoIsRefusedAsAReplay() {
        String old = RateboardWebhookHandler.signature(SECRET, NOW.minus(Duration.ofMinutes(6)), body);
        WebhookResult.Rejected r = assertInstanceOf(WebhookResult.Rejected.class, handler.handle(post(body, old)));
        assertEquals(401, r.status());
        assertTrue(r.reason().contains("replayed"), r.reason());

        String recent = RateboardWebhookHandler.signature(SECRET, NOW.minus(Duration.ofMinutes(4)), body);
        assertInstanceOf(WebhookResult.Accepted.class, handler.handle(post(body, recent)));
    }

    @Test
    void duringARotationOneMatchingSignatureIsEnough() {
        String oldSecret = RateboardWebhookHandler.signature("whsec_retired", NOW, body);
        String current = RateboardWebhookHandler.signature(SECRET, NOW, body);
        String both = oldSecret + "," + current.substring(current.indexOf("v1="));
        assertInstanceOf(WebhookResult.Accepted.class, handler.handle(post(body, both)));
    }

    @Test
    void theSignatureCoversTheTimestamp() {
        String signed = RateboardWebhookHandler.signature(SECRET, NOW, body);
        String moved = signed.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 60));
        assertInstanceOf(WebhookResult.Rejected.class, handler.handle(post(body, moved)));
    }

    @Test
    void theHandshakeEchoesTheChallengeAsJson() {
        String challenge = "abc-123_x";
        WebhookRequest get = new WebhookRequest("GET", "/webhooks/rateboard", Map.of("challenge", challenge),
                Map.of("Rateboard-Signature", List.of(RateboardWebhookHandler.signature(SECRET, NOW,
                        challenge.getBytes(StandardCharsets.UTF_8)))), new byte[0]);
        WebhookResult.Challenge c = assertInstanceOf(WebhookResult.Challenge.class, handler.handle(get));
        assertEquals("{\"challenge\":\"abc-123_x\"}", c.responseBody());
        assertEquals("application/json", c.contentType());

        WebhookRequest injected = new WebhookRequest("GET", "/webhooks/rateboard", Map.of("challenge", "a\"}"),
                get.headers(), new byte[0]);
        assertEquals(400, handler.handle(injected).status());
    }

    @Test
    void aSignedBodyThatIsNotRateboardsIsABadRequest() {
        byte[] other = "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8);
        WebhookResult r = handler.handle(post(other, RateboardWebhookHandler.signature(SECRET, NOW, other)));
        assertEquals(400, r.status());
        assertTrue(((WebhookResult.Rejected) r).reason().contains("expected 'data', 'events' or 'error'"));
    }

    @Test
    void aHandlerNeedsTheSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateboardWebhookHandler.of(RateboardConfig.defaults()));
        assertTrue(e.getMessage().contains("webhookSecret"));
    }
}
