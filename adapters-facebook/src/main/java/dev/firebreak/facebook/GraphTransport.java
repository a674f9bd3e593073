package dev.firebreak.facebook;

import dev.firebreak.facebook.internal.JdkGraphTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one HTTP call the Facebook client needs, so that it can be replaced (a proxy, another HTTP
 * library, a recording in tests). The default, {@link #jdk()}, uses {@code java.net.http.HttpClient}.
 *
 * <p>Requests carry the access token (in the query or the form), so implementations must not log
 * them; {@link Request#toString()} leaves the query and the form out.
 */
@FunctionalInterface
public interface GraphTransport {

    /**
     * Sends one request and returns the response, whatever its status.
     *
     * @throws IOException if no response was received
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    Response send(Request request) throws IOException, InterruptedException;

    /** A transport over a new {@code java.net.http.HttpClient} (10 s connect timeout, no redirects). */
    static GraphTransport jdk() {
        return new JdkGraphTransport(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** A transport over the given client. */
    static GraphTransport jdk(HttpClient client) {
        return new JdkGraphTransport(Objects.requireNonNull(client, "client"));
    }

    /**
     * One request.
     *
     * @param method {@code GET}, {@code POST} or {@code DELETE}
     * @param uri the full URL, query included
     * @param form the form fields of a POST, sent as {@code application/x-www-form-urlencoded}; empty otherwise
     * @param timeout how long to wait for the response
     */
    record Request(String method, URI uri, Map<String, String> form, Duration timeout) {
        /** Validates and copies. */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            form = Map.copyOf(form);
            Objects.requireNonNull(timeout, "timeout");
        }

        /** Method, host and path: never the query or the form, which hold the access token. */
        @Override
        public String toString() {
            return "Request[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "]";
        }
    }

    /**
     * One response.
     *
     * @param status the HTTP status
     * @param headers the headers, names lower-cased
     * @param body the body bytes
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        /** Lower-cases header names and copies everything. */
        public Response {
            Map<String, List<String>> lower = new TreeMap<>();
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null) {
                    lower.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                            .addAll(e.getValue());
                }
            }
            lower.replaceAll((k, v) -> List.copyOf(v));
            headers = Map.copyOf(lower);
            body = body.clone();
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        /** The body bytes (a copy). */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response && status == ((Response) o).status && headers.equals(((Response) o).headers)
                    && Arrays.equals(body, ((Response) o).body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Response[" + status + ", " + body.length + " bytes]";
        }
    }
}
