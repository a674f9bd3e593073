package dev.firebreak.twitter;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The small HTTP interface the adapter talks through. The default, {@link #jdk()}, uses the JDK's
 * {@link HttpClient}; replace it on {@link TwitterClient.Builder#transport(HttpTransport)} to add a
 * proxy, metrics or a recording layer.
 *
 * <p>Implementations do not interpret statuses: the client decides on status and headers.
 */
public interface HttpTransport {

    /**
     * Sends a request and reads the whole response body.
     *
     * @throws IOException if the server cannot be reached or the exchange fails
     * @throws InterruptedException if the calling thread is interrupted
     */
    Response send(Request request) throws IOException, InterruptedException;

    /**
     * Sends a request and returns as soon as the response headers are in; the body is read
     * incrementally from the returned {@link StreamResponse}, which the caller closes.
     *
     * @throws IOException if the server cannot be reached or the exchange fails
     * @throws InterruptedException if the calling thread is interrupted
     */
    StreamResponse openStream(Request request) throws IOException, InterruptedException;

    /** A transport over a new {@link HttpClient} following no redirects (10 s connect timeout). */
    static HttpTransport jdk() {
        return new JdkHttpTransport(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** A transport over the given client (for a proxy, an executor or TLS settings of your own). */
    static HttpTransport jdk(HttpClient client) {
        return new JdkHttpTransport(Objects.requireNonNull(client, "client"));
    }

    /**
     * An HTTP request.
     *
     * @param method the method, upper-case
     * @param uri the absolute URI, query included
     * @param headers the headers to send; they include the {@code Authorization} header, so they are
     *     never shown by {@link #toString()}
     * @param body the body to send, if any
     * @param timeout how long to wait for the response headers
     */
    record Request(String method, URI uri, Map<String, String> headers, Optional<byte[]> body, Duration timeout) {
        /** Validates and copies. */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
            body = body.map(byte[]::clone);
            Objects.requireNonNull(timeout, "timeout");
        }

        /** Method and URI only: the headers carry credentials. */
        @Override
        public String toString() {
            return "Request[" + method + " " + uri + "]";
        }
    }

    /**
     * A complete HTTP response.
     *
     * @param status the status code
     * @param headers the headers, names lower-cased
     * @param body the body bytes
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        /** Lower-cases the header names and copies. */
        public Response {
            headers = lowerCase(headers);
            body = body.clone();
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return first(headers, name);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return "Response[" + status + ", " + body.length + " bytes]";
        }
    }

    /** A response whose body is read as it arrives. */
    interface StreamResponse extends Closeable {

        /** The status code. */
        int status();

        /** The headers, names lower-cased. */
        Map<String, List<String>> headers();

        /** The first value of a header, by case-insensitive name. */
        default Optional<String> header(String name) {
            return first(headers(), name);
        }

        /**
         * Reads body bytes into the buffer.
         *
         * @return how many bytes were read; {@code 0} if nothing arrived within the timeout; {@code -1}
         *     at the end of the body
         * @throws IOException if the connection failed
         * @throws InterruptedException if the calling thread is interrupted
         */
        int read(byte[] buffer, Duration timeout) throws IOException, InterruptedException;

        /** Closes the connection; a blocked {@link #read} returns or fails soon after. Idempotent. */
        @Override
        void close();
    }

    /** Header names lower-cased, lists copied. */
    static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null) {
                lower.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                        .addAll(e.getValue());
            }
        }
        lower.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(lower);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
