package dev.firebreak.facebook;

import dev.firebreak.facebook.internal.Hmac;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Facebook Page webhooks: answers the subscription handshake and verifies, then maps, event
 * deliveries.
 *
 * <ul>
 *   <li>{@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}: when the mode is
 *       {@code subscribe} and the verify token matches the configured one (compared in constant
 *       time), the answer is the challenge as plain text; otherwise 403 (wrong token) or 400.</li>
 *   <li>{@code POST} with {@code X-Hub-Signature-256: sha256=<hex>}: the lower-case hex HMAC-SHA256 of
 *       the raw body bytes, keyed with the app secret, compared in constant time. A missing,
 *       malformed or wrong signature is rejected with 401 and nothing from the body is read. The
 *       legacy SHA-1 {@code X-Hub-Signature} header is not accepted on its own.</li>
 *   <li>A verified body is mapped by {@link FacebookMapper}: the result is
 *       {@link WebhookResult.Accepted} with the mentions and the rejected changes; a body that cannot
 *       be read at all is rejected with 400.</li>
 * </ul>
 *
 * <p>Rejection reasons never contain the app secret, the verify token or the expected signature.
 * Instances are immutable and thread-safe.
 */
public final class FacebookWebhookHandler implements WebhookHandler {

    /** The signature header Facebook sends. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final Logger LOG = LoggerFactory.getLogger(FacebookWebhookHandler.class);
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final String PREFIX = "sha256=";

    private final String appSecret;
    private final Optional<String> verifyToken;
    private final FacebookMapper mapper;

    private FacebookWebhookHandler(String appSecret, Optional<String> verifyToken, FacebookMapper mapper) {
        this.appSecret = appSecret;
        this.verifyToken = verifyToken;
        this.mapper = mapper;
    }

    /**
     * A handler with the config's app secret and verify token, mapping with {@code FacebookMapper.of(config)}.
     *
     * @throws IllegalArgumentException if the config has no app secret
     */
    public static FacebookWebhookHandler of(FacebookConfig config) {
        return of(config, FacebookMapper.of(config));
    }

    /**
     * A handler with the config's app secret and verify token and the given mapper.
     *
     * @throws IllegalArgumentException if the config has no app secret
     */
    public static FacebookWebhookHandler of(FacebookConfig config, FacebookMapper mapper) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(mapper, "mapper");
        String secret = config.appSecret().orElseThrow(() -> new IllegalArgumentException(
                "appSecret is required to verify webhook signatures: set FacebookConfig.Builder.appSecret"));
        return new FacebookWebhookHandler(secret, config.verifyToken(), mapper);
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        switch (request.method()) {
            case "GET":
                return handshake(request);
            case "POST":
                return delivery(request);
            default:
                return new WebhookResult.Rejected(405, "method " + request.method() + " is not used by Facebook webhooks");
        }
    }

    private WebhookResult handshake(WebhookRequest request) {
        String mode = request.query().get("hub.mode");
        String token = request.query().get("hub.verify_token");
        String challenge = request.query().get("hub.challenge");
        if (mode == null && token == null && challenge == null) {
            return new WebhookResult.Rejected(400, "not a verification request: hub.mode, hub.verify_token and "
                    + "hub.challenge are missing");
        }
        if (!"subscribe".equals(mode)) {
            return new WebhookResult.Rejected(400, "hub.mode must be 'subscribe'");
        }
        if (verifyToken.isEmpty()) {
            return new WebhookResult.Rejected(403, "no verify token is configured, so no subscription can be verified");
        }
        if (token == null || !Hmac.constantTimeEquals(verifyToken.get(), token)) {
            LOG.debug("refused a webhook verification request with a wrong hub.verify_token");
            return new WebhookResult.Rejected(403, "hub.verify_token does not match the configured verify token");
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            return new WebhookResult.Rejected(400, "hub.challenge is missing or not 1 to 256 letters and digits");
        }
        return new WebhookResult.Challenge(challenge, "text/plain; charset=utf-8");
    }

    private WebhookResult delivery(WebhookRequest request) {
        Optional<String> header = request.header(SIGNATURE_HEADER);
        if (header.isEmpty()) {
            String reason = request.header("X-Hub-Signature").isPresent()
                    ? "missing " + SIGNATURE_HEADER + " header (the SHA-1 X-Hub-Signature alone is not accepted)"
                    : "missing " + SIGNATURE_HEADER + " header";
            return reject(reason);
        }
        String value = header.get().strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return reject(SIGNATURE_HEADER + " must start with 'sha256='");
        }
        Optional<byte[]> given = Hmac.unhex(value.substring(PREFIX.length()), 32);
        if (given.isEmpty()) {
            return reject(SIGNATURE_HEADER + " must be 'sha256=' followed by 64 hex digits");
        }
        byte[] body = request.body();
        byte[] expected = Hmac.sha256(appSecret, body);
        if (!Hmac.constantTimeEquals(expected, given.get())) {
            return reject("signature does not match the body (wrong app secret, or the body was changed on the way)");
        }
        MappedPayload payload;
        try {
            payload = mapper.map(body);
        } catch (PayloadException e) {
            return new WebhookResult.Rejected(400, "signed body cannot be read: " + e.getMessage());
        }
        return new WebhookResult.Accepted(payload);
    }

    private static WebhookResult reject(String reason) {
        LOG.debug("refused a webhook delivery: {}", reason);
        return new WebhookResult.Rejected(401, reason);
    }

    /** The handler's settings, never the secret or the verify token. */
    @Override
    public String toString() {
        return "FacebookWebhookHandler[appSecret=(set), verifyToken=" + (verifyToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}
