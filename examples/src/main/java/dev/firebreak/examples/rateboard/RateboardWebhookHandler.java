package dev.firebreak.examples.rateboard;

import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receives Rateboard webhooks. Rateboard signs every request with the webhook secret:
 *
 * <pre>
 * Rateboard-Signature: t=1772561520,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
 * </pre>
 *
 * where {@code v1} is the lower-case hex HMAC-SHA256 of {@code t + "." + body}, keyed with the secret. The
 * timestamp is part of what is signed, so a captured delivery cannot be replayed later: a signature more
 * than {@link RateboardConfig#signatureTolerance()} away from the handler's clock is refused. During a
 * secret rotation Rateboard sends one {@code v1} per active secret; one match is enough.
 *
 * <ul>
 *   <li>{@code GET ?challenge=C}, signed over {@code t + "." + C}: the registration handshake, answered with
 *       {@code {"challenge": "C"}}.</li>
 *   <li>{@code POST}: the signature is checked over the raw body bytes, in constant time, before anything is
 *       parsed; a verified body is mapped by {@link RateboardMapper}.</li>
 * </ul>
 *
 * Never throws for a bad request: it is a {@link WebhookResult.Rejected} (401 for signatures, 400 for bodies,
 * 405 for methods) whose reason never holds the secret or the expected signature. Immutable and thread-safe.
 */
public final class RateboardWebhookHandler implements WebhookHandler {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "Rateboard-Signature";

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_HEADER = 1024;

    private final SecretKeySpec key;
    private final RateboardMapper mapper;
    private final Clock clock;
    private final Duration tolerance;

    private RateboardWebhookHandler(String secret, RateboardMapper mapper, Clock clock, Duration tolerance) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mapper = mapper;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * A handler with the config's webhook secret and tolerance, mapping with {@link RateboardMapper#of}, on the
     * system clock.
     *
     * @throws IllegalArgumentException if the config has no webhook secret
     */
    public static RateboardWebhookHandler of(RateboardConfig config) {
        return of(config, RateboardMapper.of(config), Clock.systemUTC());
    }

    /**
     * A handler with this mapper and clock (the clock judges the signature's timestamp).
     *
     * @throws IllegalArgumentException if the config has no webhook secret
     */
    public static RateboardWebhookHandler of(RateboardConfig config, RateboardMapper mapper, Clock clock) {
        Objects.requireNonNull(config, "config");
        String secret = config.webhookSecret().orElseThrow(() -> new IllegalArgumentException(
                "webhookSecret must be set on the RateboardConfig to verify Rateboard webhooks"));
        return new RateboardWebhookHandler(secret, Objects.requireNonNull(mapper, "mapper"),
                Objects.requireNonNull(clock, "clock"), config.signatureTolerance());
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
                return new WebhookResult.Rejected(405, "Rateboard sends GET for the handshake and POST for events");
        }
    }

    private WebhookResult handshake(WebhookRequest request) {
        String challenge = request.query().get("challenge");
        if (challenge == null) {
            return new WebhookResult.Rejected(400, "GET without a 'challenge' parameter: not a Rateboard handshake");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            return new WebhookResult.Rejected(400, "'challenge' must be 1 to 128 letters, digits, '-' or '_'");
        }
        Optional<String> refused = verify(request, challenge.getBytes(StandardCharsets.UTF_8));
        if (refused.isPresent()) {
            return new WebhookResult.Rejected(401, refused.get());
        }
        return new WebhookResult.Challenge("{\"challenge\":\"" + challenge + "\"}", "application/json");
    }

    private WebhookResult delivery(WebhookRequest request) {
        byte[] body = request.body();
        Optional<String> refused = verify(request, body);
        if (refused.isPresent()) {
            return new WebhookResult.Rejected(401, refused.get());
        }
        try {
            MappedPayload payload = mapper.map(body);
            return new WebhookResult.Accepted(payload);
        } catch (PayloadException e) {
            return new WebhookResult.Rejected(400, "signed body could not be read: " + e.getMessage());
        }
    }

    /** Why the request's signature is refused, or empty when it is good. */
    private Optional<String> verify(WebhookRequest request, byte[] signedContent) {
        Optional<String> header = request.header(SIGNATURE_HEADER);
        if (header.isEmpty()) {
            return Optional.of("missing " + SIGNATURE_HEADER + " header: not a signed Rateboard request");
        }
        if (header.get().length() > MAX_HEADER) {
            return Optional.of(SIGNATURE_HEADER + " is longer than " + MAX_HEADER + " characters");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.get().split(",")) {
            String p = part.strip();
            if (p.startsWith("t=") && p.length() > 2 && p.length() <= 14 && p.substring(2).chars()
                    .allMatch(Character::isDigit)) {
                timestamp = Long.parseLong(p.substring(2));
            } else if (p.startsWith("v1=") && p.length() == 67) {
                try {
                    signatures.add(HexFormat.of().parseHex(p.substring(3)));
                } catch (IllegalArgumentException e) {
                    return Optional.of(SIGNATURE_HEADER + " has a v1 value that is not hex");
                }
            }
            // other schemes (v0=, future versions) are ignored, as Rateboard documents
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.of(SIGNATURE_HEADER + " must be 't=<unix seconds>,v1=<64 hex digits>'");
        }
        // --- README: signature
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            return Optional.of("signature timestamp is " + skew.toSeconds() + " s away from now (tolerance "
                    + tolerance.toSeconds() + " s): a replayed request, or a clock out of sync");
        }
        byte[] expected = hmac(timestamp, signedContent);
        for (byte[] s : signatures) {
            if (MessageDigest.isEqual(expected, s)) {
                return Optional.empty();
            }
        }
        return Optional.of("signature does not match: signed with another secret, or the request was changed on "
                + "the way");
        // --- end
    }

    private byte[] hmac(long timestamp, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * The {@value #SIGNATURE_HEADER} value Rateboard would send for this content at this time: for tests and
     * local tools that play Rateboard.
     *
     * @param content the raw body of a POST, or the challenge of a handshake
     */
    public static String signature(String secret, Instant at, byte[] content) {
        Objects.requireNonNull(secret, "secret");
        RateboardWebhookHandler h = new RateboardWebhookHandler(secret, null, Clock.systemUTC(), Duration.ZERO);
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(h.hmac(at.getEpochSecond(), content));
    }

    /** The settings, never the secret. */
    @Override
    public String toString() {
        return "RateboardWebhookHandler[webhookSecret=(set), tolerance=" + tolerance + "]";
    }
}
