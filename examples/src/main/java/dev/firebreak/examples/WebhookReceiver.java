package dev.firebreak.examples;

import dev.firebreak.classify.BuiltInClassifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IngestResult;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.events.FirebreakListener;
import dev.firebreak.facebook.FacebookConfig;
import dev.firebreak.facebook.FacebookWebhookHandler;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.spi.RejectedItem;
import dev.firebreak.spi.WebhookHandler;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import dev.firebreak.twitter.TwitterConfig;
import dev.firebreak.twitter.TwitterWebhookHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver: a small HTTP server on the JDK's {@link HttpServer} that takes X and Facebook
 * webhooks, feeds the mentions they carry to a {@link CrisisEngine}, and prints the engine's alerts.
 *
 * <ul>
 *   <li>{@value #TWITTER_PATH}: X's CRC check ({@code GET ?crc_token=...}) and deliveries signed with
 *       {@code x-twitter-webhooks-signature}, by {@link TwitterWebhookHandler};</li>
 *   <li>{@value #FACEBOOK_PATH}: Facebook's subscription handshake ({@code GET ?hub.mode=subscribe
 *       &hub.verify_token=...&hub.challenge=...}) and deliveries signed with {@code X-Hub-Signature-256},
 *       by {@link FacebookWebhookHandler}.</li>
 * </ul>
 *
 * The handlers verify the signature over the raw body bytes before anything is parsed; a request they
 * refuse is answered with their status and reason, and nothing from it reaches the engine. Bodies larger
 * than {@link Config#maxBodyBytes()} are refused with 413 without being kept in memory. Items of a
 * verified body that cannot be read are printed as dead letters, never dropped silently.
 *
 * <p>Secrets come from the environment ({@value #ENV_X_CONSUMER_SECRET}, {@value #ENV_FACEBOOK_APP_SECRET},
 * {@value #ENV_FACEBOOK_VERIFY_TOKEN}) or from arguments, and are never printed:
 *
 * <pre>
 * export FIREBREAK_X_CONSUMER_SECRET=... FIREBREAK_FACEBOOK_APP_SECRET=... FIREBREAK_FACEBOOK_VERIFY_TOKEN=...
 * java -cp examples/target/firebreak.jar dev.firebreak.examples.WebhookReceiver \
 *     --brand acme --handle acme --facebook-page-id 104729381122334 --port 8080
 * </pre>
 *
 * Stop it with Ctrl-C: it stops taking requests, lets the ones in flight finish, and exits. Put it behind
 * a TLS-terminating proxy: both platforms deliver to HTTPS URLs only.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Where X delivers. */
    public static final String TWITTER_PATH = "/webhooks/twitter";
    /** Where Facebook delivers. */
    public static final String FACEBOOK_PATH = "/webhooks/facebook";
    /** The environment variable holding the X app's consumer secret. */
    public static final String ENV_X_CONSUMER_SECRET = "FIREBREAK_X_CONSUMER_SECRET";
    /** The environment variable holding the Facebook app secret. */
    public static final String ENV_FACEBOOK_APP_SECRET = "FIREBREAK_FACEBOOK_APP_SECRET";
    /** The environment variable holding the Facebook verify token. */
    public static final String ENV_FACEBOOK_VERIFY_TOKEN = "FIREBREAK_FACEBOOK_VERIFY_TOKEN";

    private final HttpServer server;
    private final ExecutorService requests;
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> ticks;
    private final CrisisEngine engine;
    private final PrintStream out;
    private final int maxBodyBytes;
    /** Guards {@link #closed} and {@link #inFlight}. */
    private final Object flight = new Object();
    private boolean closed;
    private int inFlight;

    private WebhookReceiver(Config config, PrintStream out) throws IOException {
        this.out = out;
        this.maxBodyBytes = config.maxBodyBytes();
        // --- README: receiver setup
        this.engine = CrisisEngine.builder()
                .classifier(BuiltInClassifier.create())
                .brand(config.brand())
                .listener(new AlertPrinter(out))
                .build();
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        config.twitterConsumerSecret().ifPresent(secret -> endpoints.put(TWITTER_PATH, new Endpoint("x",
                TwitterWebhookHandler.builder(TwitterConfig.builder().consumerSecret(secret).build())
                        .maxBodyBytes(config.maxBodyBytes()).build())));
        config.facebookAppSecret().ifPresent(secret -> {
            FacebookConfig.Builder fb = FacebookConfig.builder().appSecret(secret).brand(config.brand().name());
            config.facebookVerifyToken().ifPresent(fb::verifyToken);
            config.facebookPageId().ifPresent(fb::pageId);
            endpoints.put(FACEBOOK_PATH, new Endpoint("facebook", FacebookWebhookHandler.of(fb.build())));
        });
        // --- end
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 64);
        this.requests = Executors.newFixedThreadPool(config.threads(), named("firebreak-webhooks"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("firebreak-ticks"));
        server.createContext("/", exchange -> {
            boolean entered = enter();
            try {
                if (!entered) {
                    respond(exchange, 503, "text/plain; charset=utf-8", "shutting down");
                    return;
                }
                Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
                if (endpoint == null) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "no webhook here; this receiver serves "
                            + String.join(" and ", endpoints.keySet()));
                } else {
                    serve(exchange, endpoint);
                }
            } catch (IOException | RuntimeException e) {
                // a client that went away, or a bug: the request is lost, the server goes on
                out.println("webhooks: request failed: " + e);
            } finally {
                exchange.close();
                if (entered) {
                    leave();
                }
            }
        });
        server.setExecutor(requests);
        server.start();
        // deadlines fire while no mention arrives; the engine runs no thread of its own
        this.ticks = engine.scheduleTicks(ticker, config.tickPeriod());
        out.println("webhooks: listening on http://" + config.bind() + ":" + server.getAddress().getPort() + " for "
                + config.brand().name() + " (" + String.join(", ", endpoints.keySet()) + "); " + config);
    }

    /**
     * Starts a receiver; it runs until {@link #close()}.
     *
     * @param out where alerts and request outcomes are printed
     * @throws IOException if the address cannot be bound
     */
    public static WebhookReceiver start(Config config, PrintStream out) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(out, "out");
        return new WebhookReceiver(config, out);
    }

    /** The address it listens on (with the actual port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The engine it feeds. */
    public CrisisEngine engine() {
        return engine;
    }

    /**
     * Stops taking requests (new ones are answered 503), waits up to 5 seconds for the ones in flight to
     * finish, stops the server and the ticks. Idempotent.
     */
    @Override
    public void close() {
        synchronized (flight) {
            if (closed) {
                return;
            }
            closed = true;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            try {
                while (inFlight > 0 && System.nanoTime() < deadline) {
                    flight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0); // nothing in flight any more (JDK 17 would wait the whole delay otherwise)
        ticks.cancel(false);
        ticker.shutdown();
        requests.shutdown();
        try {
            if (!requests.awaitTermination(5, TimeUnit.SECONDS)) {
                requests.shutdownNow();
            }
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            requests.shutdownNow();
            Thread.currentThread().interrupt();
        }
        out.println("webhooks: stopped; " + engine.stats());
    }

    // ---------------------------------------------------------------- requests

    /** Counts a request in, unless closing. */
    private boolean enter() {
        synchronized (flight) {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    /** Requests being served now. */
    int inFlight() {
        synchronized (flight) {
            return inFlight;
        }
    }

    private void leave() {
        synchronized (flight) {
            inFlight--;
            flight.notifyAll();
        }
    }

    /** A platform's path: its name for the output and its handler. */
    private record Endpoint(String name, WebhookHandler handler) {
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            out.println(endpoint.name() + ": refused " + method + " (413): body larger than " + maxBodyBytes + " bytes");
            respond(exchange, 413, "text/plain; charset=utf-8", "body larger than " + maxBodyBytes + " bytes");
            return;
        }
        Map<String, String> query;
        try {
            query = query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "text/plain; charset=utf-8", "malformed query string");
            return;
        }
        // --- README: handle a request
        WebhookRequest request = new WebhookRequest(method, exchange.getRequestURI().getPath(), query,
                exchange.getRequestHeaders(), body.get());
        WebhookResult result = endpoint.handler().handle(request);      // verifies the raw bytes
        if (result instanceof WebhookResult.Accepted) {
            ingest(endpoint, ((WebhookResult.Accepted) result));
        } else if (result instanceof WebhookResult.Rejected) {
            out.println(endpoint.name() + ": refused " + method + " (" + result.status() + "): "
                    + ((WebhookResult.Rejected) result).reason());
        } else {
            out.println(endpoint.name() + ": answered the verification handshake");
        }
        respond(exchange, result.status(), result.contentType(), result.responseBody());
        // --- end
    }

    private void ingest(Endpoint endpoint, WebhookResult.Accepted accepted) {
        int taken = 0;
        int other = 0;
        for (Mention m : accepted.payload().mentions()) {
            IngestResult r = engine.ingest(m);
            if (r.status() == IngestResult.Status.NEW || r.status() == IngestResult.Status.UPDATED) {
                taken++;
            } else {
                other++;
                if (r.status() == IngestResult.Status.REJECTED) {
                    out.println(endpoint.name() + ": dead letter " + m.key() + ": " + r.reason().orElse("rejected"));
                }
            }
        }
        for (RejectedItem item : accepted.payload().rejected()) {
            out.println(endpoint.name() + ": dead letter at " + item.location() + ": " + item.reason());
        }
        out.println(endpoint.name() + ": delivery of " + accepted.payload().mentions().size() + " mentions: " + taken
                + " taken, " + other + " duplicate, unmatched or rejected; " + accepted.payload().rejected().size()
                + " unreadable items");
    }

    /**
     * The body, or empty if it is larger than the limit. An oversized body is never kept: it is read
     * and discarded (up to {@link #drainLimit()} bytes, then the connection is dropped) so that the
     * client, still sending, reads the 413 instead of a reset connection.
     */
    private Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        boolean tooLarge = false;
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                tooLarge = Long.parseLong(declared.strip()) > maxBodyBytes;
            } catch (NumberFormatException e) {
                tooLarge = true;
            }
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long read = 0;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                read += n;
                if (!tooLarge && buffer.size() + n > maxBodyBytes) {
                    tooLarge = true;
                    buffer = null;
                }
                if (tooLarge) {
                    if (read > drainLimit()) {
                        break;
                    }
                } else {
                    buffer.write(chunk, 0, n);
                }
            }
        }
        return tooLarge ? Optional.empty() : Optional.of(buffer.toByteArray());
    }

    /** How much of an oversized body is read and discarded before the connection is dropped. */
    private long drainLimit() {
        return Math.min(16L * maxBodyBytes, 64L * 1024 * 1024);
    }

    /** The decoded query parameters, first value of each. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) ? new byte[0]
                : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- alerts

    /** Prints what a person on duty must see: alerts, new incidents, crises, escalations, missed deadlines. */
    static final class AlertPrinter implements FirebreakListener {
        private final PrintStream out;

        AlertPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onEvent(FirebreakEvent e) {
            if (e instanceof FirebreakEvent.AlertRaised) {
                FirebreakEvent.AlertRaised a = (FirebreakEvent.AlertRaised) e;
                out.println("ALERT     " + e.brand() + " " + a.alert().incident().map(i -> i.value() + " ").orElse("")
                        + a.alert().signal().jsonName() + ": " + a.alert().summary());
            } else if (e instanceof FirebreakEvent.IncidentOpened) {
                FirebreakEvent.IncidentOpened o = (FirebreakEvent.IncidentOpened) e;
                out.println("INCIDENT  " + o.incident().value() + " opened (" + o.topic() + ", "
                        + o.severity().jsonName() + "): " + o.reason());
            } else if (e instanceof FirebreakEvent.SeverityChanged) {
                FirebreakEvent.SeverityChanged s = (FirebreakEvent.SeverityChanged) e;
                out.println((s.becameCrisis() ? "CRISIS    " : "SEVERITY  ") + s.incident().value() + " "
                        + s.from().jsonName() + " -> " + s.to().jsonName() + ": " + String.join("; ", s.reasons()));
            } else if (e instanceof FirebreakEvent.Escalated) {
                FirebreakEvent.Escalated x = (FirebreakEvent.Escalated) e;
                out.println("ESCALATED " + x.incident().value() + " to level " + x.toLevel() + " " + x.role() + " ("
                        + x.reason().jsonName() + ")");
            } else if (e instanceof FirebreakEvent.DeadlineMissed) {
                FirebreakEvent.DeadlineMissed d = (FirebreakEvent.DeadlineMissed) e;
                out.println("MISSED    " + d.incident().value() + " " + d.kind().jsonName() + " due " + d.deadline());
            } else if (e instanceof FirebreakEvent.WatchChanged) {
                FirebreakEvent.WatchChanged w = (FirebreakEvent.WatchChanged) e;   // a problem near the crisis line
                out.println("WATCH     " + w.incident().value() + " " + (w.watch() ? "flagged: " : "no longer watched: ")
                        + w.reason());
            }
        }
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv(), Arrays.asList(args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("webhook receiver: " + e.getMessage());
            System.err.println(Config.USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        WebhookReceiver receiver;
        try {
            receiver = start(config, System.out);
        } catch (IOException e) {
            System.err.println("webhook receiver: cannot listen on " + config.bind() + ":" + config.port() + ": " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }, "firebreak-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            receiver.close();
        }
    }

    /**
     * What the receiver needs: where to listen, the brand, the platforms' secrets, the body limit. Secrets
     * are never shown by {@link #toString()}.
     */
    public static final class Config {

        static final String USAGE = "usage: WebhookReceiver --brand NAME [--handle H ...] [--keyword K ...]\n"
                + "    [--bind ADDR (127.0.0.1)] [--port N (8080)] [--facebook-page-id ID] [--max-body-bytes N (1048576)]\n"
                + "    [--x-consumer-secret S] [--facebook-app-secret S] [--facebook-verify-token T]\n"
                + "Secrets are better given as environment variables (" + ENV_X_CONSUMER_SECRET + ", "
                + ENV_FACEBOOK_APP_SECRET + ", " + ENV_FACEBOOK_VERIFY_TOKEN + "):\n"
                + "arguments are visible to other users of the machine in the process list.\n"
                + "At least one platform's secret is required; X is served on " + TWITTER_PATH + ", Facebook on "
                + FACEBOOK_PATH + ".";

        private final String bind;
        private final int port;
        private final Brand brand;
        private final Optional<String> twitterConsumerSecret;
        private final Optional<String> facebookAppSecret;
        private final Optional<String> facebookVerifyToken;
        private final Optional<String> facebookPageId;
        private final int maxBodyBytes;
        private final int threads;
        private final Duration tickPeriod;

        private Config(Builder b) {
            this.bind = b.bind;
            this.port = b.port;
            this.brand = b.brand;
            this.twitterConsumerSecret = b.twitterConsumerSecret;
            this.facebookAppSecret = b.facebookAppSecret;
            this.facebookVerifyToken = b.facebookVerifyToken;
            this.facebookPageId = b.facebookPageId;
            this.maxBodyBytes = b.maxBodyBytes;
            this.threads = b.threads;
            this.tickPeriod = b.tickPeriod;
        }

        /** A builder; a brand and at least one platform's secret are required. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding this config's values. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.bind = bind;
            b.port = port;
            b.brand = brand;
            b.twitterConsumerSecret = twitterConsumerSecret;
            b.facebookAppSecret = facebookAppSecret;
            b.facebookVerifyToken = facebookVerifyToken;
            b.facebookPageId = facebookPageId;
            b.maxBodyBytes = maxBodyBytes;
            b.threads = threads;
            b.tickPeriod = tickPeriod;
            return b;
        }

        /**
         * Reads the command line and the environment; an argument wins over the environment.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Config fromEnvironment(Map<String, String> env, List<String> args) {
            Builder b = builder();
            Optional.ofNullable(env.get(ENV_X_CONSUMER_SECRET)).filter(s -> !s.isBlank())
                    .ifPresent(b::twitterConsumerSecret);
            Optional.ofNullable(env.get(ENV_FACEBOOK_APP_SECRET)).filter(s -> !s.isBlank())
                    .ifPresent(b::facebookAppSecret);
            Optional.ofNullable(env.get(ENV_FACEBOOK_VERIFY_TOKEN)).filter(s -> !s.isBlank())
                    .ifPresent(b::facebookVerifyToken);
            String name = null;
            List<String> handles = new ArrayList<>();
            List<String> keywords = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + option + "'");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--brand": name = value; break;
                    case "--handle": handles.add(value); break;
                    case "--keyword": keywords.add(value); break;
                    case "--bind": b.bind(value); break;
                    case "--port": b.port(integer(option, value)); break;
                    case "--facebook-page-id": b.facebookPageId(value); break;
                    case "--max-body-bytes": b.maxBodyBytes(integer(option, value)); break;
                    case "--x-consumer-secret": b.twitterConsumerSecret(value); break;
                    case "--facebook-app-secret": b.facebookAppSecret(value); break;
                    case "--facebook-verify-token": b.facebookVerifyToken(value); break;
                    default: throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("--brand is required");
            }
            Brand.Builder brand = Brand.builder(name).keywords(keywords.isEmpty() ? new String[] {name}
                    : keywords.toArray(new String[0]));
            for (String h : handles) {
                brand.handles(h).ownedAccount(Platform.TWITTER, h); // the brand's own X account speaks for it
            }
            return b.brand(brand.build()).build();
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
            }
        }

        /** The address to bind; default {@code 127.0.0.1}. */
        public String bind() {
            return bind;
        }

        /** The port; 0 picks a free one. Default 8080. */
        public int port() {
            return port;
        }

        /** The brand whose mentions are watched. */
        public Brand brand() {
            return brand;
        }

        /** The X app's consumer secret: serves {@value #TWITTER_PATH} when present. */
        public Optional<String> twitterConsumerSecret() {
            return twitterConsumerSecret;
        }

        /** The Facebook app secret: serves {@value #FACEBOOK_PATH} when present. */
        public Optional<String> facebookAppSecret() {
            return facebookAppSecret;
        }

        /** The Facebook verify token for the subscription handshake. */
        public Optional<String> facebookVerifyToken() {
            return facebookVerifyToken;
        }

        /** The brand's Facebook Page id: its posts and comments are the brand's own. */
        public Optional<String> facebookPageId() {
            return facebookPageId;
        }

        /** The largest request body read; default 1 MiB. */
        public int maxBodyBytes() {
            return maxBodyBytes;
        }

        /** Threads serving requests; default 4. */
        public int threads() {
            return threads;
        }

        /** How often the engine's deadlines are evaluated; default 30 seconds. */
        public Duration tickPeriod() {
            return tickPeriod;
        }

        /** Where and what it serves; secrets show only as set or not. */
        @Override
        public String toString() {
            return "WebhookReceiver.Config[bind=" + bind + ", port=" + port + ", brand=" + brand.name()
                    + ", xConsumerSecret=" + shown(twitterConsumerSecret) + ", facebookAppSecret="
                    + shown(facebookAppSecret) + ", facebookVerifyToken=" + shown(facebookVerifyToken)
                    + ", facebookPageId=" + facebookPageId.orElse("(none)") + ", maxBodyBytes=" + maxBodyBytes
                    + ", threads=" + threads + ", tickPeriod=" + tickPeriod + "]";
        }

        private static String shown(Optional<String> secret) {
            return secret.isPresent() ? "(set)" : "(none)";
        }

        /** Builds a {@link Config}; setters fail fast on bad values. */
        public static final class Builder {
            private String bind = "127.0.0.1";
            private int port = 8080;
            private Brand brand;
            private Optional<String> twitterConsumerSecret = Optional.empty();
            private Optional<String> facebookAppSecret = Optional.empty();
            private Optional<String> facebookVerifyToken = Optional.empty();
            private Optional<String> facebookPageId = Optional.empty();
            private int maxBodyBytes = 1024 * 1024;
            private int threads = 4;
            private Duration tickPeriod = Duration.ofSeconds(30);

            private Builder() {
            }

            /** The address to bind (a host name or an IP address). */
            public Builder bind(String bind) {
                Objects.requireNonNull(bind, "bind");
                if (bind.isBlank()) {
                    throw new IllegalArgumentException("bind must not be blank");
                }
                this.bind = bind.strip();
                return this;
            }

            /** The port: 0 to 65535 (0 picks a free one). */
            public Builder port(int port) {
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
                }
                this.port = port;
                return this;
            }

            /** The brand to watch (required). */
            public Builder brand(Brand brand) {
                this.brand = Objects.requireNonNull(brand, "brand");
                return this;
            }

            /** The X app's consumer secret. */
            public Builder twitterConsumerSecret(String secret) {
                this.twitterConsumerSecret = Optional.of(secret(secret, "twitterConsumerSecret"));
                return this;
            }

            /** The Facebook app secret. */
            public Builder facebookAppSecret(String secret) {
                this.facebookAppSecret = Optional.of(secret(secret, "facebookAppSecret"));
                return this;
            }

            /** The Facebook verify token. */
            public Builder facebookVerifyToken(String token) {
                this.facebookVerifyToken = Optional.of(secret(token, "facebookVerifyToken"));
                return this;
            }

            /** The brand's Facebook Page id. */
            public Builder facebookPageId(String pageId) {
                Objects.requireNonNull(pageId, "facebookPageId");
                if (!pageId.strip().matches("[0-9]{1,30}")) {
                    throw new IllegalArgumentException("facebookPageId must be 1 to 30 digits, was '" + pageId + "'");
                }
                this.facebookPageId = Optional.of(pageId.strip());
                return this;
            }

            /** The largest request body read: 1 KiB to 100 MiB. */
            public Builder maxBodyBytes(int bytes) {
                if (bytes < 1024 || bytes > 100 * 1024 * 1024) {
                    throw new IllegalArgumentException("maxBodyBytes must be between 1024 and " + (100 * 1024 * 1024)
                            + ", was " + bytes);
                }
                this.maxBodyBytes = bytes;
                return this;
            }

            /** Threads serving requests: 1 to 64. */
            public Builder threads(int threads) {
                if (threads < 1 || threads > 64) {
                    throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
                }
                this.threads = threads;
                return this;
            }

            /** How often the engine's deadlines are evaluated: 1 second to 10 minutes. */
            public Builder tickPeriod(Duration period) {
                Objects.requireNonNull(period, "tickPeriod");
                if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofMinutes(10)) > 0) {
                    throw new IllegalArgumentException("tickPeriod must be between 1 second and 10 minutes, was "
                            + period);
                }
                this.tickPeriod = period;
                return this;
            }

            private static String secret(String value, String field) {
                Objects.requireNonNull(value, field);
                if (value.isBlank()) {
                    throw new IllegalArgumentException(field + " must not be blank");
                }
                return value;
            }

            /**
             * The config.
             *
             * @throws IllegalStateException without a brand or without any platform's secret
             */
            public Config build() {
                if (brand == null) {
                    throw new IllegalStateException("a brand is required: builder().brand(...)");
                }
                if (twitterConsumerSecret.isEmpty() && facebookAppSecret.isEmpty()) {
                    throw new IllegalStateException("configure at least one platform: set the X consumer secret ("
                            + ENV_X_CONSUMER_SECRET + ") or the Facebook app secret (" + ENV_FACEBOOK_APP_SECRET + ")");
                }
                return new Config(this);
            }
        }
    }
}
