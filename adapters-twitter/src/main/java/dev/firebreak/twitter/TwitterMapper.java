package dev.firebreak.twitter;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.firebreak.internal.JsonMessages;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.RejectedItem;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps X payloads to {@link Mention}s. It reads:
 *
 * <ul>
 *   <li>X API v2 responses: recent search and mention-timeline pages ({@code data[]}), post lookup
 *       ({@code data[]} or a single {@code data} object), and filtered-stream records
 *       ({@code {data, includes, matching_rules}}), with authors joined from {@code includes.users}
 *       ({@code username}, {@code name}, {@code verified}, {@code public_metrics.followers_count});</li>
 *   <li>Account Activity webhook bodies ({@code {"for_user_id", "tweet_create_events": [...]}}), whose
 *       posts are in the older v1.1 format ({@code id_str}, {@code user.screen_name},
 *       {@code in_reply_to_status_id_str}); other event arrays (likes, follows, messages) hold no
 *       mentions and are ignored.</li>
 * </ul>
 *
 * <p>Per post: engagement from {@code public_metrics} (v1.1: {@code retweet_count},
 * {@code reply_count}, {@code favorite_count}, {@code quote_count}); a {@code replied_to} reference
 * makes a {@link MentionKind#REPLY} with {@link Mention#inReplyTo()}, a {@code retweeted} or
 * {@code quoted} one a {@link MentionKind#SHARE} with {@link Mention#sharedFrom()} (a reply that
 * quotes stays a reply and keeps the quoted id in {@code sharedFrom}); {@code conversation_id} and
 * {@code lang} ({@code und} reads as unknown) are kept; the HTML entities X leaves in text are decoded
 * once; ids are kept as strings, and JSON numbers are accepted too. In a filtered-stream record the tag
 * of the first matching rule becomes {@link Mention#brand()}, so tag each rule with the brand it
 * watches. A post without {@code created_at} (v1.1: {@code timestamp_ms} or {@code created_at}) is
 * dated by its id, which since November 2010 is a Snowflake id holding its creation time to the
 * millisecond, so a replayed payload gets the same times every run; a post whose id holds no time (a
 * small id: older posts, test data) is dated with the mapper's clock. Ask for
 * {@code tweet.fields=created_at} all the same.
 *
 * <p>A 200 response that also carries {@code errors} yields the good posts and reports each error as
 * a {@link RejectedItem}, as does a post that cannot be read. An error body (a problem object, or
 * {@code errors} that are not about single resources) raises a {@link PayloadException} whose
 * {@linkplain PayloadException#errorCode() error code} is the problem type (or the older numeric
 * code) and whose message holds the title and detail.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TwitterMapper implements PayloadMapper {

    private static final int MAX_RAW = 16 * 1024;
    private static final DateTimeFormatter V1_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final Clock clock;
    private final ObjectMapper json;

    /** The Snowflake epoch: ids carry their creation time as milliseconds since it, above bit 22. */
    private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;
    /**
     * Ids whose time part is below a day after the Snowflake epoch are not Snowflake ids: the
     * sequential ids before November 2010 stayed below 3 * 10^10, a few seconds of the time part.
     */
    private static final long SNOWFLAKE_MIN_MS = 86_400_000L;

    /** A mapper that dates posts without a time or a Snowflake id with the system UTC clock. */
    public TwitterMapper() {
        this(Clock.systemUTC());
    }

    /** A mapper that dates posts without a time or a Snowflake id with this clock. */
    public TwitterMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(128)
                .maxStringLength(8 * 1024 * 1024)
                .build());
    }

    @Override
    public Platform platform() {
        return Platform.TWITTER;
    }

    @Override
    public MappedPayload map(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return map(parse(payload));
    }

    /** Maps an already parsed payload. */
    MappedPayload map(JsonNode root) {
        if (!root.isObject()) {
            throw new PayloadException(Platform.TWITTER, "expected a JSON object, got " + describe(root));
        }
        if (root.has("tweet_create_events") || root.has("for_user_id")) {
            return mapAccountActivity(root);
        }
        JsonNode data = root.get("data");
        JsonNode errors = root.get("errors");
        List<RejectedItem> rejected = new ArrayList<>();
        if (data == null || data.isNull()) {
            if (errors != null && errors.isArray() && errors.size() > 0) {
                if (!allAboutSingleResources(errors)) {
                    throw errorBody(root, errors.get(0));
                }
            } else if (isProblem(root)) {
                throw errorBody(root, root);
            } else if (!root.has("meta")) {
                throw new PayloadException(Platform.TWITTER, "not an X API payload: expected 'data', 'meta', "
                        + "'errors' or 'tweet_create_events', found " + fieldNames(root));
            }
            addErrors(errors, rejected);
            return new MappedPayload(List.of(), rejected);
        }
        Map<String, JsonNode> users = users(root.path("includes").path("users"));
        Optional<String> brand = firstRuleTag(root.get("matching_rules"));
        List<Mention> mentions = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                addV2(data.get(i), "data[" + i + "]", users, brand, mentions, rejected, seen);
            }
        } else if (data.isObject()) {
            addV2(data, "data", users, brand, mentions, rejected, seen);
        } else {
            throw new PayloadException(Platform.TWITTER, "'data' must be an object or an array, got " + describe(data));
        }
        addErrors(errors, rejected);
        return new MappedPayload(mentions, rejected);
    }

    JsonNode parse(byte[] payload) {
        try {
            JsonNode root = json.readTree(payload);
            if (root == null || root.isMissingNode()) {
                throw new PayloadException(Platform.TWITTER, "empty payload, expected a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new PayloadException(Platform.TWITTER, "not valid JSON: " + excerpt(JsonMessages.of(e), 200), e);
        } catch (IOException e) {
            throw new PayloadException(Platform.TWITTER, "cannot read payload: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- v2

    private void addV2(JsonNode node, String location, Map<String, JsonNode> users, Optional<String> brand,
            List<Mention> mentions, List<RejectedItem> rejected, Map<String, String> seen) {
        try {
            Mention m = v2Post(node, users, brand);
            String first = seen.putIfAbsent(m.id(), location);
            if (first != null) {
                rejected.add(new RejectedItem(location, "duplicate of post " + m.id() + " at " + first, raw(node)));
            } else {
                mentions.add(m);
            }
        } catch (BadItem e) {
            rejected.add(new RejectedItem(location, e.getMessage(), raw(node)));
        }
    }

    private Mention v2Post(JsonNode node, Map<String, JsonNode> users, Optional<String> brand) throws BadItem {
        if (!node.isObject()) {
            throw new BadItem("expected a post object, got " + describe(node));
        }
        String id = id(node, "id").orElseThrow(() -> new BadItem("post without 'id'"));
        String text = text(node, "text").orElseThrow(() -> new BadItem("post " + id + " without 'text'"));
        Mention.Builder b = Mention.builder(Platform.TWITTER, id)
                .text(HtmlEntities.unescape(text))
                .createdAt(isoTime(node, "created_at").orElseGet(() -> idTime(id)))
                .language(language(node))
                .conversationId(id(node, "conversation_id"))
                .brand(brand);
        Optional<String> authorId = id(node, "author_id");
        Author author = Author.UNKNOWN;
        if (authorId.isPresent()) {
            JsonNode user = users.get(authorId.get());
            author = user == null
                    ? new Author(authorId.get(), "", Optional.empty(), 0, false)
                    : new Author(authorId.get(), text(user, "username").orElse(""),
                            text(user, "name").filter(s -> !s.isBlank()),
                            count(user.path("public_metrics"), "followers_count", "user's public_metrics"),
                            bool(user, "verified"));
        }
        b.author(author);
        JsonNode metrics = node.get("public_metrics");
        if (metrics != null && !metrics.isNull()) {
            if (!metrics.isObject()) {
                throw new BadItem("'public_metrics' must be an object, got " + describe(metrics));
            }
            b.engagement(new Engagement(count(metrics, "retweet_count", "public_metrics"),
                    count(metrics, "reply_count", "public_metrics"), count(metrics, "like_count", "public_metrics"),
                    count(metrics, "quote_count", "public_metrics")));
        }
        Optional<String> repliedTo = Optional.empty();
        Optional<String> quoted = Optional.empty();
        Optional<String> retweeted = Optional.empty();
        JsonNode refs = node.get("referenced_tweets");
        if (refs != null && !refs.isNull()) {
            if (!refs.isArray()) {
                throw new BadItem("'referenced_tweets' must be an array, got " + describe(refs));
            }
            for (JsonNode ref : refs) {
                if (!ref.isObject()) {
                    throw new BadItem("'referenced_tweets' entries must be objects, got " + describe(ref));
                }
                Optional<String> refId = id(ref, "id");
                String type = text(ref, "type").orElse("");
                if (refId.isEmpty()) {
                    throw new BadItem("referenced tweet of type '" + excerpt(type, 40) + "' without 'id'");
                }
                switch (type) {
                    case "replied_to":
                        repliedTo = refId;
                        break;
                    case "quoted":
                        quoted = refId;
                        break;
                    case "retweeted":
                        retweeted = refId;
                        break;
                    default:
                        break; // a reference type this version does not know: not a reason to lose the post
                }
            }
        }
        kind(b, repliedTo, quoted, retweeted);
        b.url(postUrl(author.handle(), id));
        return build(b);
    }

    private static void kind(Mention.Builder b, Optional<String> repliedTo, Optional<String> quoted,
            Optional<String> retweeted) {
        if (retweeted.isPresent()) {
            b.kind(MentionKind.SHARE).sharedFrom(retweeted);
        } else if (repliedTo.isPresent()) {
            b.kind(MentionKind.REPLY).inReplyTo(repliedTo).sharedFrom(quoted);
        } else if (quoted.isPresent()) {
            b.kind(MentionKind.SHARE).sharedFrom(quoted);
        } else {
            b.kind(MentionKind.POST);
        }
    }

    private static Mention build(Mention.Builder b) throws BadItem {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BadItem(e.getMessage());
        }
    }

    private static Optional<String> language(JsonNode node) throws BadItem {
        return text(node, "lang").map(String::strip).filter(l -> !l.isEmpty() && !l.equals("und"));
    }

    private static String postUrl(String handle, String id) {
        return handle.isEmpty() ? "https://x.com/i/web/status/" + id : "https://x.com/" + handle + "/status/" + id;
    }

    private static Map<String, JsonNode> users(JsonNode users) {
        Map<String, JsonNode> byId = new HashMap<>();
        if (users.isArray()) {
            for (JsonNode u : users) {
                if (!u.isObject()) {
                    continue;
                }
                try {
                    id(u, "id").ifPresent(id -> byId.putIfAbsent(id, u));
                } catch (BadItem e) {
                    // a user we cannot key cannot be joined; the post keeps its author_id
                }
            }
        }
        return byId;
    }

    private static Optional<String> firstRuleTag(JsonNode rules) {
        if (rules != null && rules.isArray()) {
            for (JsonNode rule : rules) {
                JsonNode tag = rule.get("tag");
                if (tag != null && tag.isTextual() && !tag.asText().isBlank()) {
                    return Optional.of(tag.asText().strip());
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- errors

    private static boolean isProblem(JsonNode root) {
        return root.path("title").isTextual()
                && (root.path("type").isTextual() || root.has("status") || root.path("detail").isTextual());
    }

    /** Errors that each name one resource (a post not found, not authorized): partial results. */
    private static boolean allAboutSingleResources(JsonNode errors) {
        for (JsonNode e : errors) {
            if (!e.isObject() || !(e.has("resource_id") || e.has("resource_type") || e.has("value"))) {
                return false;
            }
        }
        return true;
    }

    private static void addErrors(JsonNode errors, List<RejectedItem> rejected) {
        if (errors == null || errors.isNull()) {
            return;
        }
        if (!errors.isArray()) {
            rejected.add(new RejectedItem("errors", "'errors' must be an array, got " + describe(errors), raw(errors)));
            return;
        }
        for (int i = 0; i < errors.size(); i++) {
            rejected.add(new RejectedItem("errors[" + i + "]", describeError(errors.get(i)), raw(errors.get(i))));
        }
    }

    private static String describeError(JsonNode e) {
        StringBuilder sb = new StringBuilder();
        String title = plain(e, "title").or(() -> plain(e, "message")).orElse("error");
        sb.append(title);
        plain(e, "detail").filter(d -> !d.equals(title)).ifPresent(d -> sb.append(": ").append(d));
        plain(e, "resource_id").or(() -> plain(e, "value")).ifPresent(r -> sb.append(" [resource ").append(r).append(']'));
        plain(e, "section").ifPresent(s -> sb.append(" [section ").append(s).append(']'));
        plain(e, "type").ifPresent(t -> sb.append(" (").append(t).append(')'));
        return excerpt(sb.toString(), 1000);
    }

    private static PayloadException errorBody(JsonNode root, JsonNode error) {
        String code = plain(error, "type")
                .or(() -> plain(error, "code"))
                .or(() -> plain(root, "type"))
                .or(() -> plain(root, "status").map(s -> "status " + s))
                .orElse("unknown");
        StringBuilder sb = new StringBuilder("X API error");
        plain(root, "status").or(() -> plain(error, "status")).ifPresent(s -> sb.append(' ').append(s));
        String title = plain(error, "title").or(() -> plain(error, "message")).orElse("");
        if (!title.isEmpty()) {
            sb.append(": ").append(title);
        }
        plain(error, "detail").filter(d -> !d.equals(title)).ifPresent(d -> sb.append(": ").append(d));
        JsonNode nested = error.get("errors");
        if (nested != null && nested.isArray()) {
            for (JsonNode n : nested) {
                plain(n, "message").ifPresent(m -> sb.append("; ").append(m));
            }
        }
        plain(error, "connection_issue").ifPresent(c -> sb.append(" [").append(c).append(']'));
        plain(error, "reason").ifPresent(r -> sb.append(" [").append(r).append(']'));
        return new PayloadException(Platform.TWITTER, code, excerpt(sb.toString(), 2000), null);
    }

    // ---------------------------------------------------------------- Account Activity (v1.1 posts)

    private MappedPayload mapAccountActivity(JsonNode root) {
        Optional<String> forUser;
        try {
            forUser = id(root, "for_user_id");
        } catch (BadItem e) {
            throw new PayloadException(Platform.TWITTER, "Account Activity event: " + e.getMessage());
        }
        JsonNode events = root.get("tweet_create_events");
        if (events == null || events.isNull()) {
            return MappedPayload.empty();
        }
        if (!events.isArray()) {
            throw new PayloadException(Platform.TWITTER,
                    "'tweet_create_events' must be an array, got " + describe(events));
        }
        List<Mention> mentions = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String location = "tweet_create_events[" + i + "]";
            JsonNode node = events.get(i);
            try {
                Mention m = v1Post(node, forUser);
                String first = seen.putIfAbsent(m.id(), location);
                if (first != null) {
                    rejected.add(new RejectedItem(location, "duplicate of post " + m.id() + " at " + first, raw(node)));
                } else {
                    mentions.add(m);
                }
            } catch (BadItem e) {
                rejected.add(new RejectedItem(location, e.getMessage(), raw(node)));
            }
        }
        return new MappedPayload(mentions, rejected);
    }

    private Mention v1Post(JsonNode node, Optional<String> forUser) throws BadItem {
        if (!node.isObject()) {
            throw new BadItem("expected a post object, got " + describe(node));
        }
        String id = v1Id(node, "id").orElseThrow(() -> new BadItem("post without 'id_str' or 'id'"));
        Optional<String> text = text(node.path("extended_tweet"), "full_text");
        if (text.isEmpty()) {
            text = text(node, "full_text");
        }
        if (text.isEmpty()) {
            text = text(node, "text");
        }
        Mention.Builder b = Mention.builder(Platform.TWITTER, id)
                .text(HtmlEntities.unescape(text.orElseThrow(() -> new BadItem("post " + id + " without 'text'"))))
                .createdAt(v1Time(node).orElseGet(() -> idTime(id)))
                .language(language(node))
                .engagement(new Engagement(count(node, "retweet_count", "post"), count(node, "reply_count", "post"),
                        count(node, "favorite_count", "post"), count(node, "quote_count", "post")));
        JsonNode user = node.get("user");
        Author author = Author.UNKNOWN;
        if (user != null && user.isObject()) {
            author = new Author(v1Id(user, "id").orElse(""), text(user, "screen_name").orElse(""),
                    text(user, "name").filter(s -> !s.isBlank()), count(user, "followers_count", "user"),
                    bool(user, "verified"));
        } else if (user != null && !user.isNull()) {
            throw new BadItem("'user' must be an object, got " + describe(user));
        }
        b.author(author);
        b.ownedAccount(forUser.isPresent() && !author.id().isEmpty() && forUser.get().equals(author.id()));
        Optional<String> retweeted = Optional.empty();
        JsonNode rt = node.get("retweeted_status");
        if (rt != null && rt.isObject()) {
            retweeted = v1Id(rt, "id");
        }
        Optional<String> quoted = v1Id(node, "quoted_status_id");
        if (quoted.isEmpty() && node.path("quoted_status").isObject()) {
            quoted = v1Id(node.get("quoted_status"), "id");
        }
        kind(b, v1Id(node, "in_reply_to_status_id"), quoted, retweeted);
        b.url(postUrl(author.handle(), id));
        return build(b);
    }

    /** The creation time a Snowflake id holds, else the clock's time. */
    private Instant idTime(String id) {
        if (id.length() <= 19 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long ms = Long.parseLong(id) >>> 22;
                if (ms >= SNOWFLAKE_MIN_MS) {
                    return Instant.ofEpochMilli(SNOWFLAKE_EPOCH_MS + ms);
                }
            } catch (NumberFormatException e) {
                // 19 digits above Long.MAX_VALUE: not a Snowflake id
            }
        }
        return clock.instant();
    }

    /** {@code <field>_str}, else {@code <field>}. */
    private static Optional<String> v1Id(JsonNode node, String field) throws BadItem {
        Optional<String> s = id(node, field + "_str");
        return s.isPresent() ? s : id(node, field);
    }

    private static Optional<Instant> v1Time(JsonNode node) throws BadItem {
        JsonNode ms = node.get("timestamp_ms");
        if (ms != null && !ms.isNull()) {
            try {
                long millis = ms.isIntegralNumber() ? ms.longValue() : Long.parseLong(ms.asText().strip());
                if (millis > 0 && ms.isValueNode()) {
                    return Optional.of(Instant.ofEpochMilli(millis));
                }
            } catch (NumberFormatException e) {
                // fall through to created_at
            }
        }
        Optional<String> created = text(node, "created_at");
        if (created.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(created.get().strip(), V1_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return isoTime(node, "created_at");
        }
    }

    // ---------------------------------------------------------------- fields

    private static Optional<String> id(JsonNode node, String field) throws BadItem {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.isEmpty() || s.length() > 64) {
                throw new BadItem("'" + field + "' must be a non-blank id of at most 64 characters, got '"
                        + excerpt(s, 70) + "'");
            }
            return Optional.of(s);
        }
        if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0) {
            return Optional.of(v.bigIntegerValue().toString());
        }
        throw new BadItem("'" + field + "' must be a string or a non-negative integer id, got " + describe(v));
    }

    private static Optional<String> text(JsonNode node, String field) throws BadItem {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadItem("'" + field + "' must be a string, got " + describe(v));
        }
        return Optional.of(v.asText());
    }

    private static long count(JsonNode node, String field, String where) throws BadItem {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        throw new BadItem("'" + field + "' in " + where + " must be a non-negative integer, got " + describe(v));
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : v.isTextual() && v.asText().equals("true"));
    }

    private static Optional<Instant> isoTime(JsonNode node, String field) throws BadItem {
        Optional<String> s = text(node, field);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.get().strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadItem("'" + field + "' is not an ISO-8601 time: '" + excerpt(s.get(), 40) + "'");
        }
    }

    /** A value node's text, for error descriptions. */
    private static Optional<String> plain(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return Optional.empty();
        }
        String s = v.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(excerpt(s, 500));
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext() && names.size() < 8; ) {
            names.add("'" + excerpt(it.next(), 30) + "'");
        }
        return names.isEmpty() ? "an empty object" : "fields " + String.join(", ", names);
    }

    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "the string \"" + excerpt(v.asText(), 40) + "\"";
        }
        if (v.isMissingNode()) {
            return "nothing";
        }
        return excerpt(v.toString(), 40);
    }

    private static String raw(JsonNode node) {
        return excerpt(node.toString(), MAX_RAW);
    }

    static String excerpt(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** An item that cannot be mapped; the message is the rejection reason. */
    private static final class BadItem extends Exception {
        private static final long serialVersionUID = 1L;

        BadItem(String message) {
            super(message, null, false, false);
        }
    }
}
