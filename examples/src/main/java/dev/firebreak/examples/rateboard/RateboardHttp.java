package dev.firebreak.examples.rateboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The little HTTP the Rateboard client needs: one GET. Replace it to use your own HTTP stack, a proxy, or a
 * fake in tests; {@link #jdk(Duration)} is the JDK's {@link HttpClient}.
 */
@FunctionalInterface
public interface RateboardHttp {

    /**
     * Sends a GET and returns whatever status came back (errors are responses too).
     *
     * @param headers request headers; they hold the API key, so never log them
     * @throws IOException when no response came (connection refused, timeout, reset)
     * @throws InterruptedException if interrupted while waiting
     */
    Response get(URI uri, Map<String, String> headers) throws IOException, InterruptedException;

    /**
     * An HTTP response.
     *
     * @param status the status code
     * @param headers the headers, names lower-cased
     * @param body the raw body
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public Response {
            Map<String, List<String>> lower = new TreeMap<>();
            Objects.requireNonNull(headers, "headers").forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT),
                    List.copyOf(v)));
            headers = Map.copyOf(lower);
            body = Objects.requireNonNull(body, "body").clone();
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * The JDK's HTTP client with this request timeout. It never follows redirects: the API key must not be
     * sent to another host.
     */
    static RateboardHttp jdk(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return (uri, headers) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            headers.forEach(b::header);
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        };
    }
}
