package dev.firebreak.facebook.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.facebook.GraphUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Graph API usage headers ({@code X-App-Usage}, {@code X-Page-Usage},
 * {@code X-Business-Use-Case-Usage}). A malformed header is ignored with a debug log: usage
 * reporting must never fail a request. Not part of the API.
 */
public final class UsageHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(UsageHeaders.class);
    private static final int MAX_HEADER = 64 * 1024;

    private final ObjectMapper json;

    /** A reader that parses header JSON with this mapper. */
    public UsageHeaders(ObjectMapper json) {
        this.json = json;
    }

    /** The usage the headers report; header names are looked up case-insensitively by {@code header}. */
    public GraphUsage read(Function<String, Optional<String>> header, Instant now) {
        OptionalInt app = flat(header.apply("x-app-usage"), "X-App-Usage");
        OptionalInt page = flat(header.apply("x-page-usage"), "X-Page-Usage");
        int buc = -1;
        long regainMinutes = 0;
        Optional<JsonNode> tree = parse(header.apply("x-business-use-case-usage"), "X-Business-Use-Case-Usage");
        if (tree.isPresent() && tree.get().isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.get().fields(); it.hasNext(); ) {
                JsonNode entries = it.next().getValue();
                Iterable<JsonNode> items = entries.isArray() ? entries : java.util.List.of(entries);
                for (JsonNode item : items) {
                    buc = Math.max(buc, highest(item));
                    Optional<Long> regain = GraphValues.count(item.get("estimated_time_to_regain_access"));
                    if (regain.isPresent()) {
                        regainMinutes = Math.max(regainMinutes, Math.min(regain.get(), 7L * 24 * 60));
                    }
                }
            }
        }
        return new GraphUsage(app, page, buc < 0 ? OptionalInt.empty() : OptionalInt.of(buc),
                regainMinutes > 0 ? Optional.of(Duration.ofMinutes(regainMinutes)) : Optional.empty(), now);
    }

    private OptionalInt flat(Optional<String> value, String name) {
        Optional<JsonNode> tree = parse(value, name);
        if (tree.isEmpty() || !tree.get().isObject()) {
            return OptionalInt.empty();
        }
        int h = highest(tree.get());
        return h < 0 ? OptionalInt.empty() : OptionalInt.of(h);
    }

    private static int highest(JsonNode object) {
        int h = -1;
        for (String field : new String[] {"call_count", "total_cputime", "total_time"}) {
            JsonNode n = object.get(field);
            if (n != null && n.isNumber() && n.asDouble() >= 0) {
                h = Math.max(h, (int) Math.min(Integer.MAX_VALUE, Math.ceil(n.asDouble())));
            } else {
                Optional<Long> c = GraphValues.count(n);
                if (c.isPresent()) {
                    h = Math.max(h, (int) Math.min(Integer.MAX_VALUE, c.get()));
                }
            }
        }
        return h;
    }

    private Optional<JsonNode> parse(Optional<String> value, String name) {
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        if (value.get().length() > MAX_HEADER) {
            LOG.debug("ignoring {} header of {} characters", name, value.get().length());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readTree(value.get()));
        } catch (JsonProcessingException e) {
            LOG.debug("ignoring malformed {} header: {}", name, e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
