package dev.firebreak.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.plan.StepKind;
import dev.firebreak.store.BrandChange;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** People's actions on incidents as read from the actions topic. */
public final class Actions {

    private Actions() {
    }

    /**
     * Carries out an action with the engine's method of the same name (its refusals, such as an
     * {@code IllegalTransitionException}, reach the caller).
     */
    public static void apply(CrisisEngine engine, BrandChange.Action a) {
        switch (a.kind()) {
            case ACKNOWLEDGE:
                engine.acknowledge(a.incident(), a.by());
                break;
            case PUBLIC_REPLY:
                engine.recordPublicReply(a.incident(), a.by());
                break;
            case COMPLETE_STEP:
                engine.completeStep(a.incident(), a.step().orElseThrow(), a.by());
                break;
            case SET_FAULT:
                engine.setFault(a.incident(), a.atFault().orElseThrow(), a.by());
                break;
            case MONITOR:
                engine.monitor(a.incident(), a.by());
                break;
            case RESOLVE:
                engine.resolve(a.incident(), a.by());
                break;
            case REVIEW:
                engine.review(a.incident(), a.by());
                break;
            default:
                throw new IllegalStateException("unknown action " + a.kind());
        }
    }

    /**
     * Reads {@code {"incident", "action", "by", "step"?, "atFault"?}}.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public static BrandChange.Action read(ObjectNode o, Instant at) {
        String incident = requiredText(o, "incident");
        String action = requiredText(o, "action");
        String by = requiredText(o, "by");
        if (by.isBlank()) {
            throw new JsonFormatException("field 'by' must name who acted");
        }
        BrandChange.ActionKind kind;
        try {
            kind = BrandChange.ActionKind.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'action' must be acknowledge, public_reply, complete_step, set_fault, "
                    + "monitor, resolve or review; got '" + excerpt(action) + "'");
        }
        Optional<StepKind> step = Optional.empty();
        Optional<Boolean> atFault = Optional.empty();
        if (kind == BrandChange.ActionKind.COMPLETE_STEP) {
            try {
                step = Optional.of(StepKind.fromJson(requiredText(o, "step")));
            } catch (JsonFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("field 'step': " + e.getMessage());
            }
        }
        if (kind == BrandChange.ActionKind.SET_FAULT) {
            JsonNode f = o.get("atFault");
            if (f == null || !f.isBoolean()) {
                throw new JsonFormatException("set_fault needs a boolean field 'atFault'");
            }
            atFault = Optional.of(f.booleanValue());
        }
        IncidentId id;
        try {
            id = new IncidentId(incident);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("field 'incident': " + e.getMessage());
        }
        return new BrandChange.Action(at, id, kind, by.strip(), step, atFault);
    }

    private static String requiredText(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new JsonFormatException("missing required field '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + field + "' must be a string, got " + v.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        return v.textValue();
    }

    private static String excerpt(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
