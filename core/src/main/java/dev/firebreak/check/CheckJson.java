package dev.firebreak.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.account.AccountRegistry;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.mention.Platform;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON forms of the checks, as the {@code check-post} and {@code check-reply} commands read and write
 * them. Unknown fields are ignored and {@code null} is the same as an absent optional field; anything else
 * wrong raises a {@link JsonFormatException} naming the field.
 *
 * <ul>
 *   <li>planned post: {@code {"id", "account", "text", "hashtags"?, "links"?, "poster"?, "approvedBy"?,
 *       "brand"?}} ({@code id} a string or an integer);</li>
 *   <li>reply draft: {@code {"id", "incidentId"?, "inReplyTo"?, "text"}};</li>
 *   <li>result: {@code {"id", "ok", "findings": [{"rule", "severity", "message", "span"?: {"start", "end"}}]}};</li>
 *   <li>account (one per line of a registry file): {@code {"platform", "handle", "brand", "owner",
 *       "delegates"?}}, or {@code {"brand"}} alone to declare a brand with no account yet;</li>
 *   <li>context: {@code {"incidents": [{"id", "brand", "severity", "hashtags"?, "brandAtFault"?, "topic"?,
 *       "topTerms"?, "state"?}], "hashtagStats": [{"hashtag", "mentions", "negativeShare"}],
 *       "sentReplies": {"incident id": ["text", ...]}, "watchHashtags": [...], "knownHandles": [...]}}, every
 *       part optional. Incidents may be incident snapshots as the engine writes them: a {@code hashtag:}
 *       topic and {@code #} top terms count as hashtags, and resolved or reviewed ones are skipped.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class CheckJson {

    private final FirebreakJson json;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private CheckJson(FirebreakJson json) {
        this.json = json;
    }

    /** A reader and writer with Firebreak's JSON limits. */
    public static CheckJson create() {
        return new CheckJson(FirebreakJson.create());
    }

    // ------------------------------------------------------------------ posts and drafts

    /** Reads a planned post from one line of JSON. */
    public PlannedPost readPost(String line) {
        return readPost(json.parseObject(line));
    }

    /** Reads a planned post from a tree. */
    public PlannedPost readPost(JsonNode o) {
        requireObject(o, "post");
        try {
            PlannedPost.Builder b = PlannedPost.builder(requiredId(o, "id"), requiredText(o, "account"),
                    requiredText(o, "text"))
                    .hashtags(stringList(o, "hashtags"))
                    .links(stringList(o, "links"));
            optionalText(o, "poster").ifPresent(b::poster);
            optionalText(o, "approvedBy").ifPresent(b::approvedBy);
            optionalText(o, "brand").ifPresent(b::brand);
            return b.build();
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    /** Reads a reply draft from one line of JSON. */
    public ReplyDraft readDraft(String line) {
        return readDraft(json.parseObject(line));
    }

    /** Reads a reply draft from a tree. */
    public ReplyDraft readDraft(JsonNode o) {
        requireObject(o, "draft");
        try {
            Optional<String> incident = optionalId(o, "incidentId");
            if (incident.isPresent() && incident.get().isBlank()) {
                throw new JsonFormatException("field 'incidentId' must not be blank");
            }
            return new ReplyDraft(requiredId(o, "id"), incident.map(IncidentId::new), optionalId(o, "inReplyTo"),
                    requiredText(o, "text"));
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ results

    /** A result as one line of JSON: {@code {"id", "ok", "findings": [...]}}. */
    public String writeResult(CheckResult result) {
        return json.write(resultToNode(result));
    }

    /** A result as a tree. */
    public ObjectNode resultToNode(CheckResult r) {
        ObjectNode o = nodes.objectNode();
        o.put("id", r.id());
        o.put("ok", r.ok());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().jsonName());
            n.put("message", f.message());
            f.span().ifPresent(s -> n.putObject("span").put("start", s.start()).put("end", s.end()));
        }
        return o;
    }

    // ------------------------------------------------------------------ registry

    /**
     * Reads a registry from JSON lines (blank lines and lines starting with {@code #} are skipped).
     *
     * @throws JsonFormatException naming the line of a bad entry, or a second owner of an account
     */
    public AccountRegistry readRegistry(BufferedReader in) throws IOException {
        AccountRegistry.Builder b = AccountRegistry.builder();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                JsonNode o = json.parseObject(t);
                if (o.size() == 1 && o.has("brand")) {
                    b.brand(requiredText(o, "brand"));
                } else {
                    b.add(readAccount(o));
                }
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("line " + n + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** Reads one registry account. */
    public OwnedAccount readAccount(JsonNode o) {
        requireObject(o, "account");
        try {
            return new OwnedAccount(Platform.of(requiredText(o, "platform")), requiredText(o, "handle"),
                    requiredText(o, "brand"), requiredText(o, "owner"), new LinkedHashSet<>(stringList(o, "delegates")));
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ context

    /** A context file: the crisis state, and the watch list and known handles that go with it. */
    public record ContextFile(CrisisContext crisis, Set<String> watchHashtags, Set<String> knownHandles) {

        /** Validates and copies. */
        public ContextFile {
            Objects.requireNonNull(crisis, "crisis");
            watchHashtags = Set.copyOf(watchHashtags);
            knownHandles = Set.copyOf(knownHandles);
        }
    }

    /**
     * Reads a context file (one JSON document).
     *
     * @throws JsonFormatException naming what is wrong
     */
    public ContextFile readContext(String document) {
        JsonNode o = json.parseObject(document);
        try {
            CrisisContext.Builder b = CrisisContext.builder();
            JsonNode incidents = o.get("incidents");
            if (incidents != null && !incidents.isNull()) {
                requireArray(incidents, "incidents");
                int k = 0;
                for (JsonNode i : incidents) {
                    String where = "incidents[" + k++ + "]";
                    requireObject(i, where);
                    try {
                        readIncident(i).ifPresent(b::incident);
                    } catch (IllegalArgumentException e) {
                        throw new JsonFormatException(where + ": " + e.getMessage(), e);
                    }
                }
            }
            JsonNode stats = o.get("hashtagStats");
            if (stats != null && !stats.isNull()) {
                requireArray(stats, "hashtagStats");
                int k = 0;
                for (JsonNode s : stats) {
                    String where = "hashtagStats[" + k++ + "]";
                    requireObject(s, where);
                    try {
                        b.hashtagStats(new HashtagStats(requiredText(s, "hashtag"), requiredLong(s, "mentions"),
                                requiredNumber(s, "negativeShare")));
                    } catch (IllegalArgumentException e) {
                        throw new JsonFormatException(where + ": " + e.getMessage(), e);
                    }
                }
            }
            JsonNode sent = o.get("sentReplies");
            if (sent != null && !sent.isNull()) {
                requireObject(sent, "sentReplies");
                Iterator<Map.Entry<String, JsonNode>> it = sent.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().isBlank()) {
                        throw new JsonFormatException("sentReplies: an incident id must not be blank");
                    }
                    b.sent(new IncidentId(e.getKey()), stringList(sent, e.getKey(), "sentReplies." + e.getKey()));
                }
            }
            return new ContextFile(b.build(), new LinkedHashSet<>(stringList(o, "watchHashtags")),
                    new LinkedHashSet<>(stringList(o, "knownHandles")));
        } catch (JsonFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }

    private static Optional<ActiveIncident> readIncident(JsonNode i) {
        Optional<String> state = optionalText(i, "state");
        if (state.isPresent()) {
            IncidentState s = IncidentState.fromJson(state.get());
            if (s == IncidentState.RESOLVED || s == IncidentState.REVIEWED) {
                return Optional.empty();
            }
        }
        Set<String> tags = new LinkedHashSet<>(stringList(i, "hashtags"));
        Optional<String> topic = optionalText(i, "topic");
        if (topic.isPresent()) {
            Topic t = Topic.parse(topic.get());
            if (t.kind() == Topic.Kind.HASHTAG) {
                tags.add(t.value());
            }
        }
        for (String term : stringList(i, "topTerms")) {
            if (term.startsWith("#")) {
                tags.add(term);
            }
        }
        boolean atFault = false;
        JsonNode f = i.get("brandAtFault");
        if (f != null && !f.isNull()) {
            if (!f.isBoolean()) {
                throw new JsonFormatException("field 'brandAtFault' must be true or false, got " + describe(f));
            }
            atFault = f.booleanValue();
        }
        return Optional.of(new ActiveIncident(new IncidentId(requiredText(i, "id")), requiredText(i, "brand"),
                Severity.fromJson(requiredText(i, "severity")), tags, atFault));
    }

    // ------------------------------------------------------------------ field helpers

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new JsonFormatException("'" + what + "' must be a JSON object, got " + describe(n));
        }
    }

    private static void requireArray(JsonNode n, String what) {
        if (!n.isArray()) {
            throw new JsonFormatException("field '" + what + "' must be an array, got " + describe(n));
        }
    }

    private static JsonNode present(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static String requiredText(JsonNode o, String field) {
        JsonNode v = present(o, field);
        if (v == null) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + field + "' must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    private static Optional<String> optionalText(JsonNode o, String field) {
        JsonNode v = present(o, field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + field + "' must be a string, got " + describe(v));
        }
        return Optional.of(v.textValue());
    }

    private static Optional<String> optionalId(JsonNode o, String field) {
        JsonNode v = present(o, field);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            return Optional.of(v.textValue());
        }
        if (v.isIntegralNumber()) {
            return Optional.of(v.bigIntegerValue().toString());
        }
        throw new JsonFormatException("field '" + field + "' must be a string or an integer, got " + describe(v));
    }

    private static String requiredId(JsonNode o, String field) {
        Optional<String> id = optionalId(o, field);
        if (id.isEmpty()) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (id.get().isBlank()) {
            throw new JsonFormatException("field '" + field + "' must not be blank");
        }
        return id.get();
    }

    private static long requiredLong(JsonNode o, String field) {
        JsonNode v = present(o, field);
        if (v == null) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new JsonFormatException("field '" + field + "' must be a whole number, got " + describe(v));
        }
        return v.longValue();
    }

    private static double requiredNumber(JsonNode o, String field) {
        JsonNode v = present(o, field);
        if (v == null) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new JsonFormatException("field '" + field + "' must be a finite number, got " + describe(v));
        }
        return v.doubleValue();
    }

    private static List<String> stringList(JsonNode o, String field) {
        return stringList(o, field, field);
    }

    private static List<String> stringList(JsonNode o, String field, String path) {
        JsonNode v = present(o, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new JsonFormatException("field '" + path + "' must be an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new JsonFormatException("field '" + path + "' must hold only strings, got " + describe(e));
            }
            out.add(e.textValue());
        }
        return out;
    }
}
