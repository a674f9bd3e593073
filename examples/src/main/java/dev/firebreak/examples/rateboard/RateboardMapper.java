package dev.firebreak.examples.rateboard;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.internal.JsonMessages;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.RejectedItem;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Rateboard payloads to {@link Mention}s: feed pages ({@code {"data": [review...], "paging": {...}}}),
 * single reviews ({@code {"data": {review}}}) and webhook deliveries ({@code {"events": [...]}}). Every
 * format quirk of the platform lives here (see the {@linkplain dev.firebreak.examples.rateboard package
 * documentation} for the formats).
 *
 * <ul>
 *   <li>A review is a {@link MentionKind#REVIEW} with its 1-5 {@code rating}; its text is the title and the
 *       text, on two lines. Each of its {@code replies} is a {@link MentionKind#REPLY} answering it
 *       ({@code inReplyTo} and {@code conversationId} are the review's id); a reply by the business
 *       ({@code author.is_business}) is the brand's own.</li>
 *   <li>{@code status} {@code hidden} and {@code removed} (and the events {@code review.hidden},
 *       {@code review.deleted}) give the same key with {@link Visibility#HIDDEN} or
 *       {@link Visibility#REMOVED}: the engine updates the mention it already holds.</li>
 *   <li>An item that cannot be read (no id, no valid time, a rating outside 1-5, an unknown event type)
 *       is a {@link RejectedItem} naming where it was and why; the other items are still mapped.</li>
 *   <li>An error body ({@code {"error": {"code", "message"}}}), or a payload that is not one of these
 *       shapes, raises a {@link PayloadException}; the error's {@code code} is its error code.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class RateboardMapper implements PayloadMapper {

    /** The platform: Firebreak's {@link Platform} is an open value, so an adapter names its own. */
    public static final Platform PLATFORM = Platform.of("rateboard");

    /** Webhook events that carry no content: acknowledged and skipped. */
    private static final Set<String> NOT_CONTENT = Set.of("ping", "business.updated");
    private static final int RAW_EXCERPT = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final Optional<String> brand;

    private RateboardMapper(Optional<String> brand) {
        this.brand = brand;
    }

    /** A mapper that stamps mentions with the config's brand, if it has one. */
    public static RateboardMapper of(RateboardConfig config) {
        return new RateboardMapper(Objects.requireNonNull(config, "config").brand());
    }

    /**
     * What a feed page held: its mentions and rejected items, the cursor of the next page, and the newest
     * {@code updated_at} on it (where the next poll starts).
     */
    public record Page(MappedPayload payload, Optional<String> nextCursor, Optional<Instant> newestUpdate) {
        public Page {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(nextCursor, "nextCursor");
            Objects.requireNonNull(newestUpdate, "newestUpdate");
        }
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public MappedPayload map(byte[] payload) {
        return mapPage(payload).payload();
    }

    /**
     * Maps a payload and reads its paging.
     *
     * @throws PayloadException if it is not JSON, not a Rateboard payload, or an error body
     */
    public Page mapPage(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            // not JSON, invalid UTF-8, or nested deeper than Jackson's limit: no location of ours to give
            throw new PayloadException(PLATFORM, "payload is not valid JSON: " + JsonMessages.of(e));
        } catch (IOException e) {
            throw new PayloadException(PLATFORM, "payload could not be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PayloadException(PLATFORM, "payload is empty");
        }
        if (!root.isObject()) {
            throw new PayloadException(PLATFORM, "a Rateboard payload is a JSON object, got " + describe(root));
        }
        if (root.has("error")) {
            throw error(root.get("error"));
        }
        List<Mention> mentions = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        Instant[] newest = {null};
        if (root.has("data")) {
            JsonNode data = root.get("data");
            if (data.isObject()) {
                review(data, "data", Optional.empty(), mentions, rejected, newest);
            } else if (data.isArray()) {
                for (int i = 0; i < data.size(); i++) {
                    review(data.get(i), "data[" + i + "]", Optional.empty(), mentions, rejected, newest);
                }
            } else {
                throw new PayloadException(PLATFORM, "'data' must be a review or an array of reviews, got "
                        + describe(data));
            }
        } else if (root.has("events")) {
            JsonNode events = root.get("events");
            if (!events.isArray()) {
                throw new PayloadException(PLATFORM, "'events' must be an array, got " + describe(events));
            }
            for (int i = 0; i < events.size(); i++) {
                event(events.get(i), "events[" + i + "]", mentions, rejected, newest);
            }
        } else {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            throw new PayloadException(PLATFORM, "not a Rateboard payload: expected 'data', 'events' or 'error', found "
                    + (names.size() > 10 ? names.subList(0, 10) + "..." : names));
        }
        return new Page(new MappedPayload(mentions, rejected), nextCursor(root.get("paging")),
                Optional.ofNullable(newest[0]));
    }

    // ------------------------------------------------------------------ errors and paging

    private static PayloadException error(JsonNode error) {
        if (error == null || !error.isObject()) {
            return new PayloadException(PLATFORM, "unknown", "error body without an error object", null);
        }
        String code = text(error, "code").orElse("unknown");
        String message = text(error, "message").orElse("(no message)");
        return new PayloadException(PLATFORM, code, "error " + code + ": " + message, null);
    }

    private static Optional<String> nextCursor(JsonNode paging) {
        if (paging == null || !paging.isObject()) {
            return Optional.empty();
        }
        JsonNode more = paging.get("has_more");
        if (more != null && more.isBoolean() && !more.booleanValue()) {
            return Optional.empty();
        }
        return text(paging, "next_cursor");
    }

    // ------------------------------------------------------------------ events

    private void event(JsonNode event, String loc, List<Mention> out, List<RejectedItem> rejected, Instant[] newest) {
        if (!event.isObject()) {
            rejected.add(reject(loc, "an event must be an object, got " + describe(event), event));
            return;
        }
        Optional<String> type = text(event, "type");
        if (type.isEmpty()) {
            rejected.add(reject(loc, "event without a 'type'", event));
            return;
        }
        if (NOT_CONTENT.contains(type.get())) {
            return; // nothing to watch in it
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            rejected.add(reject(loc, "event '" + type.get() + "' without a 'data' object", event));
            return;
        }
        switch (type.get()) {
            case "review.created":
            case "review.updated":
                review(data, loc + ".data", Optional.empty(), out, rejected, newest);
                break;
            case "review.hidden":
                review(data, loc + ".data", Optional.of(Visibility.HIDDEN), out, rejected, newest);
                break;
            case "review.deleted":
                review(data, loc + ".data", Optional.of(Visibility.REMOVED), out, rejected, newest);
                break;
            case "reply.created":
                Optional<String> review = text(data, "review_id");
                if (review.isEmpty()) {
                    rejected.add(reject(loc, "reply.created without 'data.review_id'", event));
                } else {
                    reply(data, loc + ".data", review.get(), out, rejected);
                }
                break;
            default:
                rejected.add(reject(loc, "unknown event type '" + excerpt(type.get(), 60) + "'", event));
        }
    }

    // ------------------------------------------------------------------ reviews and replies

    private void review(JsonNode r, String loc, Optional<Visibility> forced, List<Mention> out,
            List<RejectedItem> rejected, Instant[] newest) {
        if (!r.isObject()) {
            rejected.add(reject(loc, "a review must be an object, got " + describe(r), r));
            return;
        }
        try {
            String id = requiredId(r);
            Instant created = time(r, "created_at").orElseThrow(() -> new Unreadable("no valid 'created_at'"));
            time(r, "updated_at").or(() -> Optional.of(created)).ifPresent(u -> {
                if (newest[0] == null || u.isAfter(newest[0])) {
                    newest[0] = u;
                }
            });
            JsonNode replies = r.get("replies");
            if (replies != null && !replies.isNull() && !replies.isArray()) {
                throw new Unreadable("'replies' must be an array, got " + describe(replies));
            }
            // --- README: mapper
            Mention.Builder b = Mention.builder(PLATFORM, id)
                    .kind(MentionKind.REVIEW)
                    .author(author(r.get("author")))
                    .text(reviewText(r))
                    .language(text(r, "language"))
                    .createdAt(created)
                    .engagement(new Engagement(0, replies == null ? 0 : replies.size(), count(r, "helpful_count"), 0))
                    .url(text(r, "url"))
                    .brand(brand)
                    .ownedAccount(false)
                    .visibility(forced.orElse(visibility(r)));
            // --- end
            JsonNode rating = r.get("rating");
            if (rating != null && !rating.isNull()) {
                if (!rating.isIntegralNumber() || rating.asInt() < 1 || rating.asInt() > 5) {
                    throw new Unreadable("'rating' must be a whole number from 1 to 5, got " + describe(rating));
                }
                b.rating(rating.asInt());
            }
            out.add(b.build());
            if (replies != null && replies.isArray()) {
                for (int i = 0; i < replies.size(); i++) {
                    reply(replies.get(i), loc + ".replies[" + i + "]", id, out, rejected);
                }
            }
        } catch (Unreadable | IllegalArgumentException e) {
            rejected.add(reject(loc, e.getMessage(), r));
        }
    }

    private void reply(JsonNode r, String loc, String reviewId, List<Mention> out, List<RejectedItem> rejected) {
        if (!r.isObject()) {
            rejected.add(reject(loc, "a reply must be an object, got " + describe(r), r));
            return;
        }
        try {
            String id = requiredId(r);
            JsonNode author = r.get("author");
            boolean business = author != null && author.path("is_business").asBoolean(false);
            out.add(Mention.builder(PLATFORM, id)
                    .kind(MentionKind.REPLY)
                    .author(author(author))
                    .text(text(r, "text").orElse(""))
                    .language(text(r, "language"))
                    .createdAt(time(r, "created_at").orElseThrow(() -> new Unreadable("no valid 'created_at'")))
                    .inReplyTo(reviewId)
                    .conversationId(reviewId)
                    .brand(brand)
                    .ownedAccount(business)
                    .visibility(visibility(r))
                    .build());
        } catch (Unreadable | IllegalArgumentException e) {
            rejected.add(reject(loc, e.getMessage(), r));
        }
    }

    private static String requiredId(JsonNode r) {
        JsonNode id = r.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new Unreadable("no 'id' (a non-empty string)");
        }
        return id.asText();
    }

    /** The title and the text, on two lines; either may be absent. */
    private static String reviewText(JsonNode r) {
        String title = text(r, "title").map(String::strip).orElse("");
        String body = text(r, "text").orElse("");
        if (title.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? title : title + "\n" + body;
    }

    private static Author author(JsonNode a) {
        if (a == null || !a.isObject()) {
            return Author.UNKNOWN;
        }
        long followers = count(a, "followers");
        return new Author(text(a, "id").orElse(""), text(a, "username").orElse(""), text(a, "name"), followers,
                a.path("verified").asBoolean(false));
    }

    private static Visibility visibility(JsonNode r) {
        Optional<String> status = text(r, "status");
        if (status.isEmpty()) {
            return Visibility.VISIBLE;
        }
        switch (status.get()) {
            case "published":
                return Visibility.VISIBLE;
            case "hidden":
                return Visibility.HIDDEN;
            case "removed":
                return Visibility.REMOVED;
            default:
                throw new Unreadable("unknown 'status' '" + excerpt(status.get(), 40) + "' (published, hidden or "
                        + "removed)");
        }
    }

    private static Optional<Instant> time(JsonNode node, String field) {
        Optional<String> t = text(node, field);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Unreadable("'" + field + "' is not an ISO-8601 time with an offset: '" + excerpt(t.get(), 40)
                    + "'");
        }
    }

    private static long count(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() > 0 ? n.asLong() : 0;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
    }

    private static RejectedItem reject(String loc, String reason, JsonNode item) {
        return new RejectedItem(loc, reason, excerpt(item.toString(), RAW_EXCERPT));
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + excerpt(n.toString(), 40);
    }

    private static String excerpt(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** An item that cannot be read; becomes a {@link RejectedItem}. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "RateboardMapper[brand=" + brand.orElse("(none)") + "]";
    }
}
