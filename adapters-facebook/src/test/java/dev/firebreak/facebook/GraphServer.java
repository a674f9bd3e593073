package dev.firebreak.facebook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server on 127.0.0.1 with a free port, answering like the Graph API from routes the test
 * sets up, and recording every request.
 */
final class GraphServer implements AutoCloseable {

    /** A request as the server received it. */
    record Call(String method, String path, Map<String, String> query, Map<String, String> form) {
        /** A parameter from the query or, for POSTs, the form. */
        String param(String name) {
            return query.containsKey(name) ? query.get(name) : form.get(name);
        }
    }

    /** An answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply ok(String body) {
            return new Reply(200, Map.of(), body);
        }

        static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    /** Answers one call. */
    @FunctionalInterface
    interface Route {
        Reply answer(Call call);
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    GraphServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure: {@code http://127.0.0.1:<port>}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} (path with the version, for example {@code /v25.0/123/feed}). */
    GraphServer route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    /** Every call so far, in order. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one path. */
    synchronized List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    /** A payload with {@code {{base}}} replaced by this server's base URL. */
    String withBase(String payload) {
        return payload.replace("{{base}}", baseUrl().toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    decode(exchange.getRequestURI().getRawQuery()), decode(body));
            synchronized (this) {
                calls.add(call);
            }
            Route route = routes.get(call.method() + " " + call.path());
            Reply reply = route == null
                    ? Reply.of(400, "{\"error\":{\"message\":\"Unknown path components: " + call.path()
                            + "\",\"type\":\"OAuthException\",\"code\":2500,\"fbtrace_id\":\"Atest\"}}")
                    : route.answer(call);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.getResponseHeaders().add("facebook-api-version", "v25.0");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
