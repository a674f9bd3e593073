package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.RejectedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filtered-stream reader against a local server streaming in X's framing. */
class TwitterStreamTest {

    private static final String STREAM = "/2/tweets/search/stream";
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private FakeX x;
    private FakeTime time;
    private final List<Mention> mentions = new CopyOnWriteArrayList<>();
    private final List<RejectedItem> rejected = new CopyOnWriteArrayList<>();
    private final List<StreamEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        x = new FakeX();
        time = new FakeTime(Instant.parse("2024-05-01T13:00:00Z"));
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private TwitterStream stream(TwitterConfig.Builder config, int stopAfterMentions) {
        TwitterClient client = TwitterClient.builder(config.baseUri(x.baseUri()).build())
                .clock(time).sleeper(time.sleeper()).build();
        TwitterStream[] holder = new TwitterStream[1];
        holder[0] = client.filteredStream()
                .onMention(m -> {
                    mentions.add(m);
                    if (mentions.size() >= stopAfterMentions) {
                        holder[0].stop();
                    }
                })
                .onRejected(rejected::add)
                .onEvent(events::add)
                .build();
        return holder[0];
    }

    private static TwitterConfig.Builder config() {
        return TwitterAdapterContractTest.config().toBuilder();
    }

    private static String record(String id) {
        return "{\"data\":{\"id\":\"" + id + "\",\"text\":\"acme post " + id + "\",\"created_at\":\"2024-05-01T13:00:00.000Z\"},"
                + "\"matching_rules\":[{\"id\":\"1\",\"tag\":\"acme\"}]}\r\n";
    }

    /** The text cut into pieces of {@code size} bytes, so records and CRLFs straddle reads. */
    private static List<String> chunks(String text, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    private <T> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void deliversPostsSkipsKeepAlivesAndRejectsAMalformedLineWithoutStopping() {
        x.on(STREAM, FakeX.stream(chunks(Fixtures.text("stream-records.txt"), 37), 5_000));
        TwitterStream stream = stream(config(), 3);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of("1785800000000000001", "1785800000000000002", "1785800000000000004"),
                mentions.stream().map(Mention::id).toList());
        assertEquals("@acme outage again?! & no status page", mentions.get(0).text());
        assertEquals(1, rejected.size(), rejected.toString());
        assertEquals("stream record 3", rejected.get(0).location());
        assertTrue(rejected.get(0).reason().contains("not valid JSON"), rejected.get(0).reason());
        assertTrue(rejected.get(0).raw().startsWith("{\"data\":{\"id\":\"1785800000000000003\""), rejected.get(0).raw());
        assertEquals(2, stream.keepAlives());
        assertEquals(4, stream.records());
        FakeX.Recorded request = x.requests(STREAM).get(0);
        assertEquals("Bearer " + TwitterAdapterContractTest.BEARER, request.header("authorization"));
        assertTrue(request.query().get("tweet.fields").contains("created_at"));
        assertEquals("author_id", request.query().get("expansions"));
        assertEquals(1, eventsOf(StreamEvent.Connected.class).size());
        assertTrue(events.get(events.size() - 1) instanceof StreamEvent.Stopped);
    }

    @Test
    void aStalledStreamIsTreatedAsDeadAndReopenedAtOnce() {
        x.on(STREAM, FakeX.stream(List.of(record("11"), "\r\n"), 10_000),
                FakeX.stream(List.of(record("12")), 10_000));
        TwitterStream stream = stream(config().streamStallTimeout(Duration.ofMillis(300)), 2);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of("11", "12"), mentions.stream().map(Mention::id).toList());
        assertEquals(1, eventsOf(StreamEvent.Stalled.class).size());
        assertEquals(Duration.ofMillis(300), eventsOf(StreamEvent.Stalled.class).get(0).silence());
        StreamEvent.Reconnecting reconnect = eventsOf(StreamEvent.Reconnecting.class).get(0);
        assertEquals(Duration.ZERO, reconnect.delay(), "an established connection is reopened at once");
        assertTrue(reconnect.reason().contains("stalled"), reconnect.reason());
        assertEquals(2, x.requests(STREAM).size());
        assertEquals(2, stream.connections());
    }

    @Test
    void aConnectionThatStallsBeforeAnyDataBacksOffLinearly() {
        x.on(STREAM, FakeX.stream(List.of(), 10_000), FakeX.stream(List.of(), 10_000),
                FakeX.stream(List.of(record("21")), 10_000));
        TwitterStream stream = stream(config().streamStallTimeout(Duration.ofMillis(200)), 1);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), time.sleeps());
        assertEquals(List.of("21"), mentions.stream().map(Mention::id).toList());
    }

    @Test
    void tooManyConnectionsBacksOffFromOneMinuteInsteadOfLooping() {
        String tooMany = Fixtures.text("error-stream-too-many-connections.json");
        x.on(STREAM, FakeX.json(429, tooMany), FakeX.json(429, tooMany), FakeX.stream(List.of(record("31")), 10_000));
        TwitterStream stream = stream(config(), 1);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), time.sleeps());
        assertEquals(List.of("31"), mentions.stream().map(Mention::id).toList());
        StreamEvent.Reconnecting first = eventsOf(StreamEvent.Reconnecting.class).get(0);
        assertTrue(first.reason().contains("TooManyConnections"), first.reason());
        assertTrue(first.reason().contains("maximum allowed connection limit"), first.reason());
    }

    @Test
    void givesUpAfterTooManyFailedConnectionsInARow() {
        x.on(STREAM, FakeX.json(429, Fixtures.text("error-stream-too-many-connections.json")));
        TwitterStream stream = stream(config().streamMaxConsecutiveFailures(3), 1);

        TwitterException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TwitterException.class, stream::run));

        assertTrue(e.getMessage().contains("gave up after 3 failed connections"), e.getMessage());
        assertTrue(e.getCause() instanceof TwitterRateLimitException, String.valueOf(e.getCause()));
        assertEquals(3, x.requests(STREAM).size());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), time.sleeps());
        assertTrue(events.get(events.size() - 1) instanceof StreamEvent.Stopped);
    }

    @Test
    void anAuthenticationProblemStopsTheReaderAtOnce() {
        x.on(STREAM, FakeX.json(401, Fixtures.text("error-401.json")));
        TwitterStream stream = stream(config(), 1);

        TwitterAuthenticationException e = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(TwitterAuthenticationException.class, stream::run));

        assertEquals("GET /2/tweets/search/stream", e.endpoint());
        assertEquals(1, x.requests(STREAM).size());
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void aServerErrorBacksOffExponentiallyFromFiveSeconds() {
        x.on(STREAM, FakeX.json(503, "{\"title\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}"),
                FakeX.json(503, "{\"title\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}"),
                FakeX.stream(List.of(record("41")), 10_000));
        TwitterStream stream = stream(config(), 1);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10)), time.sleeps());
    }

    @Test
    void stopFromAnotherThreadEndsTheReaderPromptly() throws Exception {
        x.on(STREAM, FakeX.stream(List.of(record("51")), 30_000));
        CountDownLatch connected = new CountDownLatch(1);
        TwitterClient client = TwitterClient.builder(config().baseUri(x.baseUri()).build())
                .clock(time).sleeper(time.sleeper()).build();
        TwitterStream stream = client.filteredStream().onMention(mentions::add)
                .onEvent(e -> {
                    events.add(e);
                    if (e instanceof StreamEvent.Connected) {
                        connected.countDown();
                    }
                }).build();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = executor.submit(stream::run);
            assertTrue(connected.await(10, TimeUnit.SECONDS));
            stream.stop();
            running.get(5, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        StreamEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof StreamEvent.Stopped && ((StreamEvent.Stopped) last).reason().equals("stopped"),
                String.valueOf(last));
        assertEquals(1, x.requests(STREAM).size(), "no reconnect after stop");
        assertThrows(IllegalStateException.class, stream::run, "a reader runs once");
    }

    @Test
    void keepAlivesHoldALongLivedConnectionOpenBeyondTheRequestTimeout() {
        x.on(STREAM, ex -> {
            ex.sendResponseHeaders(200, 0);
            java.io.OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 12; i++) {
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                }
                out.write(record("61").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TwitterStream stream = stream(config().requestTimeout(Duration.ofMillis(300))
                .streamStallTimeout(Duration.ofMillis(250)), 1);

        assertTimeoutPreemptively(LIMIT, stream::run);

        assertEquals(List.of("61"), mentions.stream().map(Mention::id).toList());
        assertEquals(1, stream.connections(), "the request timeout covers the headers, not the stream");
        assertEquals(12, stream.keepAlives());
        assertEquals(List.of(), eventsOf(StreamEvent.Stalled.class));
    }

    @Test
    void backOffFollowsXsDocumentedSchedule() {
        assertEquals(Duration.ofMillis(250), TwitterStream.backoff(TwitterStream.Outcome.NETWORK, 1));
        assertEquals(Duration.ofMillis(1000), TwitterStream.backoff(TwitterStream.Outcome.NETWORK, 4));
        assertEquals(Duration.ofSeconds(16), TwitterStream.backoff(TwitterStream.Outcome.NETWORK, 1000));
        assertEquals(Duration.ofSeconds(5), TwitterStream.backoff(TwitterStream.Outcome.HTTP, 1));
        assertEquals(Duration.ofSeconds(160), TwitterStream.backoff(TwitterStream.Outcome.HTTP, 6));
        assertEquals(Duration.ofSeconds(320), TwitterStream.backoff(TwitterStream.Outcome.HTTP, 7));
        assertEquals(Duration.ofSeconds(320), TwitterStream.backoff(TwitterStream.Outcome.HTTP, 1000));
        assertEquals(Duration.ofMinutes(1), TwitterStream.backoff(TwitterStream.Outcome.RATE_LIMITED, 1));
        assertEquals(Duration.ofMinutes(8), TwitterStream.backoff(TwitterStream.Outcome.RATE_LIMITED, 4));
        assertEquals(Duration.ofMinutes(16), TwitterStream.backoff(TwitterStream.Outcome.RATE_LIMITED, 1000));
    }
}
