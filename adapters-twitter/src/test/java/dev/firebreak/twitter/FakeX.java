package dev.firebreak.twitter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for api.x.com on 127.0.0.1 and a free port: serves queued answers per path (the
 * last one repeats) and records every request.
 */
final class FakeX implements AutoCloseable {

    /** Writes one answer. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    /** A request as the server saw it. */
    record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Responder>> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new ArrayList<>();

    FakeX() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues answers for a path; the last one is repeated for later requests. */
    FakeX on(String path, Responder... responders) {
        Deque<Responder> q = answers.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (q) {
            q.addAll(List.of(responders));
        }
        return this;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Recorded> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    query(ex.getRequestURI().getRawQuery()), headers, ex.getRequestBody().readAllBytes());
            synchronized (requests) {
                requests.add(r);
            }
            Deque<Responder> q = answers.get(r.path());
            Responder responder = null;
            if (q != null) {
                synchronized (q) {
                    responder = q.size() > 1 ? q.poll() : q.peek();
                }
            }
            if (responder == null) {
                send(ex, 404, "{\"title\":\"Not Found Error\",\"type\":\"about:blank\",\"status\":404,\"detail\":\"no fake for "
                        + r.path() + "\"}", Map.of());
                return;
            }
            responder.respond(ex);
        } catch (IOException e) {
            // the client went away (a closed stream): nothing to answer
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    static Responder json(int status, String body) {
        return json(status, body, Map.of());
    }

    static Responder json(int status, String body, Map<String, String> headers) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            send(ex, status, body, headers);
        };
    }

    static Responder text(int status, String body, Map<String, String> headers) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            send(ex, status, body, headers);
        };
    }

    /** A streamed 200 body: writes each chunk and flushes, then ends (or hangs for {@code holdMillis}). */
    static Responder stream(List<String> chunks, long holdMillis) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String c : chunks) {
                out.write(c.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (holdMillis > 0) {
                try {
                    Thread.sleep(holdMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
