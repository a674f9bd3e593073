package dev.firebreak.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Post-mortems as JSON: {@code {"postMortems": [...]}}, one object per incident with its key figures
 * (durations in seconds, times ISO-8601 UTC, absent values as {@code null}), its buckets, steps,
 * escalations, missed deadlines, the response effect and the whole audit trail. Stateless.
 */
public final class PostMortemJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PostMortemJson() {
    }

    /** The JSON tree of several post-mortems. */
    public static ObjectNode toNode(List<PostMortem> all) {
        ObjectNode root = NODES.objectNode();
        ArrayNode a = root.putArray("postMortems");
        for (PostMortem pm : all) {
            a.add(toNode(pm));
        }
        return root;
    }

    /** The JSON tree of one post-mortem. */
    public static ObjectNode toNode(PostMortem pm) {
        Objects.requireNonNull(pm, "pm");
        ObjectNode o = NODES.objectNode();
        o.put("incident", pm.incident().value());
        o.put("brand", pm.brand());
        o.put("topic", pm.topic());
        o.put("highestSeverity", pm.highestSeverity().jsonName());
        time(o, "crisisAt", pm.crisisAt());
        o.put("state", pm.state().jsonName());
        o.put("firstMentionAt", pm.firstMentionAt().toString());
        o.put("detectedAt", pm.detectedAt().toString());
        o.put("timeToDetectSeconds", pm.timeToDetect().getSeconds());
        time(o, "acknowledgedAt", pm.acknowledgedAt());
        text(o, "acknowledgedBy", pm.acknowledgedBy());
        seconds(o, "timeToAcknowledgeSeconds", pm.timeToAcknowledge());
        time(o, "firstResponseAt", pm.firstResponseAt());
        text(o, "firstResponseBy", pm.firstResponseBy());
        seconds(o, "timeToFirstResponseSeconds", pm.timeToFirstResponse());
        o.put("deadlinesMet", pm.deadlinesMet());
        ArrayNode missed = o.putArray("deadlinesMissed");
        for (PostMortem.Deadline d : pm.deadlinesMissed()) {
            missed.addObject().put("kind", d.kind()).put("due", d.due().toString()).put("missedAt", d.missedAt()
                    .toString()).put("level", d.level()).put("role", d.role());
        }
        Optional<PostMortem.Bucket> peak = pm.peak();
        ObjectNode pk = o.putObject("peak");
        pk.put("mentions", peak.map(PostMortem.Bucket::mentions).orElse(0L));
        if (peak.isPresent()) {
            pk.put("bucket", peak.get().start().toString());
        } else {
            pk.putNull("bucket");
        }
        o.put("mentions", pm.mentions());
        o.put("negativeShare", round(pm.negativeShare()));
        o.put("reach", pm.reach());
        ArrayNode buckets = o.putArray("buckets");
        for (PostMortem.Bucket b : pm.buckets()) {
            ObjectNode n = buckets.addObject();
            n.put("start", b.start().toString());
            n.put("mentions", b.mentions());
            n.put("negatives", b.negatives());
            n.put("negativeShare", round(b.negativeShare()));
            if (b.sentiment().isPresent()) {
                n.put("sentiment", round(b.sentiment().get()));
            } else {
                n.putNull("sentiment");
            }
            n.put("reach", b.reach());
            n.put("total", b.total());
        }
        ArrayNode sev = o.putArray("severities");
        for (PostMortem.SeverityAt s : pm.severities()) {
            sev.addObject().put("at", s.at().toString()).put("severity", s.severity().jsonName());
        }
        ArrayNode esc = o.putArray("escalations");
        for (PostMortem.Escalation e : pm.escalations()) {
            esc.addObject().put("at", e.at().toString()).put("level", e.level()).put("role", e.role())
                    .put("notified", e.notified()).put("cause", e.cause()).put("reminder", e.reminder());
        }
        ArrayNode steps = o.putArray("steps");
        for (PostMortem.Step s : pm.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", s.kind().jsonName());
            n.put("owner", s.owner().name());
            n.put("due", s.due().toString());
            time(n, "doneAt", s.doneAt());
            text(n, "doneBy", s.doneBy());
            seconds(n, "lateSeconds", s.late());
        }
        if (pm.responseEffect().isPresent()) {
            PostMortem.ResponseEffect e = pm.responseEffect().get();
            o.putObject("responseEffect").put("sentimentBefore", round(e.sentimentBefore()))
                    .put("sentimentAfter", round(e.sentimentAfter()))
                    .put("negativeShareBefore", round(e.negativeShareBefore()))
                    .put("negativeShareAfter", round(e.negativeShareAfter())).put("mentionsBefore", e.mentionsBefore())
                    .put("mentionsAfter", e.mentionsAfter());
        } else {
            o.putNull("responseEffect");
        }
        ArrayNode trail = o.putArray("trail");
        for (AuditRecord r : pm.trail()) {
            trail.add(record(r));
        }
        return o;
    }

    /** One audit record as JSON: {at, incident, action, actor, reason, details}. */
    public static ObjectNode record(AuditRecord r) {
        ObjectNode n = NODES.objectNode();
        n.put("at", r.at().toString());
        n.put("incident", r.incident().value());
        n.put("action", r.action().jsonName());
        n.put("actor", r.actor());
        n.put("reason", r.reason());
        ObjectNode d = n.putObject("details");
        r.details().forEach(d::put);
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static void time(ObjectNode o, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            o.put(field, t.get().toString());
        } else {
            o.putNull(field);
        }
    }

    private static void text(ObjectNode o, String field, Optional<String> t) {
        if (t.isPresent()) {
            o.put(field, t.get());
        } else {
            o.putNull(field);
        }
    }

    private static void seconds(ObjectNode o, String field, Optional<Duration> d) {
        if (d.isPresent()) {
            o.put(field, d.get().getSeconds());
        } else {
            o.putNull(field);
        }
    }
}
