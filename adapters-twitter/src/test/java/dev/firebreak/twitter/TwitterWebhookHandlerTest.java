package dev.firebreak.twitter;

import static dev.firebreak.twitter.TwitterAdapterContractTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwitterWebhookHandlerTest {

    private final TwitterWebhookHandler handler =
            TwitterWebhookHandler.builder(TwitterAdapterContractTest.config()).build();

    @Test
    void crcCheckIsAnsweredWithTheBase64HmacOfTheToken() {
        WebhookResult r = handler.handle(WebhookRequest.get("/webhooks/x",
                Map.of("crc_token", "9b4507b3-9040-4669-9ca3-6b94edb50553")));
        WebhookResult.Challenge c = assertInstanceOf(WebhookResult.Challenge.class, r);
        // computed independently: printf %s TOKEN | openssl dgst -sha256 -hmac SECRET -binary | base64
        assertEquals("{\"response_token\":\"sha256=eXgLKGpJKHhpnR1BkpMUx74jegtwNgf+Pfb8amkCIcw=\"}", c.responseBody());
        assertEquals("application/json", c.contentType());
        assertEquals(200, c.status());
    }

    @Test
    void signatureIsCheckedOverTheRawBytes() {
        byte[] body = "{\"for_user_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        // computed independently with openssl, as above
        WebhookResult r = handler.handle(TwitterAdapterContractTest.post(body,
                "sha256=Genm5PIOdImlu0yISv/klHsVhU7HauiEu1BJWN+d754="));
        assertInstanceOf(WebhookResult.Accepted.class, r);

        byte[] reserialised = "{ \"for_user_id\": \"1\" }".getBytes(StandardCharsets.UTF_8);
        WebhookResult same = handler.handle(TwitterAdapterContractTest.post(reserialised,
                "sha256=Genm5PIOdImlu0yISv/klHsVhU7HauiEu1BJWN+d754="));
        assertInstanceOf(WebhookResult.Rejected.class, same, "the same JSON with other bytes is another body");
    }

    @Test
    void badSignaturesAreRejectedWithAClearReasonAndNothingIngested() {
        byte[] body = Fixtures.bytes("aaa-tweet-create.json");
        assertReason(WebhookRequest.post("/webhooks/x", Map.of(), body), 401, "missing x-twitter-webhooks-signature");
        assertReason(TwitterAdapterContractTest.post(body, "md5=abc"), 401, "must start with 'sha256='");
        assertReason(TwitterAdapterContractTest.post(body, "sha256=***"), 401, "not valid base64");
        assertReason(TwitterAdapterContractTest.post(body, "sha256=AAAA"), 401, "32-byte");
        assertReason(TwitterAdapterContractTest.post(body, TwitterAdapterContractTest.sign("other", body)), 401,
                "does not match");
    }

    private void assertReason(WebhookRequest request, int status, String reason) {
        WebhookResult.Rejected r = assertInstanceOf(WebhookResult.Rejected.class, handler.handle(request));
        assertEquals(status, r.status());
        assertTrue(r.reason().contains(reason), r.reason());
        assertFalse(r.reason().contains(SECRET));
    }

    @Test
    void aSignedBodyThatIsNotAnXPayloadIsRejectedAsBadRequest() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
        WebhookResult.Rejected r = assertInstanceOf(WebhookResult.Rejected.class,
                handler.handle(TwitterAdapterContractTest.post(body, TwitterAdapterContractTest.sign(SECRET, body))));
        assertEquals(400, r.status());
        assertTrue(r.reason().contains("could not be read"), r.reason());
    }

    @Test
    void oversizedBodiesAndOtherMethodsAreRefused() {
        TwitterWebhookHandler small = TwitterWebhookHandler.builder(TwitterAdapterContractTest.config())
                .maxBodyBytes(10).build();
        byte[] body = Fixtures.bytes("aaa-tweet-create.json");
        WebhookResult.Rejected big = assertInstanceOf(WebhookResult.Rejected.class,
                small.handle(TwitterAdapterContractTest.post(body, TwitterAdapterContractTest.sign(SECRET, body))));
        assertEquals(413, big.status());
        WebhookResult.Rejected put = assertInstanceOf(WebhookResult.Rejected.class, handler.handle(
                new WebhookRequest("PUT", "/webhooks/x", Map.of(), Map.of("x", List.of("y")), body)));
        assertEquals(405, put.status());
    }

    @Test
    void aHandlerNeedsTheConsumerSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TwitterWebhookHandler.builder(TwitterConfig.defaults()));
        assertTrue(e.getMessage().contains("consumerSecret"));
        assertFalse(handler.toString().contains(SECRET));
    }
}
