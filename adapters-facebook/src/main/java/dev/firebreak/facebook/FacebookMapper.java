package dev.firebreak.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.firebreak.facebook.internal.GraphValues;
import dev.firebreak.internal.JsonMessages;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.RejectedItem;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Maps Facebook Graph API payloads to mentions: all the format quirks of Pages in one place.
 *
 * <h2>What it reads</h2>
 * <ul>
 *   <li><b>Edge pages</b> {@code {"data": [...], "paging": {...}}} of {@code /{page-id}/feed} (the
 *       Page's posts and visitor posts), {@code /posts}, {@code /tagged} (posts that @mention the
 *       Page), {@code /{object-id}/comments} and {@code /{page-id}/ratings}. Whether an item is a post,
 *       a comment or a rating is read from the edge named in the {@code paging} URLs, else from the
 *       item's fields. Comments embedded in a post ({@code comments{data, paging}}, "field expansion")
 *       and replies embedded in a comment are mapped too, linked to their parent.</li>
 *   <li><b>Single objects</b>: a post, comment or rating read by id.</li>
 *   <li><b>Page webhook bodies</b> {@code {"object": "page", "entry": [{"id", "time", "changes":
 *       [{"field", "value"}]}]}} with the fields {@code feed}, {@code mention} and {@code ratings}.</li>
 *   <li><b>Batch responses</b> {@code [{"code", "headers", "body": "<json>"}]}: each body is read in
 *       turn; an item whose body is a Graph error is rejected with its code, the others still map.</li>
 *   <li><b>Error bodies</b> {@code {"error": {...}}}: raise a {@link PayloadException} whose
 *       {@link PayloadException#errorCode() errorCode} is the Graph error code ({@code "190"}).</li>
 * </ul>
 *
 * <h2>How items become mentions</h2>
 * <ul>
 *   <li>Posts (feed items {@code post}, {@code status}, {@code photo}, {@code video}, {@code share})
 *       are {@link MentionKind#POST}; their id is the {@code {page-id}_{post-id}} post id.</li>
 *   <li>Comments are {@link MentionKind#COMMENT}; {@link Mention#inReplyTo()} is the parent comment
 *       for a reply, else the post; {@link Mention#conversationId()} is the post when known.</li>
 *   <li>Reviews and recommendations are {@link MentionKind#REVIEW}, keyed by the
 *       {@code open_graph_story} id. {@link Mention#rating()} is the legacy 1-5 {@code rating} when
 *       present; otherwise a {@code recommendation_type} (any case) of {@code positive} maps to 5 and
 *       {@code negative} to 1, so a "not recommended" counts like a one-star review. A rating without
 *       a story id is keyed {@code rating:<reviewer-id>:<epoch-seconds>}.</li>
 *   <li>Webhook verbs: {@code add}, {@code edited}, {@code edit}, {@code update} and {@code unhide}
 *       give a {@link Visibility#VISIBLE} mention; {@code hide} gives the same key with
 *       {@link Visibility#HIDDEN}, {@code remove} and {@code delete} with {@link Visibility#REMOVED}:
 *       an update of the mention, not a new one. {@code is_hidden: true} also means hidden.</li>
 *   <li>Ids are strings even when the payload has numbers ({@code sender_id}, {@code from.id},
 *       {@code reviewer_id}); timestamps may be {@code 2024-05-01T10:15:00+0000}, ISO-8601 or epoch
 *       seconds. An item without a time of its own takes its webhook entry's {@code time}, else the
 *       mapper's clock.</li>
 *   <li>{@link Mention#ownedAccount()} is true when the author is the configured Page, the Page a
 *       webhook entry is for, or the Page whose feed the page of results came from.</li>
 *   <li>The same key twice in one payload (a comment added, then hidden, in one webhook batch) gives
 *       one mention: the later state, keeping the earlier text and author when the later change
 *       carries none.</li>
 * </ul>
 *
 * <h2>What is left out, and how</h2>
 * Skipped on purpose, as they carry no words to watch: reactions and likes ({@code item} reaction,
 * like), album and event items, the user-level verbs block, unblock, mute, follow, and unpublished
 * posts ({@code published: 0} or {@code is_published: false}, for example scheduled posts).
 * Everything else that cannot be read (another webhook field, an unknown item or verb, a change
 * without a value, an item without an id or with a bad timestamp, Messenger events) is returned as
 * a {@link RejectedItem} with the reason, while the rest of the payload still maps. Unknown fields
 * are ignored.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FacebookMapper implements PayloadMapper {

    private static final int RAW_EXCERPT = 2000;
    private static final int MAX_NESTING = 4;
    private static final Set<String> POST_ITEMS = Set.of("post", "status", "photo", "video", "share");
    private static final Set<String> SKIPPED_ITEMS = Set.of("reaction", "like", "album", "event");
    private static final Set<String> SKIPPED_VERBS = Set.of("block", "unblock", "mute", "unmute", "follow", "unfollow");
    private static final Set<String> POST_EDGES = Set.of("feed", "posts", "published_posts", "visitor_posts", "tagged",
            "scheduled_posts", "promotable_posts");
    private static final Set<String> COMMENT_MARKERS = Set.of("parent", "like_count", "comment_count", "can_hide",
            "can_remove", "can_like", "user_likes", "can_reply_privately", "attachment");
    private static final Set<String> RATING_MARKERS = Set.of("reviewer", "recommendation_type", "review_text",
            "has_rating", "has_review", "open_graph_story");

    private final FacebookConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectReader reader;

    private FacebookMapper(FacebookConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = FirebreakJson.create().mapper();
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A mapper with the default config: no Page configured, the system UTC clock. */
    public static FacebookMapper create() {
        return new FacebookMapper(FacebookConfig.defaults(), Clock.systemUTC());
    }

    /** A mapper for the config's Page and brand, with the system UTC clock. */
    public static FacebookMapper of(FacebookConfig config) {
        return new FacebookMapper(config, Clock.systemUTC());
    }

    /** A mapper for the config's Page and brand; the clock dates items that carry no time at all. */
    public static FacebookMapper of(FacebookConfig config, Clock clock) {
        return new FacebookMapper(config, clock);
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public MappedPayload map(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return map(parse(payload), Source.AUTO);
    }

    // ------------------------------------------------------------------ package API for the client

    /** Parses a payload, raising {@link PayloadException} for anything that is not one JSON document. */
    JsonNode parse(byte[] payload) {
        JsonNode root;
        try {
            root = reader.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PayloadException(Platform.FACEBOOK, "not valid JSON: " + GraphValues.excerpt(
                    JsonMessages.of(e)), null);
        } catch (IOException | RuntimeException e) {
            throw new PayloadException(Platform.FACEBOOK, "payload cannot be read: " + e.getClass().getSimpleName());
        }
        if (root == null || root.isMissingNode()) {
            throw new PayloadException(Platform.FACEBOOK, "empty payload, expected a JSON object");
        }
        return root;
    }

    /** Maps a parsed payload, with what the caller knows about where it came from. */
    MappedPayload map(JsonNode root, Source source) {
        Collector out = new Collector();
        try {
            mapRoot(root, source, out, "");
        } catch (PayloadException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new PayloadException(Platform.FACEBOOK, "payload cannot be read: " + e.getClass().getSimpleName(), null);
        }
        return out.result();
    }

    /** The error object of a parsed body, if it is an error body. */
    static Optional<GraphError> errorOf(JsonNode root) {
        return root != null && root.isObject() && root.has("error") ? GraphError.from(root.get("error")) : Optional.empty();
    }

    /**
     * Where a page of results came from, when the caller knows.
     *
     * @param kind what the items are
     * @param parentId the object whose comments these are
     * @param ownerPageId the Page whose edge this is (its posts are the brand's own)
     */
    record Source(ItemKind kind, Optional<String> parentId, Optional<String> ownerPageId) {
        static final Source AUTO = new Source(ItemKind.AUTO, Optional.empty(), Optional.empty());

        static Source posts(String pageId) {
            return new Source(ItemKind.POST, Optional.empty(), Optional.of(pageId));
        }

        static Source comments(String objectId) {
            return new Source(ItemKind.COMMENT, Optional.of(objectId), Optional.empty());
        }

        static Source ratings() {
            return new Source(ItemKind.RATING, Optional.empty(), Optional.empty());
        }
    }

    /** What kind of items a page holds. */
    enum ItemKind { AUTO, POST, COMMENT, RATING }

    // ------------------------------------------------------------------ shapes

    private void mapRoot(JsonNode root, Source source, Collector out, String prefix) {
        if (root.isArray()) {
            mapBatch(root, out);
            return;
        }
        if (!root.isObject()) {
            throw new PayloadException(Platform.FACEBOOK, "expected a JSON object, got " + type(root));
        }
        Optional<GraphError> error = errorOf(root);
        if (error.isPresent()) {
            throw new PayloadException(Platform.FACEBOOK, Integer.toString(error.get().code()), error.get().describe(),
                    null);
        }
        if (root.has("object") || root.has("entry")) {
            mapWebhook(root, out);
        } else if (root.has("data")) {
            JsonNode data = root.get("data");
            if (!data.isArray()) {
                throw new PayloadException(Platform.FACEBOOK, "'data' must be an array of items, was " + type(data));
            }
            Source s = source.kind() == ItemKind.AUTO ? fromPaging(root.get("paging")).orElse(source) : source;
            for (int i = 0; i < data.size(); i++) {
                mapItem(data.get(i), prefix + "data[" + i + "]", Ctx.of(s), out);
            }
        } else if (looksLikeItem(root)) {
            mapItem(root, prefix.isEmpty() ? "object" : prefix + "object", Ctx.of(source), out);
        } else {
            throw new PayloadException(Platform.FACEBOOK, "not a payload the Facebook adapter reads: expected "
                    + "'data' (a page of posts, comments or ratings), 'entry' (a Page webhook body), 'error', or a "
                    + "single post, comment or rating with an 'id'");
        }
    }

    private static boolean looksLikeItem(JsonNode root) {
        if (GraphValues.id(root, "id").isPresent()) {
            return true;
        }
        for (String f : RATING_MARKERS) {
            if (root.has(f)) {
                return true;
            }
        }
        return false;
    }

    private void mapBatch(JsonNode root, Collector out) {
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String loc = "batch[" + i + "]";
            if (item == null || item.isNull()) {
                out.reject(loc, "batch item was not executed (null)", "null");
                continue;
            }
            if (!item.isObject() || !(item.has("body") || item.has("code"))) {
                if (i == 0) {
                    throw new PayloadException(Platform.FACEBOOK, "a top-level JSON array is read only as a Graph "
                            + "batch response ([{\"code\", \"headers\", \"body\"}]), and its first element is not one");
                }
                out.reject(loc, "not a batch item (expected code, headers and body)", raw(item));
                continue;
            }
            JsonNode body = item.get("body");
            if (body == null || body.isNull() || (body.isTextual() && body.textValue().isBlank())) {
                out.reject(loc, "batch item has no body (HTTP " + item.path("code").asText("?") + ")", raw(item));
                continue;
            }
            JsonNode parsed;
            try {
                parsed = body.isTextual() ? parse(body.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)) : body;
            } catch (PayloadException e) {
                out.reject(loc, "batch item body: " + stripPlatform(e), raw(item));
                continue;
            }
            Collector inner = new Collector();
            try {
                mapRoot(parsed, Source.AUTO, inner, loc + ".body.");
            } catch (PayloadException e) {
                out.reject(loc, stripPlatform(e) + e.errorCode().map(c -> " (error code " + c + ")").orElse(""),
                        raw(item));
                continue;
            }
            out.addAll(inner);
        }
    }

    private void mapWebhook(JsonNode root, Collector out) {
        JsonNode object = root.get("object");
        if (object != null && !(object.isTextual() && object.textValue().equalsIgnoreCase("page"))) {
            throw new PayloadException(Platform.FACEBOOK, "webhook object is '" + GraphValues.excerpt(object.asText())
                    + "'; the Facebook adapter reads Page webhooks (object 'page') only");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || entries.isNull()) {
            throw new PayloadException(Platform.FACEBOOK, "webhook body has no 'entry' array");
        }
        if (!entries.isArray()) {
            throw new PayloadException(Platform.FACEBOOK, "webhook 'entry' must be an array, was " + type(entries));
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String loc = "entry[" + i + "]";
            if (!entry.isObject()) {
                out.reject(loc, "entry is not an object but " + type(entry), raw(entry));
                continue;
            }
            Optional<String> pageId = GraphValues.id(entry, "id");
            Optional<Instant> entryTime;
            try {
                entryTime = GraphValues.time(entry.get("time"));
            } catch (IllegalArgumentException e) {
                entryTime = Optional.empty();
            }
            JsonNode changes = entry.get("changes");
            if (changes != null && !changes.isNull()) {
                if (!changes.isArray()) {
                    out.reject(loc + ".changes", "'changes' must be an array, was " + type(changes), raw(changes));
                } else {
                    for (int j = 0; j < changes.size(); j++) {
                        mapChange(changes.get(j), loc + ".changes[" + j + "]", pageId, entryTime, out);
                    }
                }
            }
            for (String messenger : new String[] {"messaging", "standby"}) {
                if (entry.has(messenger)) {
                    out.reject(loc + "." + messenger, "Messenger events (entry." + messenger
                            + ") are not mapped to mentions by the Facebook adapter", raw(entry.get(messenger)));
                }
            }
        }
    }

    private void mapChange(JsonNode change, String loc, Optional<String> pageId, Optional<Instant> entryTime,
            Collector out) {
        if (!change.isObject()) {
            out.reject(loc, "change is not an object but " + type(change), raw(change));
            return;
        }
        Optional<String> field = GraphValues.text(change, "field");
        if (field.isEmpty()) {
            out.reject(loc, "change has no 'field'", raw(change));
            return;
        }
        JsonNode value = change.get("value");
        if (value == null || value.isNull()) {
            out.reject(loc, "change of field '" + GraphValues.excerpt(field.get()) + "' has no 'value'", raw(change));
            return;
        }
        if (!value.isObject()) {
            out.reject(loc, "change 'value' must be an object, was " + type(value), raw(change));
            return;
        }
        try {
            switch (field.get().toLowerCase(Locale.ROOT)) {
                case "feed":
                case "mention":
                    mapFeedChange(value, loc, pageId, entryTime, out);
                    break;
                case "ratings":
                    mapRatingChange(value, loc, pageId, entryTime, out);
                    break;
                default:
                    out.reject(loc, "webhook field '" + GraphValues.excerpt(field.get()) + "' is not mapped to mentions "
                            + "(the adapter reads feed, mention and ratings)", raw(change));
            }
        } catch (RuntimeException e) {
            out.reject(loc, message(e), raw(change));
        }
    }

    // ------------------------------------------------------------------ webhook values

    private void mapFeedChange(JsonNode v, String loc, Optional<String> pageId, Optional<Instant> entryTime,
            Collector out) {
        Optional<String> item = GraphValues.text(v, "item").map(s -> s.toLowerCase(Locale.ROOT));
        if (item.isEmpty()) {
            out.reject(loc, "change value has no 'item'", raw(v));
            return;
        }
        if (SKIPPED_ITEMS.contains(item.get())) {
            return;
        }
        Optional<Visibility> visibility = verb(v, loc, out);
        if (visibility == null) {
            return; // skipped verb, or rejected
        }
        boolean comment = item.get().equals("comment");
        if (!comment && !POST_ITEMS.contains(item.get())) {
            out.reject(loc, "unknown item '" + GraphValues.excerpt(item.get()) + "'", raw(v));
            return;
        }
        if (!comment && GraphValues.bool(v.get("published")).map(p -> !p).orElse(false)) {
            return; // an unpublished (scheduled) post of the Page: nobody sees it yet
        }
        Optional<String> postId = GraphValues.id(v, "post_id");
        Optional<String> id = comment ? GraphValues.id(v, "comment_id")
                : postId.or(() -> GraphValues.id(v, item.get() + "_id"));
        if (id.isEmpty()) {
            out.reject(loc, comment ? "comment has no comment_id" : item.get() + " has no post_id", raw(v));
            return;
        }
        Author author = author(v.get("from"), v.get("sender_id"), v.get("sender_name"));
        Mention.Builder b = Mention.builder(Platform.FACEBOOK, id.get())
                .kind(comment ? MentionKind.COMMENT : MentionKind.POST)
                .author(author)
                .text(GraphValues.text(v, "message").orElse(""))
                .createdAt(time(v, "created_time").or(() -> entryTime).orElseGet(clock::instant))
                .visibility(visibility.orElseGet(() -> hidden(v.get("is_hidden")) ? Visibility.HIDDEN : Visibility.VISIBLE))
                .ownedAccount(owned(author, pageId))
                .url(GraphValues.text(v, "permalink_url"))
                .brand(config.brand());
        if (comment) {
            Optional<String> parent = GraphValues.id(v, "parent_id").filter(p -> !p.equals(id.get()));
            b.inReplyTo(parent.or(() -> postId)).conversationId(postId);
        } else {
            b.conversationId(id);
        }
        out.add(b.build());
    }

    private void mapRatingChange(JsonNode v, String loc, Optional<String> pageId, Optional<Instant> entryTime,
            Collector out) {
        String item = GraphValues.text(v, "item").map(s -> s.toLowerCase(Locale.ROOT)).orElse("rating");
        if (SKIPPED_ITEMS.contains(item)) {
            return;
        }
        Optional<Visibility> visibility = verb(v, loc, out);
        if (visibility == null) {
            return;
        }
        Optional<String> storyId = GraphValues.id(v, "open_graph_story_id");
        Author reviewer = author(v.get("reviewer"), v.get("reviewer_id"), v.get("reviewer_name"));
        Author author = reviewer.equals(Author.UNKNOWN) ? author(v.get("from"), v.get("sender_id"), v.get("sender_name"))
                : reviewer;
        Instant created = time(v, "created_time").or(() -> entryTime).orElseGet(clock::instant);
        Optional<String> commentId = GraphValues.id(v, "comment_id");
        if (item.equals("comment") && commentId.isPresent()) {
            out.add(Mention.builder(Platform.FACEBOOK, commentId.get())
                    .kind(MentionKind.COMMENT)
                    .author(author)
                    .text(GraphValues.text(v, "message").or(() -> GraphValues.text(v, "review_text")).orElse(""))
                    .createdAt(created)
                    .inReplyTo(storyId)
                    .conversationId(storyId)
                    .visibility(visibility.orElse(Visibility.VISIBLE))
                    .ownedAccount(owned(author, pageId))
                    .brand(config.brand())
                    .build());
            return;
        }
        if (item.equals("comment")) {
            out.reject(loc, "comment on a rating has no comment_id", raw(v));
            return;
        }
        if (!item.equals("rating")) {
            out.reject(loc, "unknown ratings item '" + GraphValues.excerpt(item) + "'", raw(v));
            return;
        }
        Optional<String> id = storyId.or(() -> GraphValues.id(v, "id"))
                .or(() -> syntheticRatingId(author, time(v, "created_time")));
        if (id.isEmpty()) {
            out.reject(loc, "rating has no open_graph_story_id (and no reviewer id and time to key it by)", raw(v));
            return;
        }
        out.add(Mention.builder(Platform.FACEBOOK, id.get())
                .kind(MentionKind.REVIEW)
                .author(author)
                .text(GraphValues.text(v, "review_text").orElse(""))
                .createdAt(created)
                .rating(rating(v.get("rating"), v.get("recommendation_type")))
                .visibility(visibility.orElse(Visibility.VISIBLE))
                .brand(config.brand())
                .build());
    }

    /**
     * The visibility a verb sets: empty for verbs that leave it as the payload says ({@code add},
     * {@code edited}...), {@code null} if the change is skipped or rejected (already recorded).
     */
    private Optional<Visibility> verb(JsonNode v, String loc, Collector out) {
        String verb = GraphValues.text(v, "verb").map(s -> s.toLowerCase(Locale.ROOT)).orElse("add");
        switch (verb) {
            case "add":
            case "edited":
            case "edit":
            case "update":
                return Optional.empty();
            case "unhide":
                return Optional.of(Visibility.VISIBLE);
            case "hide":
                return Optional.of(Visibility.HIDDEN);
            case "remove":
            case "delete":
                return Optional.of(Visibility.REMOVED);
            default:
                if (!SKIPPED_VERBS.contains(verb)) {
                    out.reject(loc, "unknown verb '" + GraphValues.excerpt(verb) + "'", raw(v));
                }
                return null;
        }
    }

    // ------------------------------------------------------------------ Graph objects

    /** Where an item sits: what it is, its parent and thread, the Page that owns the edge. */
    private record Ctx(ItemKind kind, Optional<String> parentId, Optional<String> conversationId,
            Optional<String> ownerPageId, int depth) {
        static Ctx of(Source s) {
            return new Ctx(s.kind(), s.parentId(), s.kind() == ItemKind.COMMENT ? s.parentId() : Optional.empty(),
                    s.ownerPageId(), 0);
        }
    }

    private void mapItem(JsonNode item, String loc, Ctx ctx, Collector out) {
        if (item == null || !item.isObject()) {
            out.reject(loc, "item is not an object but " + type(item), raw(item));
            return;
        }
        try {
            ItemKind kind = ctx.kind() != ItemKind.AUTO ? ctx.kind() : detect(item);
            switch (kind) {
                case COMMENT:
                    mapComment(item, loc, ctx, out);
                    break;
                case RATING:
                    mapRating(item, loc, out);
                    break;
                default:
                    mapPost(item, loc, ctx, out);
            }
        } catch (RuntimeException e) {
            out.reject(loc, message(e), raw(item));
        }
    }

    private static ItemKind detect(JsonNode item) {
        for (String f : RATING_MARKERS) {
            if (item.has(f)) {
                return ItemKind.RATING;
            }
        }
        if (item.has("rating") && !item.has("message")) {
            return ItemKind.RATING;
        }
        for (String f : COMMENT_MARKERS) {
            if (item.has(f)) {
                return ItemKind.COMMENT;
            }
        }
        return ItemKind.POST;
    }

    private void mapPost(JsonNode item, String loc, Ctx ctx, Collector out) {
        Optional<String> id = GraphValues.id(item, "id");
        if (id.isEmpty()) {
            out.reject(loc, "post has no id", raw(item));
            return;
        }
        if (GraphValues.bool(item.get("is_published")).map(p -> !p).orElse(false)) {
            return; // unpublished or scheduled: not public yet
        }
        Author author = author(item.get("from"), null, null);
        Instant created = time(item, "created_time").or(() -> time(item, "updated_time")).orElseGet(clock::instant);
        long shares = GraphValues.count(item.path("shares").get("count")).orElse(0L);
        long likes = GraphValues.count(item.path("reactions").path("summary").get("total_count"))
                .or(() -> GraphValues.count(item.path("likes").path("summary").get("total_count")))
                .or(() -> GraphValues.count(item.path("likes").get("count")))
                .orElse(0L);
        long replies = GraphValues.count(item.path("comments").path("summary").get("total_count"))
                .orElse((long) item.path("comments").path("data").size());
        out.add(Mention.builder(Platform.FACEBOOK, id.get())
                .kind(MentionKind.POST)
                .author(author)
                .text(GraphValues.text(item, "message").orElse(""))
                .createdAt(created)
                .engagement(new Engagement(shares, replies, likes, 0))
                .conversationId(id)
                .url(GraphValues.text(item, "permalink_url"))
                .visibility(hidden(item.get("is_hidden")) ? Visibility.HIDDEN : Visibility.VISIBLE)
                .ownedAccount(owned(author, ctx.ownerPageId()))
                .brand(config.brand())
                .build());
        nested(item, loc, id.get(), id, ctx, out);
    }

    private void mapComment(JsonNode item, String loc, Ctx ctx, Collector out) {
        Optional<String> id = GraphValues.id(item, "id");
        if (id.isEmpty()) {
            out.reject(loc, "comment has no id", raw(item));
            return;
        }
        Author author = author(item.get("from"), null, null);
        Instant created = time(item, "created_time").orElseGet(clock::instant);
        Optional<String> parent = GraphValues.id(item.get("parent"), "id").filter(p -> !p.equals(id.get()))
                .or(ctx::parentId);
        out.add(Mention.builder(Platform.FACEBOOK, id.get())
                .kind(MentionKind.COMMENT)
                .author(author)
                .text(GraphValues.text(item, "message").orElse(""))
                .createdAt(created)
                .engagement(new Engagement(0, GraphValues.count(item.get("comment_count"))
                        .or(() -> GraphValues.count(item.path("comments").path("summary").get("total_count")))
                        .orElse(0L), GraphValues.count(item.get("like_count")).orElse(0L), 0))
                .inReplyTo(parent)
                .conversationId(ctx.conversationId())
                .url(GraphValues.text(item, "permalink_url"))
                .visibility(hidden(item.get("is_hidden")) ? Visibility.HIDDEN : Visibility.VISIBLE)
                .ownedAccount(owned(author, ctx.ownerPageId()))
                .brand(config.brand())
                .build());
        nested(item, loc, id.get(), ctx.conversationId(), ctx, out);
    }

    /** Comments embedded with field expansion: {@code "comments": {"data": [...], "paging": {...}}}. */
    private void nested(JsonNode item, String loc, String parentId, Optional<String> conversationId, Ctx ctx,
            Collector out) {
        JsonNode comments = item.get("comments");
        if (comments == null || !comments.isObject() || ctx.depth() >= MAX_NESTING) {
            return;
        }
        JsonNode data = comments.get("data");
        if (data == null || data.isNull()) {
            return;
        }
        if (!data.isArray()) {
            out.reject(loc + ".comments.data", "'comments.data' must be an array, was " + type(data), raw(data));
            return;
        }
        Ctx child = new Ctx(ItemKind.COMMENT, Optional.of(parentId), conversationId, ctx.ownerPageId(), ctx.depth() + 1);
        for (int i = 0; i < data.size(); i++) {
            mapItem(data.get(i), loc + ".comments.data[" + i + "]", child, out);
        }
    }

    private void mapRating(JsonNode item, String loc, Collector out) {
        JsonNode story = item.get("open_graph_story");
        JsonNode storyData = story == null ? null : story.get("data");
        Author author = author(item.get("reviewer"), null, null);
        Optional<Instant> created = time(item, "created_time").or(() -> story == null ? Optional.empty()
                : time(story, "start_time"));
        Optional<String> id = GraphValues.id(story, "id")
                .or(() -> GraphValues.id(item, "id"))
                .or(() -> GraphValues.id(item, "open_graph_story_id"))
                .or(() -> syntheticRatingId(author, created));
        if (id.isEmpty()) {
            out.reject(loc, "rating has no open_graph_story id (and no reviewer id and time to key it by)", raw(item));
            return;
        }
        JsonNode recommendation = item.has("recommendation_type") ? item.get("recommendation_type")
                : storyData == null ? null : storyData.get("recommendation_type");
        OptionalInt rating = GraphValues.bool(item.get("has_rating")).orElse(true)
                ? rating(item.get("rating"), recommendation)
                : rating(null, recommendation);
        boolean hidden = hidden(item.get("is_hidden")) || (storyData != null && hidden(storyData.get("is_hidden")));
        out.add(Mention.builder(Platform.FACEBOOK, id.get())
                .kind(MentionKind.REVIEW)
                .author(author)
                .text(GraphValues.text(item, "review_text").orElse(""))
                .createdAt(created.orElseGet(clock::instant))
                .rating(rating)
                .visibility(hidden ? Visibility.HIDDEN : Visibility.VISIBLE)
                .brand(config.brand())
                .build());
    }

    // ------------------------------------------------------------------ values

    private static Optional<String> syntheticRatingId(Author author, Optional<Instant> created) {
        if (author.id().isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("rating:" + author.id() + ":" + created.get().getEpochSecond());
    }

    /** A 1-5 rating, else 5 for a positive and 1 for a negative recommendation, else none. */
    static OptionalInt rating(JsonNode rating, JsonNode recommendation) {
        if (rating != null && !rating.isNull()) {
            Optional<Long> r = GraphValues.count(rating);
            if (r.isPresent() && r.get() >= 1 && r.get() <= 5) {
                return OptionalInt.of(r.get().intValue());
            }
        }
        if (recommendation != null && recommendation.isTextual()) {
            switch (recommendation.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "positive":
                    return OptionalInt.of(5);
                case "negative":
                    return OptionalInt.of(1);
                default:
                    break;
            }
        }
        return OptionalInt.empty();
    }

    private static Author author(JsonNode from, JsonNode idNode, JsonNode nameNode) {
        Optional<String> id;
        Optional<String> name;
        if (from != null && from.isObject()) {
            id = GraphValues.id(from, "id");
            name = GraphValues.text(from, "name");
        } else {
            id = GraphValues.id(idNode);
            name = nameNode != null && nameNode.isTextual() && !nameNode.textValue().isBlank()
                    ? Optional.of(nameNode.textValue()) : Optional.empty();
        }
        if (id.isEmpty() && name.isEmpty()) {
            return Author.UNKNOWN;
        }
        return new Author(id.orElse(""), "", name, 0, false);
    }

    private boolean owned(Author author, Optional<String> edgePage) {
        if (author.id().isEmpty()) {
            return false;
        }
        return config.pageId().map(author.id()::equals).orElse(false)
                || edgePage.map(author.id()::equals).orElse(false);
    }

    private static boolean hidden(JsonNode isHidden) {
        return GraphValues.bool(isHidden).orElse(false);
    }

    /** A time field: empty if absent, an exception naming the field if present and unreadable. */
    private static Optional<Instant> time(JsonNode parent, String field) {
        try {
            return GraphValues.time(parent.get(field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    /** Reads the edge and its object from {@code paging.next} or {@code paging.previous}. */
    private static Optional<Source> fromPaging(JsonNode paging) {
        if (paging == null || !paging.isObject()) {
            return Optional.empty();
        }
        for (String f : new String[] {"next", "previous"}) {
            Optional<String> url = GraphValues.text(paging, f);
            if (url.isEmpty()) {
                continue;
            }
            try {
                String path = URI.create(url.get()).getPath();
                if (path == null) {
                    continue;
                }
                String[] seg = path.replaceAll("^/+|/+$", "").split("/");
                if (seg.length < 2) {
                    continue;
                }
                String edge = seg[seg.length - 1];
                String object = seg[seg.length - 2];
                if (edge.equals("comments")) {
                    return Optional.of(Source.comments(object));
                }
                if (edge.equals("ratings")) {
                    return Optional.of(Source.ratings());
                }
                if (POST_EDGES.contains(edge)) {
                    return Optional.of(edge.equals("tagged")
                            ? new Source(ItemKind.POST, Optional.empty(), Optional.empty())
                            : Source.posts(object));
                }
            } catch (IllegalArgumentException e) {
                // not a URL: fall back to the items' fields
            }
        }
        return Optional.empty();
    }

    private String raw(JsonNode node) {
        if (node == null) {
            return "";
        }
        String s;
        try {
            s = json.writeValueAsString(node);
        } catch (JsonProcessingException | RuntimeException e) {
            s = node.getNodeType().name();
        }
        return s.length() <= RAW_EXCERPT ? s : s.substring(0, RAW_EXCERPT) + "...";
    }

    private static String type(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String stripPlatform(PayloadException e) {
        String m = e.getMessage();
        String prefix = Platform.FACEBOOK.name() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Mentions by key in payload order (a later change of the same key updates it), and rejections. */
    private static final class Collector {
        private final Map<MentionKey, Mention> mentions = new LinkedHashMap<>();
        private final List<RejectedItem> rejected = new ArrayList<>();

        void add(Mention m) {
            mentions.merge(m.key(), m, Collector::merge);
        }

        void addAll(Collector other) {
            other.mentions.values().forEach(this::add);
            rejected.addAll(other.rejected);
        }

        void reject(String location, String reason, String raw) {
            rejected.add(new RejectedItem(location, reason, raw));
        }

        MappedPayload result() {
            return new MappedPayload(List.copyOf(mentions.values()), rejected);
        }

        /** The later author, completed from the earlier one when it is the same person or unknown. */
        private static Author mergeAuthor(Author earlier, Author later) {
            if (later.equals(Author.UNKNOWN)) {
                return earlier;
            }
            boolean same = later.id().isEmpty() || later.id().equals(earlier.id());
            if (!same || later.name().isPresent() || earlier.name().isEmpty()) {
                return later;
            }
            return new Author(later.id().isEmpty() ? earlier.id() : later.id(), later.handle().isEmpty()
                    ? earlier.handle() : later.handle(), earlier.name(), Math.max(later.followers(), earlier.followers()),
                    later.verified() || earlier.verified());
        }

        /** The later state of a mention, keeping what the later change did not carry. */
        private static Mention merge(Mention earlier, Mention later) {
            Mention.Builder b = later.toBuilder();
            if (later.text().isEmpty()) {
                b.text(earlier.text());
            }
            b.author(mergeAuthor(earlier.author(), later.author()));
            if (earlier.createdAt().isBefore(later.createdAt())) {
                b.createdAt(earlier.createdAt());
            }
            if (later.engagement().equals(Engagement.NONE)) {
                b.engagement(earlier.engagement());
            }
            b.inReplyTo(later.inReplyTo().or(earlier::inReplyTo));
            b.conversationId(later.conversationId().or(earlier::conversationId));
            b.url(later.url().or(earlier::url));
            b.rating(later.rating().isPresent() ? later.rating() : earlier.rating());
            b.ownedAccount(later.ownedAccount() || earlier.ownedAccount());
            return b.build();
        }
    }
}
