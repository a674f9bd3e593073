package dev.firebreak.twitter;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.RejectedItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads X's filtered stream ({@code GET /2/tweets/search/stream}) and hands every post to a callback
 * as a {@link Mention}. The rules that select posts are managed separately (they take effect without
 * reconnecting).
 *
 * <p>Framing: records are delimited by {@code \r\n} (a bare {@code \n} is accepted too); blank lines
 * are keep-alives. A record that cannot be read is handed to {@link Builder#onRejected} and the stream
 * goes on. A record longer than 16 MiB is rejected and skipped.
 *
 * <p>Connection handling, as X documents it: if nothing arrives, not even a keep-alive (X sends one
 * every 20 s), for {@link TwitterConfig#streamStallTimeout()}, the connection is treated as dead and
 * reopened. After an established connection drops, the reader reconnects at once; after a network
 * failure it backs off linearly by 250 ms per attempt up to 16 s; after an HTTP error (5xx) it backs
 * off exponentially from 5 s, doubling up to 320 s; after a 429 (too many connections: X allows one
 * stream connection per app; or a rate limit) exponentially from 1 minute, doubling up to 16 minutes,
 * so a second instance of an app never loops on the limit. Other 4xx answers (401, 403, 409 "no
 * rules") cannot be fixed by retrying: {@link #run()} throws the {@link TwitterApiException} at once.
 * After {@link TwitterConfig#streamMaxConsecutiveFailures()} failed connections in a row it gives up
 * and throws too.
 *
 * <p>No hidden threads: {@link #run()} blocks the calling thread (run it on your own thread or
 * executor) until {@link #stop()} is called from another thread, the thread is interrupted, or the
 * reader gives up. {@code stop()} ends a read at once and a back-off pause when it is over; interrupt
 * the thread (for example {@code future.cancel(true)}) to end a pause at once. A reader runs once.
 *
 * <pre>{@code
 * TwitterStream stream = client.filteredStream()
 *         .onMention(engine::ingest)
 *         .onRejected(deadLetters::add)
 *         .build();
 * Future<?> running = executor.submit(stream::run);
 * // ... at shutdown
 * stream.stop();
 * }</pre>
 */
public final class TwitterStream {

    private static final Logger LOG = LoggerFactory.getLogger(TwitterStream.class);
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final TwitterClient client;
    private final Consumer<Mention> onMention;
    private final Consumer<RejectedItem> onRejected;
    private final Consumer<StreamEvent> onEvent;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile HttpTransport.StreamResponse current;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong keepAlives = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private TwitterStream(Builder b) {
        this.client = b.client;
        this.onMention = b.onMention;
        this.onRejected = b.onRejected;
        this.onEvent = b.onEvent;
    }

    /** A builder for a reader that connects through this client (which holds the bearer token). */
    public static Builder builder(TwitterClient client) {
        return new Builder(client);
    }

    enum Outcome {
        /** An established connection (it delivered data) ended: reconnect at once. */
        DROPPED,
        /** The connection could not be opened, failed, or stalled before any data: linear back-off. */
        NETWORK,
        /** An HTTP error that may pass (5xx): exponential back-off from 5 s. */
        HTTP,
        /** A 429: exponential back-off from 1 minute. */
        RATE_LIMITED,
        /** Stopped on request. */
        STOPPED
    }

    private record Result(Outcome outcome, String reason, Throwable cause) {
    }

    /**
     * Connects and reads until stopped.
     *
     * @throws TwitterApiException for an error that retrying cannot fix (401, 403, 409, other 4xx)
     * @throws TwitterException when it gives up after too many failed connections in a row
     * @throws IllegalStateException if this reader already ran
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a TwitterStream runs once; build a new one");
        }
        int failures = 0;
        int kindAttempts = 0;
        Outcome lastKind = null;
        String stopReason = "stopped";
        try {
            while (!stopRequested) {
                Result r = connectOnce();
                if (stopRequested || r.outcome() == Outcome.STOPPED) {
                    break;
                }
                Duration delay;
                if (r.outcome() == Outcome.DROPPED) {
                    failures = 0;
                    kindAttempts = 0;
                    lastKind = null;
                    delay = Duration.ZERO;
                } else {
                    failures++;
                    kindAttempts = r.outcome() == lastKind ? kindAttempts + 1 : 1;
                    lastKind = r.outcome();
                    delay = backoff(r.outcome(), kindAttempts);
                    if (failures >= client.config().streamMaxConsecutiveFailures()) {
                        stopReason = "gave up after " + failures + " failed connections in a row";
                        throw new TwitterException("X filtered stream: " + stopReason + "; last: " + r.reason(),
                                r.cause());
                    }
                }
                LOG.info("X filtered stream: {}; reconnecting in {} (attempt {})", r.reason(), delay, failures);
                emit(new StreamEvent.Reconnecting(client.clock().instant(), failures, delay, r.reason()));
                client.sleeper().sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
        } catch (TwitterException e) {
            if (stopReason.equals("stopped")) {
                stopReason = e.getMessage();
            }
            throw e;
        } finally {
            HttpTransport.StreamResponse c = current;
            if (c != null) {
                c.close();
            }
            emit(new StreamEvent.Stopped(client.clock().instant(), stopReason));
        }
    }

    /** The pause before the next connection after {@code attempt} failures of this kind in a row. */
    static Duration backoff(Outcome kind, int attempt) {
        switch (kind) {
            case NETWORK:
                return min(Duration.ofMillis(250L * attempt), Duration.ofSeconds(16));
            case HTTP:
                return min(Duration.ofSeconds(5).multipliedBy(1L << Math.min(attempt - 1, 20)), Duration.ofSeconds(320));
            case RATE_LIMITED:
                return min(Duration.ofMinutes(1).multipliedBy(1L << Math.min(attempt - 1, 20)), Duration.ofMinutes(16));
            default:
                return Duration.ZERO;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Asks the reader to stop: the current read ends at once; {@link #run()} returns. Safe to call from
     * any thread, more than once, and before {@code run()} (which then returns at once).
     */
    public void stop() {
        stopRequested = true;
        HttpTransport.StreamResponse c = current;
        if (c != null) {
            c.close();
        }
    }

    /** Records read so far (keep-alives not counted). */
    public long records() {
        return records.get();
    }

    /** Keep-alive lines read so far. */
    public long keepAlives() {
        return keepAlives.get();
    }

    /** Successful (HTTP 200) connections so far. */
    public long connections() {
        return connections.get();
    }

    @Override
    public String toString() {
        return "TwitterStream[" + client.config().baseUri() + ", " + connections() + " connections, " + records()
                + " records]";
    }

    private Result connectOnce() throws InterruptedException {
        TwitterConfig config = client.config();
        HttpTransport.Request request = new HttpTransport.Request("GET",
                client.uri("/2/tweets/search/stream", client.streamParams()),
                client.headers(client.bearerToken(), false), Optional.empty(), config.requestTimeout());
        HttpTransport.StreamResponse conn;
        try {
            conn = client.transport().openStream(request);
        } catch (IOException e) {
            String reason = "cannot connect: " + client.scrub(String.valueOf(e.getMessage()));
            emit(new StreamEvent.Disconnected(client.clock().instant(), reason));
            return new Result(Outcome.NETWORK, reason, e);
        }
        current = conn;
        try {
            if (stopRequested) {
                return new Result(Outcome.STOPPED, "stopped", null);
            }
            if (conn.status() != 200) {
                byte[] body = readBounded(conn, config.requestTimeout());
                TwitterApiException e = client.error(TwitterClient.STREAM, conn.status(), conn::header, body);
                emit(new StreamEvent.Disconnected(client.clock().instant(), e.getMessage()));
                if (conn.status() == 429) {
                    return new Result(Outcome.RATE_LIMITED, e.getMessage(), e);
                }
                if (conn.status() >= 500) {
                    return new Result(Outcome.HTTP, e.getMessage(), e);
                }
                throw e;
            }
            connections.incrementAndGet();
            emit(new StreamEvent.Connected(client.clock().instant()));
            Result r = read(conn, config.streamStallTimeout());
            if (r.outcome() != Outcome.STOPPED) {
                emit(new StreamEvent.Disconnected(client.clock().instant(), r.reason()));
            }
            return r;
        } finally {
            current = null;
            conn.close();
        }
    }

    private Result read(HttpTransport.StreamResponse conn, Duration stallTimeout) throws InterruptedException {
        byte[] buf = new byte[8192];
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        boolean gotData = false;
        boolean skipping = false;
        while (!stopRequested) {
            int n;
            try {
                n = conn.read(buf, stallTimeout);
            } catch (IOException e) {
                if (stopRequested) {
                    break;
                }
                String reason = "connection failed: " + client.scrub(String.valueOf(e.getMessage()));
                return new Result(gotData ? Outcome.DROPPED : Outcome.NETWORK, reason, e);
            }
            if (n < 0) {
                if (stopRequested) {
                    break;
                }
                return new Result(gotData ? Outcome.DROPPED : Outcome.NETWORK, "stream ended", null);
            }
            if (n == 0) {
                emit(new StreamEvent.Stalled(client.clock().instant(), stallTimeout));
                return new Result(gotData ? Outcome.DROPPED : Outcome.NETWORK,
                        "stalled: no data or keep-alive for " + stallTimeout, null);
            }
            gotData = true;
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                if (!skipping) {
                    record.write(buf, start, i - start);
                    handle(record.toByteArray());
                }
                record.reset();
                skipping = false;
                start = i + 1;
            }
            if (!skipping && start < n) {
                if (record.size() + (n - start) > MAX_RECORD) {
                    skipping = true;
                    byte[] head = record.toByteArray();
                    record.reset();
                    reject(new RejectedItem("stream record " + records.incrementAndGet(),
                            "record longer than " + MAX_RECORD + " bytes; skipped",
                            new String(head, 0, Math.min(head.length, 1024), StandardCharsets.UTF_8)));
                } else {
                    record.write(buf, start, n - start);
                }
            }
        }
        return new Result(Outcome.STOPPED, "stopped", null);
    }

    private void handle(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\r' || line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        int start = 0;
        while (start < end && (line[start] == ' ' || line[start] == '\t' || line[start] == '\r')) {
            start++;
        }
        if (start == end) {
            keepAlives.incrementAndGet();
            return;
        }
        byte[] bytes = java.util.Arrays.copyOfRange(line, start, end);
        long n = records.incrementAndGet();
        String location = "stream record " + n;
        MappedPayload payload;
        try {
            payload = client.mapper().map(bytes);
        } catch (PayloadException e) {
            reject(new RejectedItem(location, e.getMessage() + e.errorCode().map(c -> " (error code " + c + ")").orElse(""),
                    new String(bytes, 0, Math.min(bytes.length, 16 * 1024), StandardCharsets.UTF_8)));
            return;
        }
        for (Mention m : payload.mentions()) {
            try {
                onMention.accept(m);
            } catch (RuntimeException e) {
                LOG.warn("X filtered stream: the mention callback failed for {}; going on", m.key(), e);
            }
        }
        for (RejectedItem r : payload.rejected()) {
            reject(new RejectedItem(location + " " + r.location(), r.reason(), r.raw()));
        }
    }

    private void reject(RejectedItem item) {
        LOG.debug("X filtered stream: rejected {}: {}", item.location(), item.reason());
        try {
            onRejected.accept(item);
        } catch (RuntimeException e) {
            LOG.warn("X filtered stream: the rejection callback failed for {}; going on", item.location(), e);
        }
    }

    private void emit(StreamEvent event) {
        try {
            onEvent.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("X filtered stream: the event callback failed for {}; going on", event, e);
        }
    }

    private static byte[] readBounded(HttpTransport.StreamResponse conn, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (out.size() < MAX_ERROR_BODY) {
                int n = conn.read(buf, timeout);
                if (n <= 0) {
                    break;
                }
                out.write(buf, 0, Math.min(n, MAX_ERROR_BODY - out.size()));
            }
        } catch (IOException e) {
            // the status decides; the body only adds detail
        }
        return out.toByteArray();
    }

    /** Builds a {@link TwitterStream}. */
    public static final class Builder {
        private final TwitterClient client;
        private Consumer<Mention> onMention = m -> { };
        private Consumer<RejectedItem> onRejected = r -> LOG.warn("X filtered stream: rejected {}: {}", r.location(),
                r.reason());
        private Consumer<StreamEvent> onEvent = e -> { };

        private Builder(TwitterClient client) {
            this.client = Objects.requireNonNull(client, "client");
            client.bearerToken(); // fail fast without a token
        }

        /** Receives every post of the stream, on the thread that runs the reader. */
        public Builder onMention(Consumer<Mention> onMention) {
            this.onMention = Objects.requireNonNull(onMention, "onMention");
            return this;
        }

        /** Receives every record that could not be read; default: logged as a warning. */
        public Builder onRejected(Consumer<RejectedItem> onRejected) {
            this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
            return this;
        }

        /** Receives connection events. */
        public Builder onEvent(Consumer<StreamEvent> onEvent) {
            this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
            return this;
        }

        /** The reader; call {@link TwitterStream#run()} on a thread of yours. */
        public TwitterStream build() {
            return new TwitterStream(this);
        }
    }
}
