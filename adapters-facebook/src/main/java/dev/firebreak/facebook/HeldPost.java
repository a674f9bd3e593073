package dev.firebreak.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.internal.JsonMessages;
import dev.firebreak.spi.ScheduledPost;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The record of one scheduled post held back during a crisis: enough to put it back exactly where it
 * was. A plain value with a one-line JSON form ({@link #toJson()}, {@link #fromJson(String)}) so a
 * {@link HoldStore} can persist it anywhere.
 *
 * @param postId the scheduled post's id
 * @param pageId the Page that will publish it
 * @param originalPublishAt when it was due to go out before it was held
 * @param heldUntil the far-out time it was moved to; it would go out then if never released
 * @param heldAt when it was held (or the hold last renewed)
 * @param reason why it was held, for example an incident id
 * @param preview the start of its text, for a human to recognise it
 */
public record HeldPost(String postId, String pageId, Instant originalPublishAt, Instant heldUntil, Instant heldAt,
        String reason, String preview) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the fields. */
    public HeldPost {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(originalPublishAt, "originalPublishAt");
        Objects.requireNonNull(heldUntil, "heldUntil");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(preview, "preview");
        if (postId.isBlank()) {
            throw new IllegalArgumentException("postId must not be blank");
        }
    }

    /** The post as the publishing SPI shows it, with its original publish time. */
    public ScheduledPost toScheduledPost() {
        return new ScheduledPost(postId, pageId, originalPublishAt, preview);
    }

    /** This record with another far-out time, renewed at {@code now}. */
    public HeldPost renewed(Instant newHeldUntil, Instant now) {
        return new HeldPost(postId, pageId, originalPublishAt, newHeldUntil, now, reason, preview);
    }

    /**
     * One line of JSON: {@code {"postId", "pageId", "originalPublishAt", "heldUntil", "heldAt", "reason",
     * "preview"}}, times in ISO-8601 UTC.
     */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("postId", postId);
        o.put("pageId", pageId);
        o.put("originalPublishAt", originalPublishAt.toString());
        o.put("heldUntil", heldUntil.toString());
        o.put("heldAt", heldAt.toString());
        o.put("reason", reason);
        o.put("preview", preview);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a hold record", e);
        }
    }

    /**
     * Reads {@link #toJson()}'s form.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static HeldPost fromJson(String line) {
        Objects.requireNonNull(line, "line");
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hold record is not valid JSON: " + JsonMessages.of(e));
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("hold record must be a JSON object");
        }
        return new HeldPost(text(o, "postId"), text(o, "pageId"), time(o, "originalPublishAt"), time(o, "heldUntil"),
                time(o, "heldAt"), text(o, "reason"), text(o, "preview"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("hold record field '" + field + "' is missing or not a string");
        }
        return n.textValue();
    }

    private static Instant time(JsonNode o, String field) {
        try {
            return Instant.parse(text(o, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hold record field '" + field + "' is not an ISO-8601 instant");
        }
    }
}
