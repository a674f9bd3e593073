package dev.firebreak.twitter;

import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receives X webhook deliveries (Account Activity API / v2 webhooks).
 *
 * <ul>
 *   <li>{@code GET ?crc_token=T} is the challenge-response check X runs at registration and then
 *       periodically: the answer is {@code {"response_token":"sha256=<base64 HMAC-SHA256(consumer
 *       secret, T)>"}} (X wants it within 3 s; this is a hash, well within).</li>
 *   <li>{@code POST} deliveries must carry {@code x-twitter-webhooks-signature: sha256=<base64
 *       HMAC-SHA256(consumer secret, raw body)>}. The signature is checked over the raw bytes before
 *       anything is parsed, with a constant-time comparison; a missing, malformed or wrong signature
 *       is a {@link WebhookResult.Rejected} (401) with the reason, and nothing of the body is read.
 *       A verified body is mapped by {@link TwitterMapper} (its {@code tweet_create_events} become
 *       mentions).</li>
 * </ul>
 *
 * <p>Never throws for a bad request. Thread-safe.
 */
public final class TwitterWebhookHandler implements WebhookHandler {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    private final TwitterMapper mapper;
    private final int maxBodyBytes;

    private TwitterWebhookHandler(Builder b) {
        this.key = new SecretKeySpec(b.consumerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mapper = b.mapper;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * A builder with the consumer secret of the configuration.
     *
     * @throws IllegalArgumentException if the configuration has no consumer secret
     */
    public static Builder builder(TwitterConfig config) {
        String secret = config.consumerSecret().orElseThrow(() -> new IllegalArgumentException(
                "consumerSecret must be set on the TwitterConfig to verify X webhooks"));
        return new Builder(secret);
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        switch (request.method()) {
            case "GET":
                return crc(request);
            case "POST":
                return delivery(request);
            default:
                return new WebhookResult.Rejected(405, "method " + excerpt(request.method())
                        + " not allowed: X sends GET for the CRC check and POST for events");
        }
    }

    private WebhookResult crc(WebhookRequest request) {
        String token = request.query().get("crc_token");
        if (token == null || token.isEmpty()) {
            return new WebhookResult.Rejected(400, "GET without a crc_token parameter: not an X CRC check");
        }
        if (token.length() > 1024) {
            return new WebhookResult.Rejected(400, "crc_token longer than 1024 characters");
        }
        String response = "{\"response_token\":\"" + PREFIX + base64Hmac(token.getBytes(StandardCharsets.UTF_8)) + "\"}";
        return new WebhookResult.Challenge(response, "application/json");
    }

    private WebhookResult delivery(WebhookRequest request) {
        Optional<String> header = request.header(SIGNATURE_HEADER);
        if (header.isEmpty()) {
            return new WebhookResult.Rejected(401, "missing " + SIGNATURE_HEADER + " header: not a signed X delivery");
        }
        String value = header.get().strip();
        if (value.length() < PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return new WebhookResult.Rejected(401, SIGNATURE_HEADER + " must start with 'sha256='");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return new WebhookResult.Rejected(401, SIGNATURE_HEADER + " is not valid base64");
        }
        if (claimed.length != 32) {
            return new WebhookResult.Rejected(401, SIGNATURE_HEADER + " does not hold a 32-byte HMAC-SHA256");
        }
        byte[] body = request.body();
        if (body.length > maxBodyBytes) {
            return new WebhookResult.Rejected(413, "body of " + body.length + " bytes is larger than the limit of "
                    + maxBodyBytes);
        }
        if (!MessageDigest.isEqual(claimed, hmac(body))) {
            return new WebhookResult.Rejected(401, "signature does not match the body: signed with another consumer "
                    + "secret, or the body was changed on the way");
        }
        try {
            MappedPayload payload = mapper.map(body);
            return new WebhookResult.Accepted(payload);
        } catch (PayloadException e) {
            return new WebhookResult.Rejected(400, "signed body could not be read: " + e.getMessage());
        }
    }

    /** {@code base64(HMAC-SHA256(consumer secret, message))}: the CRC response and signature value. */
    String base64Hmac(byte[] message) {
        return Base64.getEncoder().encodeToString(hmac(message));
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String excerpt(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    @Override
    public String toString() {
        return "TwitterWebhookHandler[consumerSecret=<redacted>, maxBodyBytes=" + maxBodyBytes + "]";
    }

    /** Builds a {@link TwitterWebhookHandler}. */
    public static final class Builder {
        private final String consumerSecret;
        private TwitterMapper mapper = new TwitterMapper();
        private int maxBodyBytes = 10 * 1024 * 1024;

        private Builder(String consumerSecret) {
            this.consumerSecret = consumerSecret;
        }

        /** The mapper for verified bodies; default a {@link TwitterMapper} on the system clock. */
        public Builder mapper(TwitterMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** The largest body accepted: 1 byte to 100 MiB; default 10 MiB. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > 100 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (100 * 1024 * 1024)
                        + ", was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The handler. */
        public TwitterWebhookHandler build() {
            return new TwitterWebhookHandler(this);
        }
    }
}
