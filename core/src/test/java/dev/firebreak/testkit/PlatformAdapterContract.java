package dev.firebreak.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared test kit every platform adapter passes, shipped ones and users' own. Extend it and
 * supply the adapter's mapper, payload fixtures in the platform's real format, its error bodies, and
 * (if it receives webhooks) a {@link WebhookFixture}; JUnit runs the contract:
 *
 * <ul>
 *   <li>fixtures map to the expected number of mentions, all on the adapter's platform, with
 *       distinct keys, real timestamps, deterministic results;</li>
 *   <li>unknown fields anywhere in a payload are ignored;</li>
 *   <li>platform error bodies raise a {@link PayloadException} carrying the platform's error code;</li>
 *   <li>a payload that hides or removes a mention gives the same key with that visibility, an update
 *       rather than a new mention (optional: {@link #visibilityUpdates()});</li>
 *   <li>malformed input (truncated at every offset, random bytes, deep nesting, wrong shapes)
 *       raises only {@link PayloadException}, never anything else;</li>
 *   <li>texts come through unchanged, whatever they hold;</li>
 *   <li>webhooks: a correctly signed body is accepted, an unsigned, tampered or wrongly signed one is
 *       rejected with a reason and yields nothing, handshakes are answered;</li>
 *   <li>secrets never appear in {@code toString()}, exception messages or rejection reasons.</li>
 * </ul>
 */
public abstract class PlatformAdapterContract {

    /**
     * A payload and what it holds.
     *
     * @param name a name for test reports
     * @param payload the raw bytes
     * @param expectedMentions how many mentions it yields
     * @param expectedRejected how many items it rejects
     */
    public record Fixture(String name, byte[] payload, int expectedMentions, int expectedRejected) {
        /** A fixture from UTF-8 text. */
        public static Fixture of(String name, String payload, int expectedMentions, int expectedRejected) {
            return new Fixture(name, payload.getBytes(StandardCharsets.UTF_8), expectedMentions, expectedRejected);
        }
    }

    /**
     * A payload that reports a moderation or deletion of a mention that another payload holds.
     *
     * @param name a name for test reports
     * @param original a payload holding the mention, visible
     * @param update a payload reporting it hidden or removed
     * @param id the mention's id, in both payloads
     * @param visibility what the update reports: {@link Visibility#HIDDEN} or {@link Visibility#REMOVED}
     */
    public record VisibilityUpdate(String name, byte[] original, byte[] update, String id, Visibility visibility) {
        /** An update from UTF-8 texts. */
        public static VisibilityUpdate of(String name, String original, String update, String id,
                Visibility visibility) {
            return new VisibilityUpdate(name, original.getBytes(StandardCharsets.UTF_8),
                    update.getBytes(StandardCharsets.UTF_8), id, visibility);
        }
    }

    /** What the kit needs to test an adapter's webhook handling. */
    public interface WebhookFixture {
        /** The handler under test, configured with the secret used by {@link #signed(byte[])}. */
        WebhookHandler handler();

        /** A delivery body in the platform's format. */
        byte[] body();

        /** How many mentions {@link #body()} yields. */
        int expectedMentions();

        /** A POST of this body, signed correctly. */
        WebhookRequest signed(byte[] body);

        /** A POST of this body, signed with another secret. */
        WebhookRequest signedWithWrongSecret(byte[] body);

        /** A POST of this body without the signature header. */
        WebhookRequest unsigned(byte[] body);

        /** The platform's verification handshake (CRC check, {@code hub.challenge}), if any. */
        Optional<WebhookRequest> handshake();

        /** A handshake that must be refused (wrong verify token), if the platform has such a thing. */
        Optional<WebhookRequest> badHandshake();
    }

    /** The mapper under test. */
    protected abstract PayloadMapper mapper();

    /** Payloads in the platform's real formats, each with what it holds. */
    protected abstract List<Fixture> fixtures();

    /** Error bodies as the platform sends them; each must raise a {@link PayloadException} with a code. */
    protected abstract List<Fixture> errorPayloads();

    /** A payload holding exactly one mention with this text, or empty if the adapter cannot build one. */
    protected abstract Optional<byte[]> payloadWithText(String text);

    /** The webhook fixture, or empty if the adapter receives no webhooks. */
    protected abstract Optional<WebhookFixture> webhook();

    /** A configuration object holding {@link #secrets()}: its {@code toString()} must not show them. */
    protected abstract Object configWithSecrets();

    /** The secrets inside {@link #configWithSecrets()} and the webhook fixture. */
    protected abstract List<String> secrets();

    /** The fixtures to test with unknown fields added to every object; override to exclude id-keyed maps. */
    protected List<Fixture> fixturesThatTolerateUnknownFields() {
        return fixtures();
    }

    /**
     * Payloads that hide or remove a mention of another payload (a hidden reply, a deleted post);
     * empty (the default) if the adapter reads no such events.
     */
    protected List<VisibilityUpdate> visibilityUpdates() {
        return List.of();
    }

    private final ObjectMapper json = new ObjectMapper();

    // ------------------------------------------------------------------ mapping

    @TestFactory
    List<DynamicTest> fixturesMapToTheExpectedMentions() {
        PayloadMapper mapper = mapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture f : fixtures()) {
            tests.add(DynamicTest.dynamicTest(f.name(), () -> {
                MappedPayload result = mapper.map(f.payload());
                assertEquals(f.expectedMentions(), result.mentions().size(), f.name() + ": mentions");
                assertEquals(f.expectedRejected(), result.rejected().size(),
                        f.name() + ": rejected items " + result.rejected());
                Set<MentionKey> keys = new HashSet<>();
                for (Mention m : result.mentions()) {
                    assertEquals(mapper.platform(), m.platform(), f.name() + ": platform of " + m);
                    assertFalse(m.id().isBlank(), f.name() + ": blank id");
                    assertTrue(keys.add(m.key()), f.name() + ": duplicate key " + m.key());
                    assertNotEquals(Instant.EPOCH, m.createdAt(), f.name() + ": " + m + " has no timestamp");
                }
                result.rejected().forEach(r -> assertFalse(r.reason().isBlank(), f.name() + ": rejection reason"));
            }));
        }
        return tests;
    }

    @Test
    void mappingIsDeterministic() {
        PayloadMapper mapper = mapper();
        for (Fixture f : fixtures()) {
            assertEquals(mapper.map(f.payload()), mapper.map(f.payload()), f.name());
        }
    }

    @TestFactory
    List<DynamicTest> unknownFieldsAreIgnored() {
        PayloadMapper mapper = mapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture f : fixturesThatTolerateUnknownFields()) {
            tests.add(DynamicTest.dynamicTest(f.name(), () -> {
                JsonNode tree;
                try {
                    tree = json.readTree(f.payload());
                } catch (java.io.IOException e) {
                    assumeTrue(false, f.name() + " is not a single JSON document");
                    return;
                }
                addUnknownFields(tree);
                byte[] extended = json.writeValueAsBytes(tree);
                assertEquals(mapper.map(f.payload()).mentions(), mapper.map(extended).mentions(), f.name());
            }));
        }
        return tests;
    }

    private static void addUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) node;
            List<JsonNode> children = new ArrayList<>();
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                children.add(it.next());
            }
            children.forEach(PlatformAdapterContract::addUnknownFields);
            ObjectNode extra = o.putObject("x_firebreak_unknown_field");
            extra.putArray("nested").add(1).add("two").addObject().put("three", true);
            o.put("x_firebreak_unknown_number", 12345678901234L);
        } else if (node instanceof ArrayNode) {
            for (JsonNode child : node) {
                addUnknownFields(child);
            }
        }
    }

    @TestFactory
    List<DynamicTest> platformErrorsRaiseAPayloadExceptionWithTheirCode() {
        PayloadMapper mapper = mapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture f : errorPayloads()) {
            tests.add(DynamicTest.dynamicTest(f.name(), () -> {
                PayloadException e = assertThrows(PayloadException.class, () -> mapper.map(f.payload()));
                assertTrue(e.errorCode().isPresent(), f.name() + ": no error code in " + e.getMessage());
                assertFalse(e.getMessage().isBlank());
                assertNoSecret(e.getMessage());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> hidingOrRemovingUpdatesTheSameMention() {
        PayloadMapper mapper = mapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (VisibilityUpdate u : visibilityUpdates()) {
            tests.add(DynamicTest.dynamicTest(u.name(), () -> {
                assertNotEquals(Visibility.VISIBLE, u.visibility(), u.name() + ": an update hides or removes");
                MentionKey key = new MentionKey(mapper.platform(), u.id());
                Mention before = mapper.map(u.original()).mentions().stream().filter(m -> m.key().equals(key))
                        .findFirst().orElseThrow(() -> new AssertionError(u.name() + ": original has no " + key));
                assertEquals(Visibility.VISIBLE, before.visibility(), u.name() + ": original visibility");
                List<Mention> after = mapper.map(u.update()).mentions();
                Mention updated = after.stream().filter(m -> m.key().equals(key)).findFirst()
                        .orElseThrow(() -> new AssertionError(u.name() + ": the update does not carry " + key
                                + " but " + after));
                assertEquals(u.visibility(), updated.visibility(), u.name() + ": visibility after the update");
            }));
        }
        return tests;
    }

    @Test
    void malformedPayloadsRaiseOnlyPayloadException() {
        PayloadMapper mapper = mapper();
        List<byte[]> bad = new ArrayList<>();
        for (String s : List.of("", " ", "not json", "{", "}", "[", "null", "true", "42", "\"text\"", "[]",
                "{\"data\":", "{\"data\": 42}", "{\"data\": [42, \"x\", null]}", "{\"entry\": \"x\"}",
                "[".repeat(100_000), "{\"a\":".repeat(50_000))) {
            bad.add(s.getBytes(StandardCharsets.UTF_8));
        }
        bad.add(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xFF});
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            bad.add(b);
        }
        for (Fixture f : fixtures()) {
            byte[] p = f.payload();
            int step = Math.max(1, p.length / 200);
            for (int cut = 0; cut < p.length; cut += step) {
                bad.add(java.util.Arrays.copyOf(p, cut));
            }
            byte[] flipped = p.clone();
            for (int i = 0; i < flipped.length; i += 17) {
                flipped[i] = (byte) (flipped[i] ^ 0x5A);
            }
            bad.add(flipped);
        }
        for (byte[] payload : bad) {
            try {
                MappedPayload r = mapper.map(payload);
                assertNotNull(r, "mapper returned null");
            } catch (PayloadException expected) {
                assertFalse(expected.getMessage().isBlank(), "PayloadException without a message");
            } catch (RuntimeException | StackOverflowError e) {
                fail("malformed payload '" + excerpt(payload) + "' raised " + e + " instead of a PayloadException", e);
            }
        }
    }

    @TestFactory
    List<DynamicTest> textComesThroughUnchanged() {
        PayloadMapper mapper = mapper();
        assumeTrue(payloadWithText("x").isPresent(), "adapter cannot build a payload from a text");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : HostileText.all().entrySet()) {
            if (e.getKey().contains("surrogate")) {
                continue; // cannot be encoded as UTF-8 JSON at all
            }
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                MappedPayload r = mapper.map(payloadWithText(e.getValue()).orElseThrow());
                assertEquals(1, r.mentions().size(), e.getKey());
                assertEquals(e.getValue(), r.mentions().get(0).text(), e.getKey());
            }));
        }
        return tests;
    }

    // ------------------------------------------------------------------ webhooks

    @Test
    void signedWebhookIsAccepted() {
        WebhookFixture w = webhookOrSkip();
        WebhookResult r = w.handler().handle(w.signed(w.body()));
        WebhookResult.Accepted a = assertInstanceOf(WebhookResult.Accepted.class, r, "signed body: " + r);
        assertEquals(w.expectedMentions(), a.payload().mentions().size());
    }

    @Test
    void unsignedWebhookIsRejectedAndYieldsNothing() {
        WebhookFixture w = webhookOrSkip();
        assertRejected(w.handler().handle(w.unsigned(w.body())), "unsigned body");
    }

    @Test
    void tamperedWebhookIsRejected() {
        WebhookFixture w = webhookOrSkip();
        WebhookRequest signed = w.signed(w.body());
        byte[] tampered = w.body();
        tampered[tampered.length / 2] = (byte) (tampered[tampered.length / 2] ^ 0x01);
        WebhookRequest request = new WebhookRequest(signed.method(), signed.path(), signed.query(), signed.headers(),
                tampered);
        assertRejected(w.handler().handle(request), "tampered body");
    }

    @Test
    void webhookSignedWithAnotherSecretIsRejected() {
        WebhookFixture w = webhookOrSkip();
        assertRejected(w.handler().handle(w.signedWithWrongSecret(w.body())), "wrong secret");
    }

    @Test
    void garbageSignatureHeadersAreRejectedNotThrown() {
        WebhookFixture w = webhookOrSkip();
        WebhookRequest signed = w.signed(w.body());
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!h.getKey().contains("signature")) {
                continue;
            }
            for (String garbage : List.of("", "sha256=", "sha256=zz", "md5=abc", "sha256=" + "0".repeat(64),
                    "\u0000\uFFFF", "x".repeat(10_000))) {
                Map<String, List<String>> headers = new java.util.HashMap<>(signed.headers());
                headers.put(h.getKey(), List.of(garbage));
                WebhookRequest r = new WebhookRequest("POST", signed.path(), signed.query(), headers, w.body());
                assertRejected(w.handler().handle(r), "signature header '" + excerpt(garbage.getBytes(
                        StandardCharsets.UTF_8)) + "'");
            }
        }
    }

    @Test
    void handshakeIsAnswered() {
        WebhookFixture w = webhookOrSkip();
        assumeTrue(w.handshake().isPresent(), "platform has no handshake");
        WebhookResult r = w.handler().handle(w.handshake().get());
        WebhookResult.Challenge c = assertInstanceOf(WebhookResult.Challenge.class, r, "handshake: " + r);
        assertFalse(c.responseBody().isEmpty());
        assertNoSecret(c.responseBody());
    }

    @Test
    void badHandshakeIsRejected() {
        WebhookFixture w = webhookOrSkip();
        assumeTrue(w.badHandshake().isPresent(), "platform has no handshake that can be refused");
        assertRejected(w.handler().handle(w.badHandshake().get()), "bad handshake");
    }

    private WebhookFixture webhookOrSkip() {
        Optional<WebhookFixture> w = webhook();
        assumeTrue(w.isPresent(), "adapter receives no webhooks");
        return w.get();
    }

    private void assertRejected(WebhookResult r, String what) {
        WebhookResult.Rejected rejected = assertInstanceOf(WebhookResult.Rejected.class, r, what + ": " + r);
        assertTrue(rejected.status() >= 400 && rejected.status() < 500, what + ": status " + rejected.status());
        assertFalse(rejected.reason().isBlank(), what + ": rejection without a reason");
        assertNoSecret(rejected.reason());
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void configToStringHidesSecrets() {
        String text = configWithSecrets().toString();
        assertNoSecret(text);
    }

    /** Fails if any of {@link #secrets()} appears in the text. */
    protected void assertNoSecret(String text) {
        for (String secret : secrets()) {
            assertFalse(text.contains(secret), "a secret leaked into: " + text.replace(secret, "<SECRET>"));
        }
    }

    private static String excerpt(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 40), StandardCharsets.UTF_8);
        return b.length > 40 ? s + "..." : s;
    }
}
