package dev.firebreak.examples;

import dev.firebreak.classify.BuiltInClassifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.examples.rateboard.RateboardClient;
import dev.firebreak.examples.rateboard.RateboardConfig;
import dev.firebreak.examples.rateboard.RateboardMapper;
import dev.firebreak.examples.rateboard.RateboardWebhookHandler;
import dev.firebreak.incident.Incident;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The custom adapter example run end to end: Rateboard, an invented review site (package
 * {@link dev.firebreak.examples.rateboard}), feeding the crisis engine. With no Rateboard account to talk
 * to, it starts a local stand-in for Rateboard's API on 127.0.0.1 that serves two pages of reviews (and
 * answers the first request with a rate limit, to show the retry), then:
 *
 * <ol>
 *   <li>polls the reviews with {@link RateboardClient} (paging, the rate limit, an item with a broken
 *       rating reported as a dead letter) and feeds them to the engine;</li>
 *   <li>receives a webhook delivery signed as Rateboard signs it, through {@link RateboardWebhookHandler}
 *       (new one-star reviews, the business's reply, a review hidden by moderation, an unknown event type
 *       reported as a dead letter); a tampered copy is refused;</li>
 *   <li>prints the alerts and incidents: the run of one-star reviews about double charges.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -cp examples/target/firebreak.jar dev.firebreak.examples.CustomAdapterDemo
 * </pre>
 */
public final class CustomAdapterDemo {

    /** The demo's "now": just after the reviews of the story were written. */
    static final Instant NOW = Instant.parse("2026-03-03T19:00:00Z");
    private static final String API_KEY = "rb_live_demo_key_0f3a9c";
    private static final String WEBHOOK_SECRET = "whsec_demo_8d1e77b2";
    private static final String RESOURCES = "/dev/firebreak/examples/rateboard/";

    /**
     * What the demo did.
     *
     * @param poll what polling read
     * @param signed the handler's answer to the signed delivery
     * @param tampered its answer to the tampered copy
     * @param incidents the engine's incidents at the end
     * @param events every event the engine published
     */
    public record Result(RateboardClient.Poll poll, WebhookResult signed, WebhookResult tampered,
            List<Incident> incidents, List<FirebreakEvent> events) {
    }

    private CustomAdapterDemo() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs the demo, printing to {@code out}. */
    public static Result run(PrintStream out) throws IOException, InterruptedException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<FirebreakEvent> events = new ArrayList<>();
        CrisisEngine engine = CrisisEngine.builder()
                .clock(clock)
                .classifier(BuiltInClassifier.create())
                .brand(Brand.builder("kestrel").keywords("kestrel")
                        .ownedAccount(RateboardMapper.PLATFORM, "kestrelcoffee").build())
                .listener(events::add)
                .listener(e -> print(e, out))
                .build();
        HttpServer rateboard = standIn();
        try {
            URI base = URI.create("http://127.0.0.1:" + rateboard.getAddress().getPort());
            out.println("A stand-in for Rateboard's API is listening on " + base);

            // --- README: custom adapter: configure
            RateboardConfig config = RateboardConfig.builder()
                    .baseUri(base)                      // the real API by default
                    .businessId("kestrel-soho")
                    .apiKey(API_KEY)                    // from your secret store, never logged
                    .webhookSecret(WEBHOOK_SECRET)
                    .brand("kestrel")
                    .pageSize(5)
                    .build();
            // --- end

            // --- README: custom adapter: poll
            RateboardClient client = RateboardClient.builder(config).build();
            RateboardClient.Poll poll = client.poll(Optional.empty());   // then poll.nextSince() next time
            poll.mentions().forEach(engine::ingest);
            poll.rejected().forEach(r -> out.println("  dead letter " + r.location() + ": " + r.reason()));
            // --- end
            out.println("Polled " + poll.pages() + " pages: " + poll.mentions().size() + " reviews and replies, "
                    + poll.rejected().size() + " unreadable; next poll from " + poll.nextSince().orElse(null));

            // --- README: custom adapter: webhook
            RateboardWebhookHandler webhooks = RateboardWebhookHandler.of(config, RateboardMapper.of(config), clock);
            byte[] body = resource("webhook-delivery.json");
            WebhookRequest delivery = WebhookRequest.post("/webhooks/rateboard", Map.of(
                    "Rateboard-Signature", List.of(RateboardWebhookHandler.signature(WEBHOOK_SECRET, NOW, body))),
                    body);
            WebhookResult result = webhooks.handle(delivery);
            if (result instanceof WebhookResult.Accepted) {
                WebhookResult.Accepted accepted = (WebhookResult.Accepted) result;
                accepted.payload().mentions().forEach(engine::ingest);
                accepted.payload().rejected().forEach(r -> out.println("  dead letter " + r.location() + ": "
                        + r.reason()));
            }
            // --- end
            out.println("Signed webhook delivery: " + describe(result));
            byte[] tampered = body.clone();
            tampered[body.length / 2] ^= 1;
            WebhookResult refused = webhooks.handle(new WebhookRequest("POST", "/webhooks/rateboard", Map.of(),
                    delivery.headers(), tampered));
            out.println("Tampered copy: " + describe(refused));

            out.println();
            List<Incident> incidents = engine.incidents("kestrel");
            for (Incident i : incidents) {
                out.printf(java.util.Locale.ROOT, "Incident %s (%s): %s%s, %d mentions, %.0f%% negative%n",
                        i.id().value(), i.topic(), i.severity().jsonName(), i.isCrisis() ? " CRISIS" : "",
                        i.mentions(), i.negativeShare() * 100);
            }
            return new Result(poll, result, refused, incidents, List.copyOf(events));
        } finally {
            rateboard.stop(0);
        }
    }

    private static String describe(WebhookResult r) {
        if (r instanceof WebhookResult.Accepted) {
            WebhookResult.Accepted a = (WebhookResult.Accepted) r;
            return "accepted, " + a.payload().mentions().size() + " mentions, " + a.payload().rejected().size()
                    + " unreadable";
        }
        if (r instanceof WebhookResult.Rejected) {
            return "refused (" + r.status() + "): " + ((WebhookResult.Rejected) r).reason();
        }
        return "handshake answered";
    }

    private static void print(FirebreakEvent e, PrintStream out) {
        if (e instanceof FirebreakEvent.AlertRaised) {
            FirebreakEvent.AlertRaised a = (FirebreakEvent.AlertRaised) e;
            out.println("  ALERT " + a.alert().signal().jsonName() + ": " + a.alert().summary());
        } else if (e instanceof FirebreakEvent.IncidentOpened) {
            FirebreakEvent.IncidentOpened o = (FirebreakEvent.IncidentOpened) e;
            out.println("  OPENED " + o.incident().value() + " (" + o.topic() + ", " + o.severity().jsonName() + "): "
                    + o.reason());
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            FirebreakEvent.SeverityChanged s = (FirebreakEvent.SeverityChanged) e;
            out.println("  SEVERITY " + s.incident().value() + " " + s.from().jsonName() + " -> " + s.to().jsonName()
                    + ": " + String.join("; ", s.reasons()));
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            FirebreakEvent.PublicReplyRecorded r = (FirebreakEvent.PublicReplyRecorded) e;
            out.println("  REPLIED " + r.incident().value() + " by @" + r.by());
        }
    }

    // ---------------------------------------------------------------- the stand-in for Rateboard's API

    /**
     * A local server playing Rateboard's reviews endpoint: checks the API key, answers the first request with
     * a 429, then serves the two pages by cursor.
     */
    private static HttpServer standIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/v1/businesses/kestrel-soho/reviews", exchange -> {
            try {
                if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, Map.of(), error("unauthorized", "Invalid API key"));
                } else if (requests.getAndIncrement() == 0) {
                    send(exchange, 429, Map.of("Retry-After", "0"), error("rate_limited", "Too many requests"));
                } else {
                    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
                    if (query.contains("cursor=c2")) {
                        send(exchange, 200, Map.of(), resource("reviews-page-2.json"));
                    } else if (query.contains("cursor=")) {
                        send(exchange, 400, Map.of(), error("invalid_request", "Unknown cursor"));
                    } else {
                        send(exchange, 200, Map.of(), resource("reviews-page-1.json"));
                    }
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static byte[] error(String code, String message) {
        return ("{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = CustomAdapterDemo.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
