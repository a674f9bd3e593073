package dev.firebreak.streams;

import dev.firebreak.json.FirebreakJson;
import dev.firebreak.store.BrandChange;
import dev.firebreak.streams.internal.Actions;
import java.time.Instant;

/** Reads actions exactly as the topology does, for the reference engine. */
final class TestActions {

    private TestActions() {
    }

    static BrandChange.Action read(String json, Instant at) {
        return Actions.read(FirebreakJson.create().parseObject(json), at);
    }
}
