package dev.firebreak.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.plan.StepKind;
import dev.firebreak.store.BrandChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BrandChange} as JSON and back, exactly: numbers are written with full precision (a re-applied
 * change must feed the engine the very values it had), mentions in the Mention JSON of {@code CLI.md}.
 * Internal to the journal; thread-safe.
 */
public final class ChangeCodec {

    private final FirebreakJson json = FirebreakJson.create();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The JSON of one change of a brand: {@code {"b": brand, "ch": {...}}}. */
    public ObjectNode toNode(String brand, BrandChange change) {
        ObjectNode o = nodes.objectNode();
        o.put("b", brand);
        o.set("ch", change(change));
        return o;
    }

    /** One line of JSON. */
    public String write(JsonNode node) {
        return json.write(node);
    }

    /** The JSON tree of a change. */
    public ObjectNode change(BrandChange change) {
        ObjectNode o = nodes.objectNode();
        o.put("at", change.at().toString());
        if (change instanceof BrandChange.Ingest) {
            BrandChange.Ingest i = (BrandChange.Ingest) change;
            o.put("k", "ingest");
            o.set("mention", json.mentionToNode(i.mention()));
            o.set("c", classification(i.classification()));
            o.put("owned", i.owned());
        } else if (change instanceof BrandChange.Tick) {
            o.put("k", "tick");
        } else if (change instanceof BrandChange.Action) {
            BrandChange.Action a = (BrandChange.Action) change;
            o.put("k", "action");
            o.put("incident", a.incident().value());
            o.put("action", a.kind().name());
            o.put("by", a.by());
            a.step().ifPresent(st -> o.put("step", st.jsonName()));
            a.atFault().ifPresent(f -> o.put("atFault", f));
        } else if (change instanceof BrandChange.Paused) {
            BrandChange.Paused p = (BrandChange.Paused) change;
            o.put("k", "paused");
            o.put("incident", p.incident().value());
            o.put("complete", p.complete());
            o.set("outcomes", outcomes(p.outcomes()));
        } else if (change instanceof BrandChange.Resumed) {
            BrandChange.Resumed r = (BrandChange.Resumed) change;
            o.put("k", "resumed");
            o.set("outcomes", outcomes(r.outcomes()));
        } else {
            throw new IllegalArgumentException("unknown change " + change.getClass().getName());
        }
        return o;
    }

    private ArrayNode outcomes(List<BrandChange.ControlOutcome> outcomes) {
        ArrayNode a = nodes.arrayNode();
        for (BrandChange.ControlOutcome x : outcomes) {
            ObjectNode n = a.addObject();
            n.put("control", x.control());
            n.put("posts", x.posts());
            ArrayNode f = n.putArray("failures");
            x.failures().forEach(f::add);
        }
        return a;
    }

    private ObjectNode classification(Classification c) {
        ObjectNode o = nodes.objectNode();
        o.put("language", c.language().code());
        o.put("languageConfidence", c.languageConfidence());
        o.put("sentiment", c.sentiment());
        o.put("polarity", c.polarity().jsonName());
        o.put("complaintScore", c.complaintScore());
        o.put("complaint", c.complaint());
        ArrayNode cats = o.putArray("categories");
        c.categories().forEach(x -> cats.add(x.id()));
        ArrayNode signals = o.putArray("signals");
        for (Signal s : c.signals()) {
            ObjectNode n = signals.addObject();
            n.put("name", s.name());
            s.category().ifPresent(x -> n.put("category", x.id()));
            n.put("evidence", s.evidence());
        }
        return o;
    }

    /** The brand of a change node written by {@link #toNode}. */
    public String brand(JsonNode node) {
        return text(node, "b");
    }

    /**
     * Reads a change written by {@link #change}.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public BrandChange read(JsonNode o) {
        try {
            Instant at = Instant.parse(text(o, "at"));
            String kind = text(o, "k");
            switch (kind) {
                case "ingest":
                    return new BrandChange.Ingest(at, json.readMention(o.get("mention")), readClassification(o.get("c")),
                            o.path("owned").asBoolean());
                case "tick":
                    return new BrandChange.Tick(at);
                case "action":
                    return new BrandChange.Action(at, new IncidentId(text(o, "incident")),
                            BrandChange.ActionKind.valueOf(text(o, "action")), text(o, "by"),
                            o.hasNonNull("step") ? Optional.of(StepKind.fromJson(text(o, "step"))) : Optional.empty(),
                            o.hasNonNull("atFault") ? Optional.of(o.get("atFault").asBoolean()) : Optional.empty());
                case "paused":
                    return new BrandChange.Paused(at, new IncidentId(text(o, "incident")), o.path("complete").asBoolean(),
                            readOutcomes(o.path("outcomes")));
                case "resumed":
                    return new BrandChange.Resumed(at, readOutcomes(o.path("outcomes")));
                default:
                    throw new JsonFormatException("unknown change kind '" + kind + "'");
            }
        } catch (JsonFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonFormatException("not a brand change: " + e.getMessage(), e);
        }
    }

    private static List<BrandChange.ControlOutcome> readOutcomes(JsonNode a) {
        List<BrandChange.ControlOutcome> out = new ArrayList<>();
        for (JsonNode n : a) {
            List<String> failures = new ArrayList<>();
            n.path("failures").forEach(f -> failures.add(f.asText()));
            out.add(new BrandChange.ControlOutcome(text(n, "control"), n.path("posts").asInt(), failures));
        }
        return out;
    }

    private static Classification readClassification(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new JsonFormatException("missing classification");
        }
        List<Category> cats = new ArrayList<>();
        o.path("categories").forEach(c -> cats.add(Category.of(c.asText())));
        List<Signal> signals = new ArrayList<>();
        for (JsonNode n : o.path("signals")) {
            signals.add(new Signal(text(n, "name"),
                    n.hasNonNull("category") ? Optional.of(Category.of(n.get("category").asText())) : Optional.empty(),
                    n.path("evidence").asText("")));
        }
        return new Classification(Language.of(text(o, "language")), o.path("languageConfidence").asDouble(),
                o.path("sentiment").asDouble(), Polarity.fromJson(text(o, "polarity")),
                o.path("complaintScore").asDouble(), o.path("complaint").asBoolean(), cats, signals);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        return v.asText();
    }
}
