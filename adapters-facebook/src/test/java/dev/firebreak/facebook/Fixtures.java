package dev.firebreak.facebook;

import dev.firebreak.facebook.internal.Hmac;
import dev.firebreak.spi.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The test payloads (written for the project in the documented Graph formats) and test credentials. */
final class Fixtures {

    static final String PAGE_ID = "104729381122334";
    static final String TOKEN = "EAAGtestPageToken0123456789abcdefSECRET";
    static final String APP_SECRET = "fixture-app-secret-9f8e7d6c5b4a";
    static final String VERIFY_TOKEN = "fixture-verify-token-1a2b3c";

    private Fixtures() {
    }

    /** A fixture file's bytes. */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture file as text. */
    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A config with every secret set. */
    static FacebookConfig config() {
        return FacebookConfig.builder()
                .pageId(PAGE_ID)
                .pageAccessToken(TOKEN)
                .appSecret(APP_SECRET)
                .verifyToken(VERIFY_TOKEN)
                .brand("acme")
                .build();
    }

    /** A POST signed with the secret as Facebook signs it. */
    static WebhookRequest signed(byte[] body, String secret) {
        return WebhookRequest.post("/webhooks/facebook",
                Map.of("X-Hub-Signature-256", List.of("sha256=" + Hmac.hex(Hmac.sha256(secret, body))),
                        "Content-Type", List.of("application/json")),
                body);
    }
}
