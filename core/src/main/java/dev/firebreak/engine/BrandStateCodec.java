package dev.firebreak.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.classify.Category;
import dev.firebreak.detect.Alert;
import dev.firebreak.detect.AlertSignal;
import dev.firebreak.detect.AuthorSummary;
import dev.firebreak.detect.OriginHint;
import dev.firebreak.detect.internal.AlertGate;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationReason;
import dev.firebreak.escalation.EscalationRecord;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.escalation.Role;
import dev.firebreak.escalation.internal.EscalationStateMachine;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A brand's engine state as JSON and back: the one place where engine state meets Jackson. The format
 * is versioned ({@code "v": 1}) and holds only the brand's own data (its incidents' audit trails included), so it can be written to a journal,
 * a database row or a keyed state store. Series detectors are saved through the engine's
 * {@link dev.firebreak.detect.DetectorFactory} (a factory that cannot snapshot starts them afresh on
 * restore). Escalation machines are restored with the policy given to {@link #decode}.
 *
 * <p>Instances are immutable and thread-safe; encode a state only while its brand's lock is held (see
 * {@link CrisisEngine#checkpoint(String)}).
 */
public final class BrandStateCodec {

    private static final int VERSION = 1;

    private final FirebreakJson json = FirebreakJson.create();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /**
     * The parser of {@link #decode}'s fast path: FirebreakJson's limits, without interning field names (a
     * state's field names include every author key of its incidents: interning them costs more than it saves).
     */
    private final JsonFactory streaming = new JsonFactoryBuilder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(FirebreakJson.MAX_STRING_LENGTH)
                    .maxNestingDepth(64).build())
            .build();

    private BrandStateCodec() {
    }

    /** A codec. */
    public static BrandStateCodec create() {
        return new BrandStateCodec();
    }

    // ================================================================ encode

    /** The state as one line of JSON. */
    public String encode(BrandState s) {
        Objects.requireNonNull(s, "state");
        ObjectNode o = nodes.objectNode();
        o.put("v", VERSION);
        o.put("brand", s.brand);
        o.put("nextIncident", s.nextIncident);
        o.put("bucketStart", s.bucketStart);
        o.put("lastNow", s.lastNow.toString());
        o.put("mentions", s.mentions);
        o.put("ownedMentions", s.ownedMentions);
        o.put("updates", s.updates);
        o.put("duplicates", s.duplicates);
        ArrayNode seen = o.putArray("seen");
        DedupTable d = s.seen;
        for (int k = 0; k < d.size(); k++) {
            int e = d.at(k);
            IncidentId incident = d.incident(e);
            seen.addArray().add(d.platform(e).name()).add(d.id(e)).add(d.seenAt(e).toString()).add(d.spreadOf(e))
                    .add(d.visibility(e).name()).add(incident == null ? null : incident.value()).add(d.owned(e))
                    .add(d.negative(e));
        }
        ArrayNode series = o.putArray("series");
        for (Series x : s.series.values()) {
            ObjectNode n = series.addObject();
            n.put("kind", x.key.kind().name());
            n.put("value", x.key.value());
            n.put("count", x.count);
            n.put("negatives", x.negatives);
            n.put("lastObserved", x.lastObserved);
            n.put("lastActive", x.lastActive);
            n.put("total", x.total);
            String snap = x.detector != null && s.detectors != null ? s.detectors.snapshot(x.detector).orElse(null)
                    : x.pendingSnapshot;
            if (snap != null) {
                n.put("detector", snap);
            }
            ArrayNode exp = n.putArray("expected");
            ArrayNode expSeen = n.putArray("expectedSeen");
            for (int i = 0; i < 24; i++) {
                exp.add(x.expected(i));
                expSeen.add(x.expectedSeen(i));
            }
            n.put("globalExpected", x.globalExpected);
            n.put("globalSeen", x.globalSeen);
            n.put("negativeBaseline", x.negativeBaseline);
            n.set("volumeGate", gate(x.volumeGate));
            n.set("negativeGate", gate(x.negativeGate));
        }
        ArrayNode recent = o.putArray("recent");
        for (Recent r : s.recent) {
            ObjectNode n = recent.addObject();
            n.set("mention", json.mentionToNode(r.mention));
            n.put("negative", r.negative);
            n.put("complaint", r.complaint);
            ArrayNode cats = n.putArray("categories");
            r.categories.forEach(c -> cats.add(c.id()));
            ArrayNode tags = n.putArray("hashtags");
            r.hashtags.forEach(tags::add);
            n.put("bucket", r.bucket);
        }
        ArrayNode own = o.putArray("ownPosts");
        for (OwnPost p : s.ownPosts.values()) {
            ObjectNode n = own.addObject();
            key(n, p.key);
            n.put("account", p.account);
            n.put("createdAt", p.createdAt.toString());
            n.put("replies", p.replies);
            n.put("negativeReplies", p.negativeReplies);
            instant(n, "lastAlertAt", p.lastAlertAt);
        }
        ArrayNode tracked = o.putArray("tracked");
        for (TrackedPost p : s.tracked.values()) {
            ObjectNode n = tracked.addObject();
            key(n, p.key);
            n.put("createdAt", p.createdAt.toString());
            n.put("spread", p.spread);
            n.put("shareMentions", p.shareMentions);
            n.put("negative", p.negative);
            instant(n, "lastAlertAt", p.lastAlertAt);
        }
        ObjectNode infl = o.putObject("influencerAlerts");
        s.influencerAlerts.forEach((k, v) -> infl.put(k, v.toString()));
        ArrayNode stars = o.putArray("oneStars");
        s.oneStars.forEach(t -> stars.add(t.toString()));
        o.set("oneStarGate", gate(s.oneStarGate));
        ArrayNode incidents = o.putArray("incidents");
        for (IncidentTracker t : s.incidents.values()) {
            incidents.add(incident(t));
        }
        ObjectNode redirects = o.putObject("redirects");
        s.redirects.forEach((k, v) -> redirects.put(k.value(), v.value()));
        ObjectNode ties = o.putObject("ties");
        s.ties.forEach(ties::put);
        ArrayNode paused = o.putArray("pausedFor");
        s.pausedFor.forEach(id -> paused.add(id.value()));
        o.put("pauseInFlight", s.pauseInFlight);
        // the topic index is not derivable: a merged incident's topic stays mapped to the survivor, a newer
        // incident takes a topic over from an older one that is still open
        ObjectNode byTopic = o.putObject("openByTopic");
        s.openByTopic.forEach((k, v) -> byTopic.put(k.toString(), v.id.value()));
        o.set("audit", audit(s.audit));
        o.set("checks", s.checks.toNode(nodes));
        return json.write(o);
    }

    private ObjectNode gate(AlertGate g) {
        ObjectNode n = nodes.objectNode();
        n.put("active", g.active());
        n.put("quiet", g.quiet());
        g.raisedAt().ifPresent(t -> n.put("raisedAt", t.toString()));
        g.endedAt().ifPresent(t -> n.put("endedAt", t.toString()));
        return n;
    }

    private static void key(ObjectNode n, MentionKey k) {
        n.put("platform", k.platform().name());
        n.put("id", k.id());
    }

    private static void instant(ObjectNode n, String field, Instant t) {
        if (t != null) {
            n.put(field, t.toString());
        }
    }

    private ObjectNode incident(IncidentTracker t) {
        ObjectNode n = nodes.objectNode();
        n.put("id", t.id.value());
        n.put("topic", t.topic.toString());
        n.put("openedAt", t.openedAt.toString());
        n.put("detectedAt", t.detectedAt.toString());
        n.put("lastMentionAt", t.lastMentionAt.toString());
        instant(n, "lastNegativeAt", t.lastNegativeAt);
        n.put("updatedAt", t.updatedAt.toString());
        n.put("mentions", t.mentions);
        n.put("negatives", t.negatives);
        n.put("uniqueAuthors", t.uniqueAuthors);
        n.put("reach", t.reach);
        n.put("negativeAuthors", t.negativeAuthors);
        n.put("negativeReach", t.negativeReach);
        n.put("spread", t.spread);
        n.put("peakRate", t.peakRate);
        ObjectNode authors = n.putObject("authors");
        t.authors.forEach(authors::put);
        ArrayNode neg = n.putArray("negativeAuthorKeys");
        List<String> negKeys = new ArrayList<>(t.negativeAuthorKeys.size());
        t.negativeAuthorKeys.forEach((k, v) -> negKeys.add(k));
        negKeys.stream().sorted().forEach(neg::add);
        ArrayNode timeline = n.putArray("timeline");
        for (IncidentTracker.Bucket b : t.timeline) {
            timeline.addArray().add(b.start).add(b.mentions).add(b.negatives).add(b.newNegativeAuthors)
                    .add(b.negativeReach).add(b.negativeSpread).add(b.maxNegativeFollowers).add(b.sensitive);
        }
        ObjectNode cats = n.putObject("categories");
        t.categories.forEach((k, v) -> cats.put(k.id(), v));
        ObjectNode tags = n.putObject("hashtags");
        t.hashtags.forEach(tags::put);
        ObjectNode platforms = n.putObject("platforms");
        t.platforms.forEach((k, v) -> platforms.put(k.name(), v));
        ArrayNode samples = n.putArray("samples");
        t.samples.forEach(m -> samples.add(json.mentionToNode(m)));
        ArrayNode infl = n.putArray("influential");
        t.influential.forEach(a -> infl.add(author(a)));
        ArrayNode owned = n.putArray("ownedAccounts");
        t.ownedAccounts.forEach(owned::add);
        ArrayNode alerts = n.putArray("alerts");
        t.alerts.forEach(a -> alerts.add(alertToNode(a)));
        instant(n, "firstAlertAt", t.firstAlertAt);
        ObjectNode signals = n.putObject("signalSeen");
        t.signalSeen.forEach((k, v) -> signals.put(k, v.toString()));
        n.put("severity", t.severity.jsonName());
        n.put("highest", t.highest.jsonName());
        instant(n, "crisisAt", t.crisisAt);
        n.put("watch", t.watch);
        ArrayNode reasons = n.putArray("reasons");
        t.reasons.forEach(reasons::add);
        instant(n, "calmSince", t.calmSince);
        instant(n, "lastSeverityChange", t.lastSeverityChange);
        if (t.atFault != null) {
            n.put("atFault", t.atFault);
        }
        n.set("escalation", status(t.escalation.status()));
        n.set("plan", json.planToNode(t.plan));
        ArrayNode merged = n.putArray("mergedFrom");
        t.mergedFrom.forEach(id -> merged.add(id.value()));
        instant(n, "closedAt", t.closedAt);
        return n;
    }

    private ObjectNode author(AuthorSummary a) {
        ObjectNode n = nodes.objectNode();
        n.put("platform", a.platform().name());
        n.put("handle", a.handle());
        n.put("followers", a.followers());
        n.put("verified", a.verified());
        return n;
    }

    /** An alert as a JSON tree (also used by reports). */
    public ObjectNode alertToNode(Alert a) {
        ObjectNode n = nodes.objectNode();
        n.put("brand", a.brand());
        n.put("signal", a.signal().jsonName());
        n.put("topic", a.topic().toString());
        a.platform().ifPresent(p -> n.put("platform", p.name()));
        n.put("at", a.at().toString());
        n.put("observed", a.observed());
        n.put("expected", a.expected());
        n.put("score", a.score());
        n.put("summary", a.summary());
        ArrayNode terms = n.putArray("topTerms");
        a.topTerms().forEach(terms::add);
        ArrayNode tags = n.putArray("hashtags");
        a.hashtags().forEach(tags::add);
        ArrayNode samples = n.putArray("samples");
        a.samples().forEach(k -> {
            ObjectNode x = samples.addObject();
            key(x, k);
        });
        ArrayNode authors = n.putArray("influentialAuthors");
        a.influentialAuthors().forEach(x -> authors.add(author(x)));
        ArrayNode owned = n.putArray("ownedAccounts");
        a.ownedAccounts().forEach(owned::add);
        n.put("origin", a.origin().origin().jsonName());
        n.put("originReason", a.origin().reason());
        a.incident().ifPresent(id -> n.put("incident", id.value()));
        return n;
    }

    private ObjectNode status(EscalationStatus st) {
        ObjectNode n = nodes.objectNode();
        n.put("state", st.state().jsonName());
        n.put("level", st.level());
        n.put("role", st.role().name());
        n.put("severity", st.severity().jsonName());
        n.put("detectedAt", st.detectedAt().toString());
        st.acknowledgedBy().ifPresent(v -> n.put("acknowledgedBy", v));
        st.acknowledgedAt().ifPresent(v -> n.put("acknowledgedAt", v.toString()));
        st.ackDeadline().ifPresent(v -> n.put("ackDeadline", v.toString()));
        st.responseDeadline().ifPresent(v -> n.put("responseDeadline", v.toString()));
        st.respondedAt().ifPresent(v -> n.put("respondedAt", v.toString()));
        st.respondedBy().ifPresent(v -> n.put("respondedBy", v));
        n.put("reminders", st.reminders());
        n.put("exhausted", st.exhausted());
        ArrayNode h = n.putArray("history");
        for (EscalationRecord r : st.history()) {
            h.addArray().add(r.level()).add(r.role().name()).add(r.at().toString()).add(r.reason().name());
        }
        return n;
    }

    private ObjectNode audit(AuditBook book) {
        ObjectNode n = nodes.objectNode();
        ArrayNode trails = n.putArray("trails");
        book.trails.forEach((id, tr) -> {
            ObjectNode t = trails.addObject();
            t.put("incident", id.value());
            t.put("dropped", tr.dropped);
            t.put("mentions", tr.mentions);
            t.put("negatives", tr.negatives);
            instant(t, "ackDeadline", tr.ackDeadline);
            instant(t, "responseDeadline", tr.responseDeadline);
            if (tr.bucket != Long.MIN_VALUE) {
                t.putArray("bucket").add(tr.bucket).add(tr.bucketMentions).add(tr.bucketNegatives)
                        .add(tr.bucketSentiment).add(tr.bucketSentimentCount).add(tr.bucketReach).add(tr.bucketTotal);
            }
            ArrayNode records = t.putArray("records");
            for (AuditRecord r : tr.records) {
                ArrayNode a = records.addArray();
                a.add(r.at().toString()).add(r.action().jsonName()).add(r.actor()).add(r.reason());
                ObjectNode d = a.addObject();
                r.details().forEach(d::put);
            }
        });
        ArrayNode running = n.putArray("running");
        book.running.forEach(id -> running.add(id.value()));
        ArrayNode holders = n.putArray("pauseHolders");
        book.pauseHolders.forEach(id -> holders.add(id.value()));
        return n;
    }

    private static void readAudit(JsonNode n, AuditBook book) {
        for (JsonNode t : n.path("trails")) {
            IncidentId id = new IncidentId(text(t, "incident"));
            AuditBook.Trail tr = book.trail(id);
            tr.dropped = t.path("dropped").asLong();
            tr.mentions = t.path("mentions").asLong();
            tr.negatives = t.path("negatives").asLong();
            tr.ackDeadline = optInstant(t, "ackDeadline");
            tr.responseDeadline = optInstant(t, "responseDeadline");
            JsonNode b = t.get("bucket");
            if (b != null && b.isArray()) {
                tr.bucket = b.get(0).asLong();
                tr.bucketMentions = b.get(1).asLong();
                tr.bucketNegatives = b.get(2).asLong();
                tr.bucketSentiment = b.get(3).asDouble();
                tr.bucketSentimentCount = b.get(4).asLong();
                tr.bucketReach = b.get(5).asLong();
                tr.bucketTotal = b.get(6).asLong();
            }
            for (JsonNode a : t.path("records")) {
                java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
                a.get(4).fields().forEachRemaining(e -> d.put(e.getKey(), e.getValue().asText()));
                tr.records.add(new AuditRecord(Instant.parse(a.get(0).asText()), id,
                        AuditAction.fromJson(a.get(1).asText()), a.get(2).asText(), a.get(3).asText(), d));
            }
        }
        n.path("running").forEach(x -> book.running.add(new IncidentId(x.asText())));
        n.path("pauseHolders").forEach(x -> book.pauseHolders.add(new IncidentId(x.asText())));
    }

    // ================================================================ decode

    /**
     * Reads a state written by {@link #encode}; escalation machines run on {@code policy} (the engine's).
     *
     * @throws JsonFormatException naming what is wrong
     */
    public BrandState decode(String text, EscalationPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (text != null) {
            try {
                return BrandStateReader.read(text, streaming, json, this, VERSION, policy);
            } catch (IOException | RuntimeException e) {
                // not exactly what encode writes (or not valid): the tree reader below decides, and names the fault
            }
        }
        return decodeTree(text, policy);
    }

    /** {@link #decode} with a JSON tree: the reference reader, for any text. */
    BrandState decodeTree(String text, EscalationPolicy policy) {
        JsonNode o = json.parseObject(text);
        try {
            int v = o.path("v").asInt(-1);
            if (v != VERSION) {
                throw new JsonFormatException("unsupported brand state version " + v + ", expected " + VERSION);
            }
            BrandState s = new BrandState(text(o, "brand"));
            s.nextIncident = o.path("nextIncident").asLong(1);
            s.bucketStart = o.path("bucketStart").asLong(Long.MIN_VALUE);
            s.lastNow = Instant.parse(text(o, "lastNow"));
            s.mentions = o.path("mentions").asLong();
            s.ownedMentions = o.path("ownedMentions").asLong();
            s.updates = o.path("updates").asLong();
            s.duplicates = o.path("duplicates").asLong();
            for (JsonNode a : o.path("seen")) {
                MentionKey key = new MentionKey(Platform.of(a.get(0).asText()), a.get(1).asText());
                s.seen.add(key.platform(), key.id(), Instant.parse(a.get(2).asText()), a.get(3).asLong(),
                        Visibility.valueOf(a.get(4).asText()), a.get(5).isNull() ? null : new IncidentId(a.get(5).asText()),
                        a.get(6).asBoolean(), a.get(7).asBoolean());
            }
            for (JsonNode n : o.path("series")) {
                Series.Key key = new Series.Key(Series.Kind.valueOf(text(n, "kind")), n.path("value").asText());
                Series x = new Series(key, readGate(n.path("volumeGate")), readGate(n.path("negativeGate")));
                x.count = n.path("count").asLong();
                x.negatives = n.path("negatives").asLong();
                x.lastObserved = n.path("lastObserved").asLong();
                x.lastActive = n.path("lastActive").asLong();
                x.total = n.path("total").asLong();
                x.pendingSnapshot = n.hasNonNull("detector") ? n.get("detector").asText() : null;
                for (int i = 0; i < 24; i++) {
                    x.setExpected(i, n.path("expected").path(i).asDouble(), n.path("expectedSeen").path(i).asInt());
                }
                x.globalExpected = n.path("globalExpected").asDouble();
                x.globalSeen = n.path("globalSeen").asLong();
                x.negativeBaseline = n.path("negativeBaseline").asDouble(Series.NEG_PRIOR);
                s.series.put(key, x);
            }
            for (JsonNode n : o.path("recent")) {
                List<Category> cats = new ArrayList<>();
                n.path("categories").forEach(c -> cats.add(Category.of(c.asText())));
                List<String> tags = new ArrayList<>();
                n.path("hashtags").forEach(t -> tags.add(t.asText()));
                s.recent.add(new Recent(json.readMention(n.get("mention")), n.path("negative").asBoolean(),
                        n.path("complaint").asBoolean(), List.copyOf(cats), List.copyOf(tags), n.path("bucket").asLong()));
            }
            for (JsonNode n : o.path("ownPosts")) {
                OwnPost p = new OwnPost(readKey(n), text(n, "account"), Instant.parse(text(n, "createdAt")));
                p.replies = n.path("replies").asLong();
                p.negativeReplies = n.path("negativeReplies").asLong();
                p.lastAlertAt = optInstant(n, "lastAlertAt");
                s.ownPosts.put(p.key, p);
            }
            for (JsonNode n : o.path("tracked")) {
                TrackedPost p = new TrackedPost(readKey(n), Instant.parse(text(n, "createdAt")));
                p.spread = n.path("spread").asLong();
                p.shareMentions = n.path("shareMentions").asLong();
                p.negative = n.path("negative").asBoolean();
                p.lastAlertAt = optInstant(n, "lastAlertAt");
                s.tracked.put(p.key, p);
            }
            o.path("influencerAlerts").fields().forEachRemaining(e ->
                    s.influencerAlerts.put(e.getKey(), Instant.parse(e.getValue().asText())));
            o.path("oneStars").forEach(t -> s.oneStars.add(Instant.parse(t.asText())));
            s.oneStarGate = readGate(o.path("oneStarGate"));
            for (JsonNode n : o.path("incidents")) {
                IncidentTracker t = readIncident(n, s.brand, policy);
                s.incidents.put(t.id, t);
            }
            o.path("redirects").fields().forEachRemaining(e ->
                    s.redirects.put(new IncidentId(e.getKey()), new IncidentId(e.getValue().asText())));
            o.path("ties").fields().forEachRemaining(e -> s.ties.put(e.getKey(), e.getValue().asInt()));
            o.path("pausedFor").forEach(id -> s.pausedFor.add(new IncidentId(id.asText())));
            s.pauseInFlight = o.path("pauseInFlight").asBoolean();
            readAudit(o.path("audit"), s.audit);
            s.checks.readNode(o.path("checks"));
            JsonNode byTopic = o.get("openByTopic");
            if (byTopic != null && byTopic.isObject()) {
                byTopic.fields().forEachRemaining(e -> {
                    IncidentTracker t = s.incidents.get(new IncidentId(e.getValue().asText()));
                    if (t != null) {
                        s.openByTopic.put(Topic.parse(e.getKey()), t);
                    }
                });
                s.recomputeDeadline();
            } else {
                s.reindex(); // written before the index was saved: derive it
            }
            return s;
        } catch (JsonFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonFormatException("not a brand state: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        return v.asText();
    }

    private static Instant optInstant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    private static MentionKey readKey(JsonNode n) {
        return new MentionKey(Platform.of(text(n, "platform")), text(n, "id"));
    }

    static AlertGate readGate(JsonNode n) {
        return new AlertGate(n.path("active").asBoolean(), n.path("quiet").asInt(),
                Optional.ofNullable(optInstant(n, "raisedAt")), Optional.ofNullable(optInstant(n, "endedAt")));
    }

    static AuthorSummary readAuthor(JsonNode n) {
        return new AuthorSummary(Platform.of(text(n, "platform")), text(n, "handle"), n.path("followers").asLong(),
                n.path("verified").asBoolean());
    }

    /** Reads an alert written by {@link #alertToNode}. */
    public Alert readAlert(JsonNode n) {
        List<String> terms = new ArrayList<>();
        n.path("topTerms").forEach(x -> terms.add(x.asText()));
        List<String> tags = new ArrayList<>();
        n.path("hashtags").forEach(x -> tags.add(x.asText()));
        List<MentionKey> samples = new ArrayList<>();
        n.path("samples").forEach(x -> samples.add(readKey(x)));
        List<AuthorSummary> authors = new ArrayList<>();
        n.path("influentialAuthors").forEach(x -> authors.add(readAuthor(x)));
        List<String> owned = new ArrayList<>();
        n.path("ownedAccounts").forEach(x -> owned.add(x.asText()));
        return new Alert(text(n, "brand"), AlertSignal.valueOf(text(n, "signal").toUpperCase(Locale.ROOT)),
                Topic.parse(text(n, "topic")), n.hasNonNull("platform") ? Optional.of(Platform.of(text(n, "platform")))
                : Optional.empty(), Instant.parse(text(n, "at")), n.path("observed").asDouble(),
                n.path("expected").asDouble(), n.path("score").asDouble(), text(n, "summary"), terms, tags, samples,
                authors, owned, new OriginHint(OriginHint.Origin.valueOf(text(n, "origin").toUpperCase(Locale.ROOT)),
                        text(n, "originReason")),
                n.hasNonNull("incident") ? Optional.of(new IncidentId(text(n, "incident"))) : Optional.empty());
    }

    private IncidentTracker readIncident(JsonNode n, String brand, EscalationPolicy policy) {
        IncidentId id = new IncidentId(text(n, "id"));
        IncidentTracker t = new IncidentTracker(id, brand, Topic.parse(text(n, "topic")),
                Instant.parse(text(n, "openedAt")), Instant.parse(text(n, "detectedAt")));
        t.lastMentionAt = Instant.parse(text(n, "lastMentionAt"));
        t.lastNegativeAt = optInstant(n, "lastNegativeAt");
        t.updatedAt = Instant.parse(text(n, "updatedAt"));
        t.mentions = n.path("mentions").asLong();
        t.negatives = n.path("negatives").asLong();
        t.uniqueAuthors = n.path("uniqueAuthors").asLong();
        t.reach = n.path("reach").asLong();
        t.negativeAuthors = n.path("negativeAuthors").asLong();
        t.negativeReach = n.path("negativeReach").asLong();
        t.spread = n.path("spread").asLong();
        t.peakRate = n.path("peakRate").asLong();
        n.path("authors").fields().forEachRemaining(e -> t.authors.put(e.getKey(), e.getValue().asLong()));
        n.path("negativeAuthorKeys").forEach(k -> t.negativeAuthorKeys.putIfAbsent(k.asText(), 0));
        for (JsonNode a : n.path("timeline")) {
            IncidentTracker.Bucket b = new IncidentTracker.Bucket(a.get(0).asLong());
            b.mentions = a.get(1).asLong();
            b.negatives = a.get(2).asLong();
            b.newNegativeAuthors = a.get(3).asLong();
            b.negativeReach = a.get(4).asLong();
            b.negativeSpread = a.get(5).asLong();
            b.maxNegativeFollowers = a.get(6).asLong();
            b.sensitive = a.get(7).asBoolean();
            t.timeline.add(b);
        }
        n.path("categories").fields().forEachRemaining(e -> t.categories.put(Category.of(e.getKey()),
                e.getValue().asLong()));
        n.path("hashtags").fields().forEachRemaining(e -> t.hashtags.put(e.getKey(), e.getValue().asLong()));
        n.path("platforms").fields().forEachRemaining(e -> t.platforms.put(Platform.of(e.getKey()),
                e.getValue().asLong()));
        n.path("samples").forEach(m -> t.samples.add(json.readMention(m)));
        n.path("influential").forEach(a -> t.influential.add(readAuthor(a)));
        n.path("ownedAccounts").forEach(a -> t.ownedAccounts.add(a.asText()));
        n.path("alerts").forEach(a -> t.alerts.add(readAlert(a)));
        t.firstAlertAt = optInstant(n, "firstAlertAt");
        n.path("signalSeen").fields().forEachRemaining(e -> t.signalSeen.put(e.getKey(),
                Instant.parse(e.getValue().asText())));
        t.severity = Severity.fromJson(text(n, "severity"));
        t.highest = Severity.fromJson(text(n, "highest"));
        t.crisisAt = optInstant(n, "crisisAt");
        t.watch = n.path("watch").asBoolean();
        List<String> reasons = new ArrayList<>();
        n.path("reasons").forEach(r -> reasons.add(r.asText()));
        t.reasons = List.copyOf(reasons);
        t.calmSince = optInstant(n, "calmSince");
        t.lastSeverityChange = optInstant(n, "lastSeverityChange");
        t.atFault = n.hasNonNull("atFault") ? n.get("atFault").asBoolean() : null;
        t.escalation = EscalationStateMachine.restore(id, brand, policy, readStatus(n.get("escalation")));
        t.plan = json.readPlan(json.write(n.get("plan")));
        n.path("mergedFrom").forEach(m -> t.mergedFrom.add(new IncidentId(m.asText())));
        t.closedAt = optInstant(n, "closedAt");
        return t;
    }

    static EscalationStatus readStatus(JsonNode n) {
        List<EscalationRecord> history = new ArrayList<>();
        for (JsonNode a : n.path("history")) {
            history.add(new EscalationRecord(a.get(0).asInt(), Role.of(a.get(1).asText()),
                    Instant.parse(a.get(2).asText()), EscalationReason.valueOf(a.get(3).asText())));
        }
        return new EscalationStatus(IncidentState.fromJson(text(n, "state")), n.path("level").asInt(),
                Role.of(text(n, "role")), Severity.fromJson(text(n, "severity")), Instant.parse(text(n, "detectedAt")),
                Optional.ofNullable(n.hasNonNull("acknowledgedBy") ? n.get("acknowledgedBy").asText() : null),
                Optional.ofNullable(optInstant(n, "acknowledgedAt")), Optional.ofNullable(optInstant(n, "ackDeadline")),
                Optional.ofNullable(optInstant(n, "responseDeadline")),
                Optional.ofNullable(optInstant(n, "respondedAt")),
                Optional.ofNullable(n.hasNonNull("respondedBy") ? n.get("respondedBy").asText() : null),
                n.path("reminders").asInt(), n.path("exhausted").asBoolean(), history);
    }

}
