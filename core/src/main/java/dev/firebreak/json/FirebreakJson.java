package dev.firebreak.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.internal.JsonMessages;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.ResponsePlan;
import dev.firebreak.plan.StepKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON forms of Firebreak's types, in one place: the Mention JSON and classification lines of the
 * command line, incidents and response plans.
 *
 * <p>Reading is strict about what it needs and lenient about the rest: unknown fields are ignored,
 * {@code null} is the same as an absent optional field, ids may be strings or integers, and
 * {@code createdAt} may be ISO-8601 (with an offset or {@code Z}) or epoch seconds, in the years 0001
 * to 9999. Anything else wrong raises a {@link JsonFormatException} naming the field. A mention without {@code createdAt} is
 * dated with the clock given to {@link #withClock(Clock)}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FirebreakJson {

    /** Text longer than this (in chars) is refused by the parser as hostile input. */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final Clock clock;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private FirebreakJson(Clock clock) {
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        this.mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(64)
                .build());
    }

    /** A mapper that dates mentions without {@code createdAt} with the system UTC clock. */
    public static FirebreakJson create() {
        return new FirebreakJson(Clock.systemUTC());
    }

    /** A mapper that dates mentions without {@code createdAt} with this clock. */
    public static FirebreakJson withClock(Clock clock) {
        return new FirebreakJson(Objects.requireNonNull(clock, "clock"));
    }

    /** The Jackson mapper behind this instance, configured with Firebreak's read limits. */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses one JSON document.
     *
     * @throws JsonFormatException if it is not valid JSON or not an object
     */
    public ObjectNode parseObject(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try (JsonParser p = mapper.createParser(json)) {
            try {
                node = mapper.readTree(p);
            } catch (JsonProcessingException e) {
                throw new JsonFormatException("not valid JSON: " + JsonMessages.of(e));
            }
            if (node != null && !node.isMissingNode()) {
                // a second value on the line, or junk after the object: refused, never silently dropped
                long column = -1;
                try {
                    if (p.nextToken() != null) {
                        column = p.currentTokenLocation().getColumnNr();
                    }
                } catch (JsonProcessingException e) {
                    column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                }
                if (column >= 0) {
                    throw new JsonFormatException("not valid JSON: text after the end of the object"
                            + (column > 0 ? " (column " + column + ")" : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
        if (node == null || node.isMissingNode()) {
            throw new JsonFormatException("empty input, expected a JSON object");
        }
        if (!node.isObject()) {
            throw new JsonFormatException("expected a JSON object, got " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** Writes a node as compact JSON on one line. */
    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    // ---------------------------------------------------------------- mentions

    /**
     * Reads a mention from one line of Mention JSON.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public Mention readMention(String json) {
        return readMention(parseObject(json));
    }

    /**
     * Reads a mention from a parsed object.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public Mention readMention(JsonNode node) {
        requireObject(node, "mention");
        String id = requiredId(node, "id");
        Platform platform;
        try {
            platform = Platform.of(requiredText(node, "platform"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'platform': " + e.getMessage());
        }
        String text = requiredText(node, "text");
        Mention.Builder b = Mention.builder(platform, id).text(text);
        optionalText(node, "lang").filter(s -> !s.isBlank()).ifPresent(b::language);
        b.createdAt(optionalInstant(node, "createdAt").orElseGet(clock::instant));
        Optional<String> kind = optionalText(node, "kind");
        if (kind.isPresent()) {
            try {
                b.kind(MentionKind.fromJson(kind.get()));
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("field 'kind': " + e.getMessage());
            }
        }
        JsonNode author = node.get("author");
        if (author != null && !author.isNull()) {
            b.author(readAuthor(author));
        }
        JsonNode engagement = node.get("engagement");
        if (engagement != null && !engagement.isNull()) {
            requireObject(engagement, "engagement");
            b.engagement(new Engagement(count(engagement, "engagement.shares", "shares"),
                    count(engagement, "engagement.replies", "replies"),
                    count(engagement, "engagement.likes", "likes"),
                    count(engagement, "engagement.quotes", "quotes")));
        }
        b.inReplyTo(optionalId(node, "inReplyTo"));
        b.conversationId(optionalId(node, "conversationId"));
        b.sharedFrom(optionalId(node, "sharedFrom"));
        b.url(optionalText(node, "url"));
        JsonNode rating = node.get("rating");
        if (rating != null && !rating.isNull()) {
            if (!rating.canConvertToExactIntegral() || rating.asInt() < 1 || rating.asInt() > 5) {
                throw new JsonFormatException("field 'rating' must be an integer from 1 to 5, got " + describe(rating));
            }
            b.rating(OptionalInt.of(rating.asInt()));
        }
        b.brand(optionalText(node, "brand"));
        b.ownedAccount(optionalBoolean(node, "ownedAccount").orElse(false));
        Optional<String> visibility = optionalText(node, "visibility");
        if (visibility.isPresent()) {
            try {
                b.visibility(Visibility.valueOf(visibility.get().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("field 'visibility' must be visible, hidden or removed; got '"
                        + excerpt(visibility.get()) + "'");
            }
        }
        return b.build();
    }

    private Author readAuthor(JsonNode author) {
        requireObject(author, "author");
        String id = optionalId(author, "author.id", "id").orElse("");
        String handle = optionalText(author, "author.handle", "handle").orElse("");
        Optional<String> name = optionalText(author, "author.name", "name");
        long followers = count(author, "author.followers", "followers");
        boolean verified = optionalBoolean(author, "author.verified", "verified").orElse(false);
        return new Author(id, handle, name, followers, verified);
    }

    /** The Mention JSON of a mention, as one compact line. */
    public String writeMention(Mention mention) {
        return write(mentionToNode(mention));
    }

    /** The Mention JSON of a mention as a tree, for embedding in other documents. */
    public ObjectNode mentionToNode(Mention m) {
        ObjectNode o = nodes.objectNode();
        o.put("id", m.id());
        o.put("platform", m.platform().name());
        o.put("text", m.text());
        o.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(m.createdAt()));
        m.language().ifPresent(l -> o.put("lang", l));
        o.put("kind", m.kind().jsonName());
        if (!m.author().equals(Author.UNKNOWN)) {
            ObjectNode a = o.putObject("author");
            a.put("id", m.author().id());
            a.put("handle", m.author().handle());
            m.author().name().ifPresent(n -> a.put("name", n));
            a.put("followers", m.author().followers());
            a.put("verified", m.author().verified());
        }
        if (!m.engagement().equals(Engagement.NONE)) {
            ObjectNode e = o.putObject("engagement");
            e.put("shares", m.engagement().shares());
            e.put("replies", m.engagement().replies());
            e.put("likes", m.engagement().likes());
            e.put("quotes", m.engagement().quotes());
        }
        m.inReplyTo().ifPresent(v -> o.put("inReplyTo", v));
        m.conversationId().ifPresent(v -> o.put("conversationId", v));
        m.sharedFrom().ifPresent(v -> o.put("sharedFrom", v));
        m.url().ifPresent(v -> o.put("url", v));
        m.rating().ifPresent(v -> o.put("rating", v));
        m.brand().ifPresent(v -> o.put("brand", v));
        o.put("ownedAccount", m.ownedAccount());
        if (m.visibility() != Visibility.VISIBLE) {
            o.put("visibility", m.visibility().name().toLowerCase(java.util.Locale.ROOT));
        }
        return o;
    }

    /**
     * Reads a labelled mention: Mention JSON plus {@code "label"}, a polarity name for
     * {@link Task#POLARITY} or {@code true}/{@code false} (boolean, string or 0/1) for
     * {@link Task#COMPLAINT}.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public LabeledMention readLabeledMention(String json, Task task) {
        ObjectNode o = parseObject(json);
        JsonNode label = present(o, "label");
        if (label == null) {
            throw new JsonFormatException("missing required field 'label'");
        }
        String text;
        if (label.isTextual()) {
            text = label.textValue();
        } else if (label.isBoolean() || (label.isIntegralNumber() && task == Task.COMPLAINT)) {
            text = label.asText();
        } else {
            throw new JsonFormatException("field 'label' must be " + (task == Task.POLARITY
                    ? "negative, neutral or positive" : "true or false") + ", got " + describe(label));
        }
        String normalised;
        try {
            normalised = task.normaliseLabel(text);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'label': " + e.getMessage());
        }
        return new LabeledMention(readMention(o), normalised);
    }

    // ---------------------------------------------------------------- classifications

    /**
     * The classification line of {@code firebreak classify}: {@code id}, language, scores, categories
     * and signal names, plus {@code evidence}: the signals with their category and matched text.
     */
    public String writeClassification(String mentionId, Classification c) {
        return write(classificationToNode(mentionId, c));
    }

    /** The classification line as a tree. */
    public ObjectNode classificationToNode(String mentionId, Classification c) {
        ObjectNode o = nodes.objectNode();
        o.put("id", mentionId);
        o.put("language", c.language().code());
        o.put("languageConfidence", round(c.languageConfidence()));
        o.put("sentiment", round(c.sentiment()));
        o.put("polarity", c.polarity().jsonName());
        o.put("complaint", c.complaint());
        o.put("complaintScore", round(c.complaintScore()));
        ArrayNode cats = o.putArray("categories");
        for (Category cat : c.categories()) {
            cats.add(cat.id());
        }
        ArrayNode names = o.putArray("signals");
        List<String> seen = new ArrayList<>();
        for (Signal s : c.signals()) {
            if (!seen.contains(s.name())) {
                seen.add(s.name());
                names.add(s.name());
            }
        }
        ArrayNode evidence = o.putArray("evidence");
        for (Signal s : c.signals()) {
            ObjectNode e = evidence.addObject();
            e.put("signal", s.name());
            s.category().ifPresent(cat -> e.put("category", cat.id()));
            if (!s.evidence().isEmpty()) {
                e.put("text", s.evidence());
            }
        }
        return o;
    }

    /**
     * Reads a classification line written by {@link #writeClassification(String, Classification)}.
     * Without {@code evidence}, signals are read from the {@code signals} names.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public Classification readClassification(String json) {
        ObjectNode o = parseObject(json);
        Language language;
        try {
            language = Language.of(requiredText(o, "language"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'language': " + e.getMessage());
        }
        Polarity polarity;
        try {
            polarity = Polarity.fromJson(requiredText(o, "polarity"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'polarity': " + e.getMessage());
        }
        List<Category> categories = new ArrayList<>();
        for (String id : stringList(o, "categories")) {
            try {
                categories.add(Category.of(id));
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("field 'categories': " + e.getMessage());
            }
        }
        List<Signal> signals = new ArrayList<>();
        JsonNode evidence = o.get("evidence");
        try {
            if (evidence != null && evidence.isArray()) {
                for (JsonNode e : evidence) {
                    requireObject(e, "evidence[]");
                    String name = requiredText(e, "signal");
                    Optional<Category> cat = optionalText(e, "category").map(Category::of);
                    signals.add(new Signal(name, cat, optionalText(e, "text").orElse("")));
                }
            } else {
                for (String name : stringList(o, "signals")) {
                    signals.add(Signal.of(name));
                }
            }
            return new Classification(language, requiredNumber(o, "languageConfidence"),
                    requiredNumber(o, "sentiment"), polarity, requiredNumber(o, "complaintScore"),
                    requiredBoolean(o, "complaint"), categories, signals);
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- incidents and plans

    /** An incident snapshot as one line of JSON. */
    public String writeIncident(Incident incident) {
        return write(incidentToNode(incident));
    }

    /** An incident snapshot as a tree. */
    public ObjectNode incidentToNode(Incident i) {
        ObjectNode o = nodes.objectNode();
        o.put("id", i.id().value());
        o.put("brand", i.brand());
        o.put("topic", i.topic().toString());
        o.put("severity", i.severity().jsonName());
        o.put("crisis", i.isCrisis());
        o.put("state", i.state().jsonName());
        o.put("watch", i.watch());
        o.put("openedAt", DateTimeFormatter.ISO_INSTANT.format(i.openedAt()));
        o.put("updatedAt", DateTimeFormatter.ISO_INSTANT.format(i.updatedAt()));
        o.put("mentions", i.mentions());
        o.put("uniqueAuthors", i.uniqueAuthors());
        o.put("reach", i.reach());
        o.put("negativeShare", round(i.negativeShare()));
        o.put("peakRate", i.peakRate());
        ArrayNode terms = o.putArray("topTerms");
        i.topTerms().forEach(terms::add);
        ArrayNode samples = o.putArray("sampleMentions");
        for (MentionKey k : i.sampleMentions()) {
            samples.addObject().put("platform", k.platform().name()).put("id", k.id());
        }
        return o;
    }

    /**
     * Reads an incident snapshot written by {@link #writeIncident(Incident)}.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public Incident readIncident(String json) {
        return readIncident(parseObject(json));
    }

    /** Reads an incident snapshot from a tree. */
    public Incident readIncident(JsonNode o) {
        requireObject(o, "incident");
        try {
            List<MentionKey> samples = new ArrayList<>();
            JsonNode s = o.get("sampleMentions");
            if (s != null && s.isArray()) {
                for (JsonNode k : s) {
                    samples.add(new MentionKey(Platform.of(requiredText(k, "platform")), requiredId(k, "id")));
                }
            }
            return new Incident(new IncidentId(requiredText(o, "id")), requiredText(o, "brand"),
                    Topic.parse(requiredText(o, "topic")), Severity.fromJson(requiredText(o, "severity")),
                    IncidentState.fromJson(requiredText(o, "state")), optionalBoolean(o, "watch").orElse(false),
                    requiredInstant(o, "openedAt"), requiredInstant(o, "updatedAt"), count(o, "mentions", "mentions"),
                    count(o, "uniqueAuthors", "uniqueAuthors"), count(o, "reach", "reach"),
                    requiredNumber(o, "negativeShare"), count(o, "peakRate", "peakRate"), stringList(o, "topTerms"),
                    samples);
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    /** A response plan as one line of JSON. */
    public String writePlan(ResponsePlan plan) {
        return write(planToNode(plan));
    }

    /** A response plan as a tree. */
    public ObjectNode planToNode(ResponsePlan plan) {
        ObjectNode o = nodes.objectNode();
        o.put("incident", plan.incident().value());
        o.put("severity", plan.severity().jsonName());
        ArrayNode steps = o.putArray("steps");
        for (PlanStep s : plan.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", s.kind().jsonName());
            n.put("owner", s.owner().name());
            n.put("due", DateTimeFormatter.ISO_INSTANT.format(s.due()));
            n.put("guidance", s.guidance());
            s.doneAt().ifPresent(t -> n.put("doneAt", DateTimeFormatter.ISO_INSTANT.format(t)));
            s.doneBy().ifPresent(by -> n.put("doneBy", by));
        }
        return o;
    }

    /**
     * Reads a response plan written by {@link #writePlan(ResponsePlan)}.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public ResponsePlan readPlan(String json) {
        ObjectNode o = parseObject(json);
        try {
            List<PlanStep> steps = new ArrayList<>();
            JsonNode arr = o.get("steps");
            if (arr == null || !arr.isArray()) {
                throw new JsonFormatException("field 'steps' must be an array");
            }
            for (JsonNode n : arr) {
                requireObject(n, "steps[]");
                steps.add(new PlanStep(StepKind.fromJson(requiredText(n, "step")), Role.of(requiredText(n, "owner")),
                        requiredInstant(n, "due"), optionalText(n, "guidance").orElse(""),
                        optionalInstant(n, "doneAt"), optionalText(n, "doneBy")));
            }
            return new ResponsePlan(new IncidentId(requiredText(o, "incident")),
                    Severity.fromJson(requiredText(o, "severity")), steps);
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- field helpers

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException("'" + what + "' must be a JSON object, got " + describe(node));
        }
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + field + "' must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    private static String requiredId(JsonNode node, String field) {
        Optional<String> id = optionalId(node, field, field);
        if (id.isEmpty()) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (id.get().isBlank()) {
            throw new JsonFormatException("field '" + field + "' must not be blank");
        }
        return id.get();
    }

    private static Optional<String> optionalId(JsonNode node, String field) {
        return optionalId(node, field, field);
    }

    private static Optional<String> optionalId(JsonNode node, String path, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (v.isIntegralNumber()) {
            return Optional.of(v.bigIntegerValue().toString());
        }
        throw new JsonFormatException("field '" + path + "' must be a string or an integer, got " + describe(v));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return optionalText(node, field, field);
    }

    private static Optional<String> optionalText(JsonNode node, String path, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + path + "' must be a string, got " + describe(v));
        }
        return Optional.of(v.textValue());
    }

    private static Optional<Boolean> optionalBoolean(JsonNode node, String field) {
        return optionalBoolean(node, field, field);
    }

    private static Optional<Boolean> optionalBoolean(JsonNode node, String path, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new JsonFormatException("field '" + path + "' must be true or false, got " + describe(v));
        }
        return Optional.of(v.booleanValue());
    }

    private static boolean requiredBoolean(JsonNode node, String field) {
        return optionalBoolean(node, field)
                .orElseThrow(() -> new JsonFormatException("missing required field '" + field + "'"));
    }

    private static double requiredNumber(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new JsonFormatException("field '" + field + "' must be a finite number, got " + describe(v));
        }
        return v.doubleValue();
    }

    private static long count(JsonNode node, String path, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new JsonFormatException("field '" + path + "' must be a whole number, got " + describe(v));
        }
        long n = v.longValue();
        if (n < 0) {
            throw new JsonFormatException("field '" + path + "' must be >= 0, got " + n);
        }
        return n;
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        return optionalInstant(node, field)
                .orElseThrow(() -> new JsonFormatException("missing required field '" + field + "'"));
    }

    /** The earliest time read: 0001-01-01T00:00:00Z (ISO-8601 years have four digits). */
    private static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest time read: the end of the year 9999. */
    private static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static Optional<Instant> optionalInstant(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong() || v.longValue() < MIN_TIME.getEpochSecond()
                    || v.longValue() > MAX_TIME.getEpochSecond()) {
                throw outOfRange(field, v.asText());
            }
            return Optional.of(Instant.ofEpochSecond(v.longValue()));
        }
        if (v.isTextual()) {
            String s = v.textValue();
            Instant t;
            try {
                t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    // Facebook-style offsets without a colon: 2024-05-01T10:15:00+0000
                    t = OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx"))
                            .toInstant();
                } catch (DateTimeParseException e2) {
                    throw new JsonFormatException("field '" + field + "' must be an ISO-8601 time such as "
                            + "2024-05-01T10:15:00Z, got '" + excerpt(s) + "'");
                }
            }
            if (t.isBefore(MIN_TIME) || t.isAfter(MAX_TIME)) {
                throw outOfRange(field, "'" + excerpt(s) + "'");
            }
            return Optional.of(t);
        }
        throw new JsonFormatException("field '" + field + "' must be an ISO-8601 string or epoch seconds, got "
                + describe(v));
    }

    private static JsonFormatException outOfRange(String field, String got) {
        return new JsonFormatException("field '" + field + "' must be a time in the years 0001 to 9999, got " + got);
    }

    private static List<String> stringList(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new JsonFormatException("field '" + field + "' must be an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (!e.isTextual()) {
                throw new JsonFormatException("field '" + field + "' must hold only strings, got " + describe(e));
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        switch (v.getNodeType()) {
            case STRING:
                return "string '" + excerpt(v.textValue()) + "'";
            case NUMBER:
                return "number " + v.asText();
            case BOOLEAN:
                return "boolean " + v.asText();
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
