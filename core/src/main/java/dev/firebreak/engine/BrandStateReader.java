package dev.firebreak.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.classify.Category;
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
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.ResponsePlan;
import dev.firebreak.plan.StepKind;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of {@link BrandStateCodec#decode}: reads a state exactly as {@link BrandStateCodec#encode}
 * writes it (the same fields, in the same order, with the same value types) with Jackson's streaming parser,
 * building no tree for the bulk of it (dedup memory, series, incidents' figures, timelines, authors, audit
 * records, gates, escalation status, plans) and parsing instants without a {@code DateTimeFormatter}; mentions and
 * alerts go through the tree readers the codec has always used. Anything else (another
 * order, another type, a field missing or added) throws {@link Mismatch}, and the codec reads the text with
 * its tree reader instead, which defines the format's meaning and its error messages: both paths give the
 * same state for whatever the encoder wrote (JournalRestartBenchmark: restart time per 100,000 incidents).
 */
final class BrandStateReader {

    /** The text is not exactly what the encoder writes: read it with the tree reader. */
    static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String what) {
            super(what, null, false, false);
        }
    }

    private final JsonParser p;
    private final ObjectMapper mapper;
    private final FirebreakJson json;
    private final BrandStateCodec codec;
    private JsonToken t;

    private BrandStateReader(JsonParser p, ObjectMapper mapper, FirebreakJson json, BrandStateCodec codec)
            throws IOException {
        this.p = p;
        this.mapper = mapper;
        this.json = json;
        this.codec = codec;
        this.t = p.nextToken();
    }

    /** Reads a whole state; throws {@link Mismatch} (or a parse error) where the text is not the encoder's. */
    static BrandState read(String text, JsonFactory factory, FirebreakJson json, BrandStateCodec codec, int version,
            EscalationPolicy policy) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            BrandStateReader r = new BrandStateReader(p, json.mapper(), json, codec);
            BrandState s = r.state(version, policy);
            if (p.nextToken() != null) {
                throw new Mismatch("trailing content");
            }
            return s;
        }
    }

    // ---------------------------------------------------------------- tokens

    private void next() throws IOException {
        t = p.nextToken();
    }

    private void expect(JsonToken token) throws IOException {
        if (t != token) {
            throw new Mismatch("expected " + token + ", got " + t);
        }
        next();
    }

    /** At a field of this name: moves to its value and says true. */
    private boolean at(String name) throws IOException {
        if (t == JsonToken.FIELD_NAME && name.equals(p.currentName())) {
            next();
            return true;
        }
        return false;
    }

    private void field(String name) throws IOException {
        if (!at(name)) {
            throw new Mismatch("expected field " + name);
        }
    }

    private long longValue() throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new Mismatch("expected an integer");
        }
        long v = p.getLongValue();
        next();
        return v;
    }

    private int intValue() throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new Mismatch("expected an int");
        }
        int v = p.getIntValue();
        next();
        return v;
    }

    private double doubleValue() throws IOException {
        double v;
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            v = p.getDoubleValue();
        } else {
            throw new Mismatch("expected a floating-point number");
        }
        next();
        return v;
    }

    private boolean boolValue() throws IOException {
        boolean v;
        if (t == JsonToken.VALUE_TRUE) {
            v = true;
        } else if (t == JsonToken.VALUE_FALSE) {
            v = false;
        } else {
            throw new Mismatch("expected a boolean");
        }
        next();
        return v;
    }

    private String text() throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new Mismatch("expected a string");
        }
        String v = p.getText();
        next();
        return v;
    }

    /** A string or null. */
    private String textOrNull() throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            next();
            return null;
        }
        return text();
    }

    private long longField(String name) throws IOException {
        field(name);
        return longValue();
    }

    private String textField(String name) throws IOException {
        field(name);
        return text();
    }

    private Instant instantField(String name) throws IOException {
        return instant(textField(name));
    }

    /** An optional instant field (absent when null). */
    private Instant optInstant(String name) throws IOException {
        return at(name) ? instant(text()) : null;
    }

    private JsonNode tree() throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            throw new Mismatch("expected an object or array");
        }
        JsonNode n = mapper.readTree(p);
        next();
        return n;
    }

    // ---------------------------------------------------------------- the state

    private BrandState state(int version, EscalationPolicy policy) throws IOException {
        expect(JsonToken.START_OBJECT);
        field("v");
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() != version) {
            throw new Mismatch("version");
        }
        next();
        BrandState s = new BrandState(textField("brand"));
        s.nextIncident = longField("nextIncident");
        s.bucketStart = longField("bucketStart");
        s.lastNow = instantField("lastNow");
        s.mentions = longField("mentions");
        s.ownedMentions = longField("ownedMentions");
        s.updates = longField("updates");
        s.duplicates = longField("duplicates");
        field("seen");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_ARRAY);
            MentionKey key = new MentionKey(Platform.of(text()), text());
            Instant at = instant(text());
            long spread = longValue();
            Visibility visibility = Visibility.valueOf(text());
            String incident = textOrNull();
            boolean owned = boolValue();
            boolean negative = boolValue();
            expect(JsonToken.END_ARRAY);
            s.seen.add(key.platform(), key.id(), at, spread, visibility,
                    incident == null ? null : new IncidentId(incident), owned, negative);
        }
        next();
        field("series");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            series(s);
        }
        next();
        field("recent");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            field("mention");
            JsonNode mention = tree();
            field("negative");
            boolean negative = boolValue();
            field("complaint");
            boolean complaint = boolValue();
            field("categories");
            List<Category> cats = new ArrayList<>();
            expect(JsonToken.START_ARRAY);
            while (t != JsonToken.END_ARRAY) {
                cats.add(Category.of(text()));
            }
            next();
            field("hashtags");
            List<String> tags = new ArrayList<>();
            expect(JsonToken.START_ARRAY);
            while (t != JsonToken.END_ARRAY) {
                tags.add(text());
            }
            next();
            long bucket = longField("bucket");
            expect(JsonToken.END_OBJECT);
            s.recent.add(new Recent(json.readMention(mention), negative, complaint, List.copyOf(cats),
                    List.copyOf(tags), bucket));
        }
        next();
        field("ownPosts");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            MentionKey key = key();
            OwnPost op = new OwnPost(key, textField("account"), instantField("createdAt"));
            op.replies = longField("replies");
            op.negativeReplies = longField("negativeReplies");
            op.lastAlertAt = optInstant("lastAlertAt");
            expect(JsonToken.END_OBJECT);
            s.ownPosts.put(op.key, op);
        }
        next();
        field("tracked");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            TrackedPost tp = new TrackedPost(key(), instantField("createdAt"));
            tp.spread = longField("spread");
            tp.shareMentions = longField("shareMentions");
            field("negative");
            tp.negative = boolValue();
            tp.lastAlertAt = optInstant("lastAlertAt");
            expect(JsonToken.END_OBJECT);
            s.tracked.put(tp.key, tp);
        }
        next();
        field("influencerAlerts");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            s.influencerAlerts.put(k, instant(text()));
        }
        expect(JsonToken.END_OBJECT);
        field("oneStars");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            s.oneStars.add(instant(text()));
        }
        next();
        field("oneStarGate");
        s.oneStarGate = gate();
        field("incidents");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            IncidentTracker it = incident(s.brand, policy);
            s.incidents.put(it.id, it);
        }
        next();
        field("redirects");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            s.redirects.put(new IncidentId(k), new IncidentId(text()));
        }
        expect(JsonToken.END_OBJECT);
        field("ties");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            s.ties.put(k, intValue());
        }
        expect(JsonToken.END_OBJECT);
        field("pausedFor");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            s.pausedFor.add(new IncidentId(text()));
        }
        next();
        field("pauseInFlight");
        s.pauseInFlight = boolValue();
        field("openByTopic");
        Map<String, String> byTopic = new LinkedHashMap<>();
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            byTopic.put(k, text());
        }
        expect(JsonToken.END_OBJECT);
        field("audit");
        audit(s.audit);
        field("checks");
        s.checks.readNode(tree());
        if (t != JsonToken.END_OBJECT) {
            throw new Mismatch("more fields");
        }
        byTopic.forEach((k, v) -> {
            IncidentTracker it = s.incidents.get(new IncidentId(v));
            if (it != null) {
                s.openByTopic.put(Topic.parse(k), it);
            }
        });
        s.recomputeDeadline();
        return s;
    }

    private MentionKey key() throws IOException {
        return new MentionKey(Platform.of(textField("platform")), textField("id"));
    }

    private void series(BrandState s) throws IOException {
        expect(JsonToken.START_OBJECT);
        Series.Kind kind = Series.Kind.valueOf(textField("kind"));
        String value = textField("value");
        long count = longField("count");
        long negatives = longField("negatives");
        long lastObserved = longField("lastObserved");
        long lastActive = longField("lastActive");
        long total = longField("total");
        String detector = at("detector") ? text() : null;
        double[] expected = new double[24];
        int[] expectedSeen = new int[24];
        field("expected");
        expect(JsonToken.START_ARRAY);
        for (int i = 0; i < 24; i++) {
            expected[i] = doubleValue();
        }
        expect(JsonToken.END_ARRAY);
        field("expectedSeen");
        expect(JsonToken.START_ARRAY);
        for (int i = 0; i < 24; i++) {
            expectedSeen[i] = intValue();
        }
        expect(JsonToken.END_ARRAY);
        field("globalExpected");
        double globalExpected = doubleValue();
        long globalSeen = longField("globalSeen");
        field("negativeBaseline");
        double negativeBaseline = doubleValue();
        field("volumeGate");
        AlertGate volume = gate();
        field("negativeGate");
        AlertGate negative = gate();
        expect(JsonToken.END_OBJECT);
        Series.Key key = new Series.Key(kind, value);
        Series x = new Series(key, volume, negative);
        x.count = count;
        x.negatives = negatives;
        x.lastObserved = lastObserved;
        x.lastActive = lastActive;
        x.total = total;
        x.pendingSnapshot = detector;
        for (int i = 0; i < 24; i++) {
            x.setExpected(i, expected[i], expectedSeen[i]);
        }
        x.globalExpected = globalExpected;
        x.globalSeen = globalSeen;
        x.negativeBaseline = negativeBaseline;
        s.series.put(key, x);
    }

    private IncidentTracker incident(String brand, EscalationPolicy policy) throws IOException {
        expect(JsonToken.START_OBJECT);
        IncidentId id = new IncidentId(textField("id"));
        Topic topic = Topic.parse(textField("topic"));
        Instant openedAt = instantField("openedAt");
        IncidentTracker it = new IncidentTracker(id, brand, topic, openedAt, instantField("detectedAt"));
        it.lastMentionAt = instantField("lastMentionAt");
        it.lastNegativeAt = optInstant("lastNegativeAt");
        it.updatedAt = instantField("updatedAt");
        it.mentions = longField("mentions");
        it.negatives = longField("negatives");
        it.uniqueAuthors = longField("uniqueAuthors");
        it.reach = longField("reach");
        it.negativeAuthors = longField("negativeAuthors");
        it.negativeReach = longField("negativeReach");
        it.spread = longField("spread");
        it.peakRate = longField("peakRate");
        field("authors");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            it.authors.put(k, longValue());
        }
        expect(JsonToken.END_OBJECT);
        field("negativeAuthorKeys");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.negativeAuthorKeys.putIfAbsent(text(), 0);
        }
        next();
        field("timeline");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_ARRAY);
            IncidentTracker.Bucket b = new IncidentTracker.Bucket(longValue());
            b.mentions = longValue();
            b.negatives = longValue();
            b.newNegativeAuthors = longValue();
            b.negativeReach = longValue();
            b.negativeSpread = longValue();
            b.maxNegativeFollowers = longValue();
            b.sensitive = boolValue();
            expect(JsonToken.END_ARRAY);
            it.timeline.add(b);
        }
        next();
        field("categories");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            it.categories.put(Category.of(k), longValue());
        }
        expect(JsonToken.END_OBJECT);
        field("hashtags");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            it.hashtags.put(k, longValue());
        }
        expect(JsonToken.END_OBJECT);
        field("platforms");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            it.platforms.put(Platform.of(k), longValue());
        }
        expect(JsonToken.END_OBJECT);
        field("samples");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.samples.add(json.readMention(tree()));
        }
        next();
        field("influential");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.influential.add(BrandStateCodec.readAuthor(tree()));
        }
        next();
        field("ownedAccounts");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.ownedAccounts.add(text());
        }
        next();
        field("alerts");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.alerts.add(codec.readAlert(tree()));
        }
        next();
        it.firstAlertAt = optInstant("firstAlertAt");
        field("signalSeen");
        expect(JsonToken.START_OBJECT);
        while (t == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            next();
            it.signalSeen.put(k, instant(text()));
        }
        expect(JsonToken.END_OBJECT);
        it.severity = Severity.fromJson(textField("severity"));
        it.highest = Severity.fromJson(textField("highest"));
        it.crisisAt = optInstant("crisisAt");
        field("watch");
        it.watch = boolValue();
        field("reasons");
        List<String> reasons = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            reasons.add(text());
        }
        next();
        it.reasons = List.copyOf(reasons);
        it.calmSince = optInstant("calmSince");
        it.lastSeverityChange = optInstant("lastSeverityChange");
        if (at("atFault")) {
            it.atFault = boolValue();
        }
        field("escalation");
        it.escalation = EscalationStateMachine.restore(id, brand, policy, status());
        field("plan");
        it.plan = plan();
        field("mergedFrom");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            it.mergedFrom.add(new IncidentId(text()));
        }
        next();
        it.closedAt = optInstant("closedAt");
        expect(JsonToken.END_OBJECT);
        return it;
    }

    /** {@code BrandStateCodec.readGate}. */
    private AlertGate gate() throws IOException {
        expect(JsonToken.START_OBJECT);
        field("active");
        boolean active = boolValue();
        field("quiet");
        int quiet = intValue();
        Instant raised = optInstant("raisedAt");
        Instant ended = optInstant("endedAt");
        expect(JsonToken.END_OBJECT);
        return new AlertGate(active, quiet, Optional.ofNullable(raised), Optional.ofNullable(ended));
    }

    /** {@code BrandStateCodec.readStatus}. */
    private EscalationStatus status() throws IOException {
        expect(JsonToken.START_OBJECT);
        IncidentState state = IncidentState.fromJson(textField("state"));
        field("level");
        int level = intValue();
        Role role = Role.of(textField("role"));
        Severity severity = Severity.fromJson(textField("severity"));
        Instant detectedAt = instantField("detectedAt");
        String acknowledgedBy = at("acknowledgedBy") ? text() : null;
        Instant acknowledgedAt = optInstant("acknowledgedAt");
        Instant ackDeadline = optInstant("ackDeadline");
        Instant responseDeadline = optInstant("responseDeadline");
        Instant respondedAt = optInstant("respondedAt");
        String respondedBy = at("respondedBy") ? text() : null;
        field("reminders");
        int reminders = intValue();
        field("exhausted");
        boolean exhausted = boolValue();
        field("history");
        List<EscalationRecord> history = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_ARRAY);
            int l = intValue();
            Role r = Role.of(text());
            Instant at = instant(text());
            EscalationReason reason = EscalationReason.valueOf(text());
            expect(JsonToken.END_ARRAY);
            history.add(new EscalationRecord(l, r, at, reason));
        }
        next();
        expect(JsonToken.END_OBJECT);
        return new EscalationStatus(state, level, role, severity, detectedAt, Optional.ofNullable(acknowledgedBy),
                Optional.ofNullable(acknowledgedAt), Optional.ofNullable(ackDeadline),
                Optional.ofNullable(responseDeadline), Optional.ofNullable(respondedAt),
                Optional.ofNullable(respondedBy), reminders, exhausted, history);
    }

    /**
     * {@code FirebreakJson.readPlan}, for the plans {@code FirebreakJson.planToNode} writes (its times in the form
     * {@link #instant} reads without a formatter; any other form is a {@link Mismatch}).
     */
    private ResponsePlan plan() throws IOException {
        expect(JsonToken.START_OBJECT);
        IncidentId incident = new IncidentId(textField("incident"));
        Severity severity = Severity.fromJson(textField("severity"));
        field("steps");
        List<PlanStep> steps = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            StepKind kind = StepKind.fromJson(textField("step"));
            Role owner = Role.of(textField("owner"));
            Instant due = plainInstant(textField("due"));
            String guidance = textField("guidance");
            Instant doneAt = at("doneAt") ? plainInstant(text()) : null;
            String doneBy = at("doneBy") ? text() : null;
            expect(JsonToken.END_OBJECT);
            steps.add(new PlanStep(kind, owner, due, guidance, Optional.ofNullable(doneAt),
                    Optional.ofNullable(doneBy)));
        }
        next();
        expect(JsonToken.END_OBJECT);
        return new ResponsePlan(incident, severity, steps);
    }

    private static Instant plainInstant(String s) {
        Instant v = fastInstant(s);
        if (v == null) {
            throw new Mismatch("a time in another form");
        }
        return v;
    }

    private void audit(AuditBook book) throws IOException {
        expect(JsonToken.START_OBJECT);
        field("trails");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            IncidentId id = new IncidentId(textField("incident"));
            AuditBook.Trail tr = book.trail(id);
            tr.dropped = longField("dropped");
            tr.mentions = longField("mentions");
            tr.negatives = longField("negatives");
            tr.ackDeadline = optInstant("ackDeadline");
            tr.responseDeadline = optInstant("responseDeadline");
            if (at("bucket")) {
                expect(JsonToken.START_ARRAY);
                tr.bucket = longValue();
                tr.bucketMentions = longValue();
                tr.bucketNegatives = longValue();
                tr.bucketSentiment = doubleValue();
                tr.bucketSentimentCount = longValue();
                tr.bucketReach = longValue();
                tr.bucketTotal = longValue();
                expect(JsonToken.END_ARRAY);
            }
            field("records");
            expect(JsonToken.START_ARRAY);
            while (t != JsonToken.END_ARRAY) {
                expect(JsonToken.START_ARRAY);
                Instant at = instant(text());
                AuditAction action = AuditAction.fromJson(text());
                String actor = text();
                String reason = text();
                Map<String, String> d = new LinkedHashMap<>();
                expect(JsonToken.START_OBJECT);
                while (t == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    next();
                    d.put(k, text());
                }
                expect(JsonToken.END_OBJECT);
                expect(JsonToken.END_ARRAY);
                tr.records.add(new AuditRecord(at, id, action, actor, reason, d));
            }
            next();
            expect(JsonToken.END_OBJECT);
        }
        next();
        field("running");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            book.running.add(new IncidentId(text()));
        }
        next();
        field("pauseHolders");
        expect(JsonToken.START_ARRAY);
        while (t != JsonToken.END_ARRAY) {
            book.pauseHolders.add(new IncidentId(text()));
        }
        next();
        expect(JsonToken.END_OBJECT);
    }

    // ---------------------------------------------------------------- instants

    /**
     * {@code Instant.parse(text)}, for the form {@link Instant#toString()} writes for years 0000 to 9999
     * ({@code 2026-03-02T09:00:00Z}, with 3, 6 or 9 fraction digits or none) without a formatter; any other
     * text goes to {@code Instant.parse}.
     */
    static Instant instant(String s) {
        Instant v = fastInstant(s);
        return v != null ? v : Instant.parse(s);
    }

    /** {@link #instant} for the form it reads without a formatter, or null. */
    private static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nano = 0;
        if (n != 20) {
            int f = n - 21; // fraction digits
            if (s.charAt(19) != '.' || f != 3 && f != 6 && f != 9) {
                return null;
            }
            nano = digits(s, 20, f);
            for (int k = f; k < 9; k++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number of {@code len} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
