package dev.firebreak.examples.rateboard;

import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.API_KEY;
import static dev.firebreak.examples.rateboard.RateboardAdapterContractTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling client against a real HTTP server on 127.0.0.1 playing Rateboard's API. */
class RateboardClientTest {

    /** A scripted answer: status, headers, body. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer ok(byte[] body) {
            return new Answer(200, Map.of(), body);
        }

        static Answer error(int status, String code, Map<String, String> headers) {
            return new Answer(status, headers, ("{\"error\": {\"code\": \"" + code + "\", \"message\": \"scripted "
                    + code + "\"}}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<URI> requested = Collections.synchronizedList(new ArrayList<>());
    private final List<String> auth = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            requested.add(exchange.getRequestURI());
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Answer a;
            synchronized (script) {
                a = script.isEmpty() ? Answer.error(500, "internal", Map.of()) : script.removeFirst();
            }
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(a.body());
            }
        } finally {
            exchange.close();
        }
    }

    private RateboardClient client(RateboardConfig.Builder config) {
        return RateboardClient.builder(config.baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()).sleeper(slept::add).build();
    }

    private RateboardConfig.Builder config() {
        return RateboardAdapterContractTest.config().toBuilder().pageSize(5);
    }

    @Test
    void pollFollowsTheCursorAndSendsTheKeyAndTheWindow() throws Exception {
        script.add(Answer.ok(resource("reviews-page-1.json")));
        script.add(Answer.ok(resource("reviews-page-2.json")));

        RateboardClient.Poll poll = client(config()).poll(Optional.of(Instant.parse("2026-02-01T00:00:00Z")));

        assertEquals(2, poll.pages());
        assertTrue(poll.complete());
        assertEquals(10, poll.mentions().size());
        assertEquals(1, poll.rejected().size());
        assertEquals("page 2 data[3]", poll.rejected().get(0).location());
        assertEquals(Optional.of(Instant.parse("2026-03-03T18:40:00Z")), poll.nextSince());
        assertEquals(List.of("Bearer " + API_KEY, "Bearer " + API_KEY), auth);
        assertEquals("/v1/businesses/kestrel-soho/reviews", requested.get(0).getPath());
        assertEquals("limit=5&updated_since=2026-02-01T00:00:00Z", requested.get(0).getQuery());
        assertEquals("limit=5&updated_since=2026-02-01T00:00:00Z&cursor=c2", requested.get(1).getQuery());
        Mention reply = poll.mentions().stream().filter(m -> m.id().equals("rp_1901")).findFirst().orElseThrow();
        assertEquals(MentionKind.REPLY, reply.kind());
        assertEquals(Optional.of("rv_1001"), reply.inReplyTo());
        assertTrue(reply.ownedAccount(), "the business's reply is the brand's own");
        Mention review = poll.mentions().stream().filter(m -> m.id().equals("rv_1003")).findFirst().orElseThrow();
        assertEquals(1, review.rating().getAsInt());
        assertEquals("Charged twice\nThe app charged me twice for one latte and support ignored me. Not happy.",
                review.text());
        assertEquals(Optional.of("kestrel"), review.brand());
    }

    @Test
    void pollStopsAtMaxPagesAndTheNextPollGoesOnFromTheNewestChange() throws Exception {
        script.add(Answer.ok(resource("reviews-page-1.json")));

        RateboardClient.Poll poll = client(config().maxPages(1)).poll(Optional.empty());

        assertEquals(1, poll.pages());
        assertFalse(poll.complete());
        assertEquals(Optional.of(Instant.parse("2026-03-03T18:15:00Z")), poll.nextSince());
        assertEquals("limit=5", requested.get(0).getQuery());
    }

    @Test
    void rateLimitIsWaitedOutAndRetried() throws Exception {
        script.add(Answer.error(429, "rate_limited", Map.of("Retry-After", "7")));
        script.add(Answer.error(503, "internal", Map.of()));
        script.add(Answer.ok(resource("reviews-page-2.json")));

        RateboardClient.Poll poll = client(config()).poll(Optional.empty());

        assertEquals(4, poll.mentions().size());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), slept, "Retry-After, then backoff");
        assertEquals(3, requested.size());
    }

    @Test
    void aRateLimitLongerThanTheLongestWaitFailsAtOnceWithItsRetryAfter() {
        script.add(Answer.error(429, "rate_limited", Map.of("Retry-After", "900")));

        RateboardException e = assertThrows(RateboardException.class, () -> client(config()).poll(Optional.empty()));

        assertEquals(429, e.status());
        assertEquals("rate_limited", e.code());
        assertEquals(Optional.of(Duration.ofSeconds(900)), e.retryAfter());
        assertEquals(List.of(), slept);
    }

    @Test
    void aRefusedKeyIsATypedErrorWithoutTheKey() {
        script.add(Answer.error(401, "unauthorized", Map.of()));

        RateboardException e = assertThrows(RateboardException.class, () -> client(config()).poll(Optional.empty()));

        assertTrue(e.isAuthFailure());
        assertEquals("unauthorized", e.code());
        assertTrue(e.getMessage().contains("scripted unauthorized"), e.getMessage());
        assertFalse(e.getMessage().contains(API_KEY));
        assertEquals(1, requested.size(), "a 401 is not retried");
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        for (int i = 0; i < 4; i++) {
            script.add(Answer.error(500, "internal", Map.of()));
        }

        RateboardException e = assertThrows(RateboardException.class,
                () -> client(config().maxRetries(3)).poll(Optional.empty()));

        assertEquals(500, e.status());
        assertEquals(4, requested.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
    }

    @Test
    void anUnreadablePageIsAnInvalidPayloadError() {
        script.add(new Answer(200, Map.of(), "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8)));

        RateboardException e = assertThrows(RateboardException.class, () -> client(config()).poll(Optional.empty()));

        assertEquals("invalid_payload", e.code());
    }

    @Test
    void networkFailuresAreRetriedThenReported() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        RateboardClient client = RateboardClient.builder(config().maxRetries(2)
                .baseUri(URI.create("http://127.0.0.1:" + port)).build()).sleeper(slept::add).build();

        RateboardException e = assertThrows(RateboardException.class, () -> client.poll(Optional.empty()));

        assertEquals(0, e.status());
        assertEquals("network", e.code());
        assertEquals(2, slept.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // for stop()
    }

    @Test
    void aClientNeedsAKeyAndABusiness() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateboardClient.builder(RateboardConfig.builder().businessId("b").build()).build());
        assertTrue(e.getMessage().contains("apiKey"));
        assertThrows(IllegalArgumentException.class,
                () -> RateboardClient.builder(RateboardConfig.builder().apiKey("k").build()).build());
    }

    @Test
    void configSettersFailFastNamingTheFieldAndRange() {
        RateboardConfig.Builder b = RateboardConfig.builder();
        IllegalArgumentException page = assertThrows(IllegalArgumentException.class, () -> b.pageSize(101));
        assertTrue(page.getMessage().contains("pageSize") && page.getMessage().contains("100"), page.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.businessId("has space"));
        assertThrows(IllegalArgumentException.class, () -> b.baseUri(URI.create("ftp://x")));
        assertThrows(IllegalArgumentException.class, () -> b.apiKey(" "));
        assertThrows(IllegalArgumentException.class, () -> b.signatureTolerance(Duration.ofHours(2)));
        RateboardConfig c = RateboardAdapterContractTest.config();
        assertEquals(c.toString(), c.toBuilder().build().toString());
    }
}
