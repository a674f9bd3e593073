package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.detect.Alert;
import dev.firebreak.detect.AlertSignal;
import dev.firebreak.detect.OriginHint;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Alert alertAt(Instant at) {
        return new Alert("kestrel", AlertSignal.VOLUME_SPIKE, Topic.BRAND, Optional.empty(), at, 40, 8, 0.9,
                "volume 40 vs 8 expected", List.of(), List.of(), List.of(), List.of(), List.of(),
                new OriginHint(OriginHint.Origin.UNKNOWN, "not enough evidence"), Optional.empty());
    }

    @Test
    void theFirstAlertIsTheEarliestHeldNotTheFirstAdded() {
        // a merge hands the surviving incident the absorbed one's alerts, which may be older than its own
        IncidentTracker t = new IncidentTracker(new IncidentId("kestrel-0004"), "kestrel", Topic.BRAND, T0, T0);
        t.addAlert(alertAt(T0.plusSeconds(3_600)));
        assertEquals(T0.plusSeconds(3_600), t.firstAlertAt);

        t.addAlert(alertAt(T0.plusSeconds(600)));
        assertEquals(T0.plusSeconds(600), t.firstAlertAt);

        t.addAlert(alertAt(T0.plusSeconds(1_200)));
        assertEquals(T0.plusSeconds(600), t.firstAlertAt);
    }
}
