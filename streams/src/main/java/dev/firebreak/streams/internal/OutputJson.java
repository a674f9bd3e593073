package dev.firebreak.streams.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.BrandStateCodec;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.escalation.Contact;
import dev.firebreak.escalation.EscalationRecord;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.StepKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the topology's output records: engine events, incident summaries and dead letters (the formats
 * are documented in the package of {@link dev.firebreak.streams.FirebreakTopology}). Thread-safe.
 */
public final class OutputJson {

    private final FirebreakJson json = FirebreakJson.create();
    private final BrandStateCodec codec = BrandStateCodec.create();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The {@code type} of an event in JSON. */
    public static String type(FirebreakEvent e) {
        if (e instanceof FirebreakEvent.IncidentOpened) {
            return "incident_opened";
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            return "severity_changed";
        } else if (e instanceof FirebreakEvent.WatchChanged) {
            return "watch_changed";
        } else if (e instanceof FirebreakEvent.AlertRaised) {
            return "alert_raised";
        } else if (e instanceof FirebreakEvent.Escalated) {
            return "escalated";
        } else if (e instanceof FirebreakEvent.DeadlineMissed) {
            return "deadline_missed";
        } else if (e instanceof FirebreakEvent.EscalationExhausted) {
            return "escalation_exhausted";
        } else if (e instanceof FirebreakEvent.Acknowledged) {
            return "acknowledged";
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            return "public_reply_recorded";
        } else if (e instanceof FirebreakEvent.StateChanged) {
            return "state_changed";
        } else if (e instanceof FirebreakEvent.PlanUpdated) {
            return "plan_updated";
        } else if (e instanceof FirebreakEvent.StepCompleted) {
            return "step_completed";
        } else if (e instanceof FirebreakEvent.PublishingPaused) {
            return "publishing_paused";
        } else if (e instanceof FirebreakEvent.PublishingResumed) {
            return "publishing_resumed";
        } else if (e instanceof FirebreakEvent.IncidentsMerged) {
            return "incidents_merged";
        } else if (e instanceof FirebreakEvent.MentionRejected) {
            return "mention_rejected";
        }
        throw new IllegalArgumentException("unknown event " + e.getClass().getName());
    }

    /** The incident an event is about, if one. */
    public static Optional<IncidentId> incident(FirebreakEvent e) {
        if (e instanceof FirebreakEvent.IncidentOpened) {
            return Optional.of(((FirebreakEvent.IncidentOpened) e).incident());
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            return Optional.of(((FirebreakEvent.SeverityChanged) e).incident());
        } else if (e instanceof FirebreakEvent.WatchChanged) {
            return Optional.of(((FirebreakEvent.WatchChanged) e).incident());
        } else if (e instanceof FirebreakEvent.AlertRaised) {
            return ((FirebreakEvent.AlertRaised) e).alert().incident();
        } else if (e instanceof FirebreakEvent.Escalated) {
            return Optional.of(((FirebreakEvent.Escalated) e).incident());
        } else if (e instanceof FirebreakEvent.DeadlineMissed) {
            return Optional.of(((FirebreakEvent.DeadlineMissed) e).incident());
        } else if (e instanceof FirebreakEvent.EscalationExhausted) {
            return Optional.of(((FirebreakEvent.EscalationExhausted) e).incident());
        } else if (e instanceof FirebreakEvent.Acknowledged) {
            return Optional.of(((FirebreakEvent.Acknowledged) e).incident());
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            return Optional.of(((FirebreakEvent.PublicReplyRecorded) e).incident());
        } else if (e instanceof FirebreakEvent.StateChanged) {
            return Optional.of(((FirebreakEvent.StateChanged) e).incident());
        } else if (e instanceof FirebreakEvent.PlanUpdated) {
            return Optional.of(((FirebreakEvent.PlanUpdated) e).incident());
        } else if (e instanceof FirebreakEvent.StepCompleted) {
            return Optional.of(((FirebreakEvent.StepCompleted) e).incident());
        } else if (e instanceof FirebreakEvent.PublishingPaused) {
            return Optional.of(((FirebreakEvent.PublishingPaused) e).incident());
        } else if (e instanceof FirebreakEvent.IncidentsMerged) {
            return Optional.of(((FirebreakEvent.IncidentsMerged) e).survivor());
        }
        return Optional.empty();
    }

    /** Whether an event belongs on the escalations topic: a move on the ladder or what stops its clocks. */
    public static boolean isEscalation(FirebreakEvent e) {
        return e instanceof FirebreakEvent.Escalated || e instanceof FirebreakEvent.DeadlineMissed
                || e instanceof FirebreakEvent.EscalationExhausted || e instanceof FirebreakEvent.Acknowledged
                || e instanceof FirebreakEvent.PublicReplyRecorded;
    }

    /** An event as a JSON object: {@code type}, {@code at}, {@code brand}, {@code incident} and its fields. */
    public ObjectNode event(FirebreakEvent e) {
        ObjectNode o = nodes.objectNode();
        o.put("type", type(e));
        o.put("at", e.at().toString());
        o.put("brand", e.brand());
        incident(e).ifPresent(id -> o.put("incident", id.value()));
        if (e instanceof FirebreakEvent.IncidentOpened) {
            FirebreakEvent.IncidentOpened x = (FirebreakEvent.IncidentOpened) e;
            o.put("topic", x.topic().toString());
            o.put("severity", x.severity().jsonName());
            o.put("reason", x.reason());
            o.set("snapshot", json.incidentToNode(x.snapshot()));
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            FirebreakEvent.SeverityChanged x = (FirebreakEvent.SeverityChanged) e;
            o.put("from", x.from().jsonName());
            o.put("to", x.to().jsonName());
            o.put("watch", x.watch());
            o.put("becameCrisis", x.becameCrisis());
            strings(o.putArray("reasons"), x.reasons());
        } else if (e instanceof FirebreakEvent.WatchChanged) {
            FirebreakEvent.WatchChanged x = (FirebreakEvent.WatchChanged) e;
            o.put("watch", x.watch());
            o.put("reason", x.reason());
        } else if (e instanceof FirebreakEvent.AlertRaised) {
            o.set("alert", codec.alertToNode(((FirebreakEvent.AlertRaised) e).alert()));
        } else if (e instanceof FirebreakEvent.Escalated) {
            FirebreakEvent.Escalated x = (FirebreakEvent.Escalated) e;
            o.put("fromLevel", x.fromLevel());
            o.put("toLevel", x.toLevel());
            o.put("role", x.role().name());
            o.put("reason", x.reason().jsonName());
            o.put("reminder", x.isReminder());
            ArrayNode contacts = o.putArray("contacts");
            for (Contact c : x.contacts()) {
                contacts.addObject().put("name", c.name()).put("channel", c.channel()).put("address", c.address());
            }
        } else if (e instanceof FirebreakEvent.DeadlineMissed) {
            FirebreakEvent.DeadlineMissed x = (FirebreakEvent.DeadlineMissed) e;
            o.put("kind", x.kind().jsonName());
            o.put("deadline", x.deadline().toString());
            o.put("level", x.level());
            o.put("role", x.role().name());
        } else if (e instanceof FirebreakEvent.EscalationExhausted) {
            FirebreakEvent.EscalationExhausted x = (FirebreakEvent.EscalationExhausted) e;
            o.put("level", x.level());
            o.put("role", x.role().name());
        } else if (e instanceof FirebreakEvent.Acknowledged) {
            FirebreakEvent.Acknowledged x = (FirebreakEvent.Acknowledged) e;
            o.put("by", x.by());
            o.put("level", x.level());
            o.put("role", x.role().name());
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            FirebreakEvent.PublicReplyRecorded x = (FirebreakEvent.PublicReplyRecorded) e;
            o.put("by", x.by());
            x.reply().ifPresent(k -> key(o.putObject("reply"), k));
        } else if (e instanceof FirebreakEvent.StateChanged) {
            FirebreakEvent.StateChanged x = (FirebreakEvent.StateChanged) e;
            o.put("from", x.from().jsonName());
            o.put("to", x.to().jsonName());
            o.put("by", x.by());
        } else if (e instanceof FirebreakEvent.PlanUpdated) {
            FirebreakEvent.PlanUpdated x = (FirebreakEvent.PlanUpdated) e;
            o.set("plan", json.planToNode(x.plan()));
            ArrayNode added = o.putArray("added");
            for (StepKind k : x.added()) {
                added.add(k.jsonName());
            }
        } else if (e instanceof FirebreakEvent.StepCompleted) {
            FirebreakEvent.StepCompleted x = (FirebreakEvent.StepCompleted) e;
            o.put("step", x.step().jsonName());
            o.put("by", x.by());
        } else if (e instanceof FirebreakEvent.PublishingPaused) {
            FirebreakEvent.PublishingPaused x = (FirebreakEvent.PublishingPaused) e;
            o.put("control", x.control());
            o.put("held", x.held());
            strings(o.putArray("failures"), x.failures());
        } else if (e instanceof FirebreakEvent.PublishingResumed) {
            FirebreakEvent.PublishingResumed x = (FirebreakEvent.PublishingResumed) e;
            o.put("control", x.control());
            o.put("released", x.released());
            strings(o.putArray("failures"), x.failures());
        } else if (e instanceof FirebreakEvent.IncidentsMerged) {
            FirebreakEvent.IncidentsMerged x = (FirebreakEvent.IncidentsMerged) e;
            o.put("absorbed", x.absorbed().value());
            o.put("reason", x.reason());
        } else if (e instanceof FirebreakEvent.MentionRejected) {
            FirebreakEvent.MentionRejected x = (FirebreakEvent.MentionRejected) e;
            key(o.putObject("mention"), x.mention());
            o.put("reason", x.reason());
        }
        return o;
    }

    /** The value of an alerts-topic record: the alert itself. */
    public ObjectNode alert(FirebreakEvent.AlertRaised e) {
        return codec.alertToNode(e.alert());
    }

    /**
     * The value of an incidents-topic record: the incident as it is now, what it was, its escalation and its
     * plan, and the events that changed it.
     *
     * @param key the id the record is keyed by (an id merged into another incident shows the survivor)
     * @param changes the types of the events behind this record, in order (empty for a periodic update)
     */
    public ObjectNode incident(IncidentId key, IncidentDetails d, List<String> changes) {
        Incident i = d.incident();
        ObjectNode o = nodes.objectNode();
        o.put("id", i.id().value());
        if (!i.id().equals(key)) {
            o.put("mergedInto", i.id().value());
            o.put("key", key.value());
        }
        o.put("brand", i.brand());
        o.put("topic", i.topic().toString());
        o.put("severity", i.severity().jsonName());
        o.put("highestSeverity", d.highestSeverity().jsonName());
        o.put("crisis", i.isCrisis());
        o.put("everCrisis", d.everCrisis());
        optional(o, "crisisAt", d.crisisAt());
        o.put("watch", i.watch());
        o.put("state", i.state().jsonName());
        o.put("openedAt", i.openedAt().toString());
        o.put("detectedAt", d.detectedAt().toString());
        o.put("updatedAt", i.updatedAt().toString());
        optional(o, "alertAt", d.firstAlertAt());
        o.put("lastMentionAt", d.lastMentionAt().toString());
        o.put("mentions", i.mentions());
        o.put("negativeMentions", d.negativeMentions());
        o.put("uniqueAuthors", i.uniqueAuthors());
        o.put("reach", i.reach());
        o.put("negativeShare", Math.round(i.negativeShare() * 10_000) / 10_000.0);
        o.put("peakRate", i.peakRate());
        o.put("atFault", d.atFault());
        strings(o.putArray("reasons"), d.reasons());
        strings(o.putArray("topTerms"), i.topTerms());
        strings(o.putArray("hashtags"), d.hashtags());
        o.set("escalation", escalation(d.escalation()));
        ArrayNode plan = o.putArray("plan");
        for (PlanStep s : d.plan().steps()) {
            ObjectNode n = plan.addObject();
            n.put("step", s.kind().jsonName());
            n.put("owner", s.owner().name());
            n.put("due", s.due().toString());
            s.doneAt().ifPresent(t -> n.put("doneAt", t.toString()));
            s.doneBy().ifPresent(by -> n.put("doneBy", by));
        }
        ArrayNode merged = o.putArray("mergedFrom");
        d.mergedFrom().forEach(id -> merged.add(id.value()));
        strings(o.putArray("changes"), changes);
        return o;
    }

    private ObjectNode escalation(EscalationStatus st) {
        ObjectNode n = nodes.objectNode();
        n.put("state", st.state().jsonName());
        n.put("level", st.level());
        n.put("role", st.role().name());
        n.put("severity", st.severity().jsonName());
        st.acknowledgedBy().ifPresent(v -> n.put("acknowledgedBy", v));
        optional(n, "acknowledgedAt", st.acknowledgedAt());
        optional(n, "ackDeadline", st.ackDeadline());
        optional(n, "responseDeadline", st.responseDeadline());
        optional(n, "respondedAt", st.respondedAt());
        st.respondedBy().ifPresent(v -> n.put("respondedBy", v));
        n.put("reminders", st.reminders());
        n.put("exhausted", st.exhausted());
        ArrayNode h = n.putArray("history");
        for (EscalationRecord r : st.history()) {
            h.addObject().put("level", r.level()).put("role", r.role().name()).put("reason", r.reason().jsonName())
                    .put("at", r.at().toString());
        }
        return n;
    }

    /** Where a dead letter's record came from. */
    public record Source(String topic, int partition, long offset, long timestamp) {
    }

    /**
     * A dead letter: why, at which stage, where the record came from, and its key and value (as text when they
     * are UTF-8, else base64), the value cut to {@code maxValueBytes}.
     *
     * @param stage {@code read}, {@code classify}, {@code engine} or {@code action}
     * @param brand the brand it was for, if known
     */
    public ObjectNode deadLetter(String reason, String stage, Optional<Source> source, Optional<String> brand,
            byte[] key, byte[] value, int maxValueBytes) {
        ObjectNode o = nodes.objectNode();
        o.put("reason", reason);
        o.put("stage", stage);
        brand.ifPresent(b -> o.put("brand", b));
        source.ifPresent(s -> {
            ObjectNode n = o.putObject("source");
            n.put("topic", s.topic());
            n.put("partition", s.partition());
            n.put("offset", s.offset());
            if (s.timestamp() >= 0) {
                n.put("timestamp", Instant.ofEpochMilli(s.timestamp()).toString());
            }
        });
        if (key != null) {
            bytes(o, "key", key, Integer.MAX_VALUE);
        }
        if (value == null) {
            o.putNull("value");
            o.put("valueBytes", 0);
        } else {
            bytes(o, "value", value, maxValueBytes);
            o.put("valueBytes", value.length);
            o.put("truncated", value.length > maxValueBytes);
        }
        return o;
    }

    private static void bytes(ObjectNode o, String field, byte[] b, int max) {
        byte[] kept = b.length <= max ? b : java.util.Arrays.copyOf(b, max);
        String text = Utf8.decode(kept, b.length > max);
        if (text != null) {
            o.put(field, text);
        } else {
            o.put(field + "Base64", Base64.getEncoder().encodeToString(kept));
        }
    }

    /** One line of compact JSON in UTF-8. */
    public byte[] bytes(ObjectNode node) {
        return json.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void optional(ObjectNode o, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            o.put(field, t.get().toString());
        } else {
            o.putNull(field);
        }
    }

    private static void key(ObjectNode o, MentionKey k) {
        o.put("platform", k.platform().name());
        o.put("id", k.id());
    }
}
