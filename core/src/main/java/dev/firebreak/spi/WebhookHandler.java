package dev.firebreak.spi;

/**
 * Verifies and reads webhook requests from one platform: answers its verification handshake, checks
 * the signature over the raw body bytes in constant time, and maps verified bodies to mentions.
 *
 * <p>Never throws for a bad request: a bad signature, a missing header or an unreadable body is a
 * {@link WebhookResult.Rejected} with a clear reason.
 */
public interface WebhookHandler {

    /** Handles one request. */
    WebhookResult handle(WebhookRequest request);
}
