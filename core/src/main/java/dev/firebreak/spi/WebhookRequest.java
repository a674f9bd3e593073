package dev.firebreak.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as a webhook receiver got it, with the body's raw bytes: signatures are computed
 * over exactly these bytes, so the body must not be decoded and re-encoded first.
 *
 * @param method the HTTP method, upper-case
 * @param path the request path, without the query
 * @param query the decoded query parameters (first value of each)
 * @param headers the headers, names lower-cased
 * @param body the raw body bytes (empty for GET)
 */
public record WebhookRequest(String method, String path, Map<String, String> query,
        Map<String, List<String>> headers, byte[] body) {

    /** Validates, lower-cases header names and copies everything. */
    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Map<String, List<String>> lower = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            lower.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .addAll(e.getValue());
        }
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = Map.copyOf(lower);
        method = method.toUpperCase(Locale.ROOT);
        body = body.clone();
    }

    /** A GET request with query parameters. */
    public static WebhookRequest get(String path, Map<String, String> query) {
        return new WebhookRequest("GET", path, query, Map.of(), new byte[0]);
    }

    /** A POST request with headers and a body. */
    public static WebhookRequest post(String path, Map<String, List<String>> headers, byte[] body) {
        return new WebhookRequest("POST", path, Map.of(), headers, body);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body's raw bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest
                && method.equals(((WebhookRequest) o).method)
                && path.equals(((WebhookRequest) o).path)
                && query.equals(((WebhookRequest) o).query)
                && headers.equals(((WebhookRequest) o).headers)
                && Arrays.equals(body, ((WebhookRequest) o).body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body));
    }

    /** Method, path and body size; never header values (they carry signatures). */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
