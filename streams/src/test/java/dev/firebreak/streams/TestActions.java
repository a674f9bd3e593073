package dev.firebreak.streams;

import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.store.BrandChange;
import dev.firebreak.streams.internal.Actions;
import java.time.Instant;

/** Reads and applies actions exactly as the topology does, for the reference engine. */
final class TestActions {

    private TestActions() {
    }

    static BrandChange.Action read(String json, Instant at) {
        return Actions.read(FirebreakJson.create().parseObject(json), at);
    }

    static void apply(CrisisEngine engine, BrandChange.Action a) {
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
            default:
                engine.review(a.incident(), a.by());
                break;
        }
    }
}
