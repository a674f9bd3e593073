package dev.firebreak.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.Brand;
import dev.firebreak.facebook.FacebookConfig;
import dev.firebreak.facebook.FacebookMapper;
import dev.firebreak.incident.Incident;
import dev.firebreak.mention.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook receiver on 127.0.0.1: handshakes, signatures over raw bytes, limits, alerts. */
class WebhookReceiverTest {

    private static final String X_SECRET = "x-consumer-secret-for-the-receiver-test";
    private static final String FB_SECRET = "facebook-app-secret-for-the-receiver-test";
    private static final String FB_TOKEN = "verify-token-for-the-receiver-test";
    private static final String PAGE_ID = "104729381122334";
    private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        WebhookReceiver.Config config = WebhookReceiver.Config.builder()
                .bind("127.0.0.1").port(0)
                .brand(Brand.builder("acme").handles("acme").ownedAccount(Platform.TWITTER, "acme").build())
                .twitterConsumerSecret(X_SECRET)
                .facebookAppSecret(FB_SECRET).facebookVerifyToken(FB_TOKEN).facebookPageId(PAGE_ID)
                .maxBodyBytes(64 * 1024)
                .build();
        receiver = WebhookReceiver.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        receiver.close();
        String out = output();
        for (String secret : List.of(X_SECRET, FB_SECRET, FB_TOKEN)) {
            assertFalse(out.contains(secret), "a secret was printed");
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + receiver.address().getPort() + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] hmac(String secret, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static Map<String, String> xSigned(String secret, byte[] body) throws Exception {
        return Map.of("x-twitter-webhooks-signature", "sha256=" + Base64.getEncoder().encodeToString(hmac(secret, body)));
    }

    private static Map<String, String> fbSigned(String secret, byte[] body) throws Exception {
        return Map.of("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
    }

    /** An Account Activity body with one post per author: {id, handle, followers, text}. */
    private byte[] tweets(List<String[]> posts) throws Exception {
        ObjectNode root = json.createObjectNode().put("for_user_id", "2244994945");
        ArrayNode events = root.putArray("tweet_create_events");
        String now = X_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        for (String[] p : posts) {
            ObjectNode t = events.addObject().put("id_str", p[0]).put("created_at", now).put("text", p[3])
                    .put("lang", "en");
            t.putObject("user").put("id_str", "u" + p[1]).put("screen_name", p[1])
                    .put("followers_count", Long.parseLong(p[2]));
        }
        return json.writeValueAsBytes(root);
    }

    private byte[] complaint() throws Exception {
        return tweets(List.<String[]>of(new String[] {"1790000000000000001", "devuser", "2100",
                "@acme charged twice for one order, support ignored me. Not happy."}));
    }

    private byte[] facebookBody() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/facebook/webhook-feed-mixed.json")) {
            return in.readAllBytes();
        }
    }

    private long ingested() {
        return receiver.engine().stats().ingested();
    }

    @Test
    void xCrcCheckIsAnsweredWithTheHmacOfTheToken() throws Exception {
        HttpResponse<String> r = get(WebhookReceiver.TWITTER_PATH + "?crc_token=9b4507b3-9040-4669");
        assertEquals(200, r.statusCode());
        String expected = "sha256=" + Base64.getEncoder().encodeToString(
                hmac(X_SECRET, "9b4507b3-9040-4669".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, json.readTree(r.body()).get("response_token").asText());
    }

    @Test
    void facebookHandshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        HttpResponse<String> ok = get(WebhookReceiver.FACEBOOK_PATH + "?hub.mode=subscribe&hub.verify_token="
                + FB_TOKEN + "&hub.challenge=1158201444");
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());

        HttpResponse<String> wrong = get(WebhookReceiver.FACEBOOK_PATH
                + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        assertEquals(403, wrong.statusCode());
        assertFalse(wrong.body().contains("1158201444"));
        assertFalse(wrong.body().contains(FB_TOKEN));
    }

    @Test
    void signedXDeliveryReachesTheEngine() throws Exception {
        byte[] body = complaint();
        HttpResponse<String> r = post(WebhookReceiver.TWITTER_PATH, body, xSigned(X_SECRET, body));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, ingested());
        assertEquals(1, receiver.engine().mentions("acme"));
        assertTrue(output().contains("x: delivery of 1 mentions: 1 taken"), output());
    }

    @Test
    void unsignedOrWronglySignedBodiesNeverReachTheEngine() throws Exception {
        byte[] x = complaint();
        HttpResponse<String> unsigned = post(WebhookReceiver.TWITTER_PATH, x, Map.of());
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("x-twitter-webhooks-signature"), unsigned.body());
        assertEquals(401, post(WebhookReceiver.TWITTER_PATH, x, xSigned("another-secret", x)).statusCode());
        byte[] tampered = x.clone();
        tampered[tampered.length - 5] ^= 1;
        assertEquals(401, post(WebhookReceiver.TWITTER_PATH, tampered, xSigned(X_SECRET, x)).statusCode());

        byte[] fb = facebookBody();
        assertEquals(401, post(WebhookReceiver.FACEBOOK_PATH, fb, Map.of()).statusCode());
        assertEquals(401, post(WebhookReceiver.FACEBOOK_PATH, fb, fbSigned("another-secret", fb)).statusCode());
        // an X signature is no good on the Facebook path, and the other way round
        assertEquals(401, post(WebhookReceiver.FACEBOOK_PATH, fb, xSigned(X_SECRET, fb)).statusCode());
        assertEquals(401, post(WebhookReceiver.TWITTER_PATH, x, fbSigned(FB_SECRET, x)).statusCode());

        assertEquals(0, ingested(), "nothing unsigned reached the engine");
        assertTrue(output().contains("x: refused POST (401)"), output());
    }

    @Test
    void signedFacebookDeliveryReachesTheEngineAndUnreadableItemsAreReported() throws Exception {
        byte[] body = facebookBody();
        var expected = FacebookMapper.of(FacebookConfig.builder().pageId(PAGE_ID).brand("acme").build()).map(body);
        assertTrue(expected.mentions().size() >= 3 && !expected.rejected().isEmpty(), "the fixture has both");

        HttpResponse<String> r = post(WebhookReceiver.FACEBOOK_PATH, body, fbSigned(FB_SECRET, body));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected.mentions().size(), ingested());
        assertTrue(output().contains("facebook: dead letter at " + expected.rejected().get(0).location()), output());
    }

    @Test
    void oversizedBodiesAreRefusedWithoutReachingTheEngine() throws Exception {
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals(413, post(WebhookReceiver.TWITTER_PATH, big, xSigned(X_SECRET, big)).statusCode());
        // without a Content-Length (chunked), the limit holds while reading
        HttpRequest chunked = HttpRequest.newBuilder(uri(WebhookReceiver.FACEBOOK_PATH))
                .timeout(Duration.ofSeconds(10)).header("X-Hub-Signature-256", fbSigned(FB_SECRET, big)
                        .get("X-Hub-Signature-256"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertEquals(413, http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0, ingested());
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        HttpResponse<String> missing = get("/webhooks/instagram");
        assertEquals(404, missing.statusCode());
        assertEquals(404, get(WebhookReceiver.TWITTER_PATH + "/extra").statusCode());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri(WebhookReceiver.TWITTER_PATH))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri(WebhookReceiver.TWITTER_PATH))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, head.statusCode());
        assertFalse(output().contains("request failed"), output());
        assertEquals(400, get(WebhookReceiver.TWITTER_PATH).statusCode(), "a GET without crc_token");
    }

    /** {@code n} tweets of the same complaint by different customers (id, handle, followers, text). */
    private static List<String[]> complaints(int n, String idPrefix, String handlePrefix) {
        List<String[]> tweets = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            tweets.add(new String[] {idPrefix + (10 + i), handlePrefix + i, String.valueOf(300 + i),
                    "@acme charged twice again and support ignored me. Unacceptable!"});
        }
        return tweets;
    }

    @Test
    void aStormOfSignedComplaintsRaisesAnAlertAndACrisis() throws Exception {
        List<String[]> storm = complaints(12, "17900000000000001", "angry");
        storm.add(new String[] {"1790000000000000999", "techwithnora", "480000",
                "@acme charged twice and ignored by support. Terrible, I'm telling everyone."});
        byte[] body = tweets(storm);

        HttpResponse<String> r = post(WebhookReceiver.TWITTER_PATH, body, xSigned(X_SECRET, body));

        assertEquals(200, r.statusCode());
        String out = output();
        assertTrue(out.contains("ALERT     acme"), out);
        assertTrue(out.contains("influential_author"), out);
        assertTrue(out.contains("CRISIS    acme-"), out);
        List<Incident> incidents = receiver.engine().incidents("acme");
        assertTrue(incidents.stream().anyMatch(Incident::isCrisis), () -> "incidents: " + incidents);
    }

    @Test
    void aProblemNearTheCrisisLineIsPrintedAsWatched() throws Exception {
        // 14 unhappy customers: more than half of the 25 negative authors of a crisis, so the problem is watched
        byte[] body = tweets(complaints(14, "17900000000000002", "upset"));

        assertEquals(200, post(WebhookReceiver.TWITTER_PATH, body, xSigned(X_SECRET, body)).statusCode());

        String out = output();
        assertTrue(out.contains("WATCH     acme-0001 flagged: "), out);
        assertFalse(out.contains("CRISIS    "), out);
    }

    @Test
    void closeStopsServing() throws Exception {
        receiver.close();
        receiver.close(); // idempotent
        assertThrows(IOException.class, () -> get(WebhookReceiver.TWITTER_PATH + "?crc_token=t"));
        assertTrue(output().contains("webhooks: stopped"), output());
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        byte[] body = complaint();
        String head = "POST " + WebhookReceiver.TWITTER_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + "x-twitter-webhooks-signature: " + xSigned(X_SECRET, body).get("x-twitter-webhooks-signature")
                + "\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", receiver.address().getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream os = socket.getOutputStream();
            os.write(head.getBytes(StandardCharsets.US_ASCII));
            os.write(body, 0, body.length - 1); // all but the last byte: the receiver is still reading
            os.flush();
            long until = System.nanoTime() + 5_000_000_000L;
            while (receiver.inFlight() == 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertEquals(1, receiver.inFlight(), "the request is being read");
            Thread closing = new Thread(receiver::close);
            closing.start();
            closing.join(200);
            assertTrue(closing.isAlive(), "close waits for the request in flight");

            os.write(body, body.length - 1, 1);
            os.flush();

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            closing.join(5_000);
            assertFalse(closing.isAlive());
        }
        assertEquals(1, ingested());
    }

    @Test
    void configComesFromTheEnvironmentAndArgumentsAndHidesSecrets() {
        WebhookReceiver.Config c = WebhookReceiver.Config.fromEnvironment(
                Map.of(WebhookReceiver.ENV_X_CONSUMER_SECRET, X_SECRET, WebhookReceiver.ENV_FACEBOOK_APP_SECRET,
                        FB_SECRET),
                List.of("--brand", "Acme", "--handle", "acme", "--port", "0", "--facebook-verify-token", FB_TOKEN));
        assertEquals("acme", c.brand().name());
        assertEquals(X_SECRET, c.twitterConsumerSecret().orElseThrow());
        assertEquals(FB_TOKEN, c.facebookVerifyToken().orElseThrow());
        assertEquals(0, c.port());
        for (String secret : List.of(X_SECRET, FB_SECRET, FB_TOKEN)) {
            assertFalse(c.toString().contains(secret), c.toString());
        }
        IllegalArgumentException noBrand = assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.Config.fromEnvironment(Map.of(), List.of("--port", "80")));
        assertTrue(noBrand.getMessage().contains("--brand"));
        IllegalStateException noPlatform = assertThrows(IllegalStateException.class,
                () -> WebhookReceiver.Config.fromEnvironment(Map.of(), List.of("--brand", "acme")));
        assertTrue(noPlatform.getMessage().contains(WebhookReceiver.ENV_X_CONSUMER_SECRET));
        IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.Config.builder().port(70_000));
        assertTrue(badPort.getMessage().contains("port"));
    }
}
