package dev.firebreak.facebook.internal;

import dev.firebreak.facebook.GraphTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** {@link GraphTransport} over {@code java.net.http.HttpClient}. Not part of the API. */
public final class JdkGraphTransport implements GraphTransport {

    /** Responses larger than this are refused: no Graph page comes close. */
    public static final int MAX_BODY = 32 * 1024 * 1024;

    private final HttpClient client;

    /** A transport over the client. */
    public JdkGraphTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .header("Accept", "application/json");
        switch (request.method()) {
            case "GET":
                b.GET();
                break;
            case "DELETE":
                b.DELETE();
                break;
            case "POST":
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(request.form()), StandardCharsets.UTF_8));
                break;
            default:
                throw new IllegalArgumentException("unsupported method " + request.method());
        }
        HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new IOException("response body larger than " + MAX_BODY + " bytes");
        }
        return new Response(r.statusCode(), r.headers().map(), body);
    }

    /** Form-encodes the fields. */
    public static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            j.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return j.toString();
    }
}
