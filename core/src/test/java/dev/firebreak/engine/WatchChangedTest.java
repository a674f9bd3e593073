package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static dev.firebreak.engine.Fixture.complaint;
import static dev.firebreak.engine.Fixture.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener is told, with a reason, when an incident gets or loses the watch flag; the audit trail keeps it. */
class WatchChangedTest {

    private final Fixture.MutableClock clock = new Fixture.MutableClock(T0);
    private final Fixture.Recorder events = new Fixture.Recorder();

    private void advanceTo(Instant end, CrisisEngine engine) {
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plusSeconds(60);
            clock.set(next.isAfter(end) ? end : next);
            engine.tick();
        }
    }

    private int indexOf(FirebreakEvent e) {
        synchronized (events.events) {
            return events.events.indexOf(e);
        }
    }

    @Test
    void problemNearingTheLineGetsTheFlagAndLosesItWhenItBecomesACrisis() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 12; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        assertEquals(List.of(), events.of(FirebreakEvent.WatchChanged.class), "12 negative authors: not yet near 25");
        engine.ingest(complaint("c12", "user12", 500, clock.instant()));
        List<FirebreakEvent.WatchChanged> watch = events.of(FirebreakEvent.WatchChanged.class);
        assertEquals(1, watch.size(), () -> "watch events: " + watch);
        FirebreakEvent.WatchChanged on = watch.get(0);
        assertTrue(on.watch());
        assertEquals("13 negative authors, at least 50% of the crisis threshold 25", on.reason());
        IncidentId id = on.incident();
        assertTrue(engine.incidents().get(0).watch());
        assertEquals(Severity.MODERATE, engine.incidents().get(0).severity());

        for (int i = 13; i < 25; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        List<FirebreakEvent.WatchChanged> after = events.of(FirebreakEvent.WatchChanged.class);
        assertEquals(2, after.size(), () -> "watch events: " + after);
        FirebreakEvent.WatchChanged off = after.get(1);
        assertFalse(off.watch());
        assertEquals("now a crisis (high)", off.reason());
        FirebreakEvent.SeverityChanged crisis = events.of(FirebreakEvent.SeverityChanged.class).stream()
                .filter(FirebreakEvent.SeverityChanged::becameCrisis).findFirst().orElseThrow();
        assertTrue(indexOf(crisis) < indexOf(off), "told after the severity change that caused it");
        assertFalse(crisis.watch(), "the severity change says the flag it leaves");
        assertFalse(engine.incidents().get(0).watch());

        List<AuditRecord> trail = engine.auditTrail(id).stream()
                .filter(r -> r.action() == AuditAction.WATCH_CHANGED).toList();
        assertEquals(2, trail.size(), () -> "audit: " + trail);
        assertEquals("true", trail.get(0).details().get("watch"));
        assertEquals("flagged to watch: 13 negative authors, at least 50% of the crisis threshold 25",
                trail.get(0).reason());
        assertEquals("false", trail.get(1).details().get("watch"));
        assertEquals("no longer watched: now a crisis (high)", trail.get(1).reason());
    }

    @Test
    void incidentOpenedByANegativeInfluencerIsFlaggedRightAfterTheOpening() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(mention("i1", "bigvoice", 150_000, "worst service ever ~neg ~complaint ~cat:delivery",
                clock.instant()).build());
        FirebreakEvent.IncidentOpened opened = events.of(FirebreakEvent.IncidentOpened.class).get(0);
        List<FirebreakEvent.WatchChanged> watch = events.of(FirebreakEvent.WatchChanged.class);
        assertEquals(1, watch.size(), () -> "watch events: " + watch);
        assertTrue(watch.get(0).watch());
        assertEquals(opened.incident(), watch.get(0).incident());
        assertEquals("a negative influencer (150000 followers)", watch.get(0).reason());
        assertTrue(indexOf(opened) < indexOf(watch.get(0)));
        assertTrue(opened.snapshot().watch());
    }

    @Test
    void crisisHeldDuringCalmIsNotWatchedAndGetsTheFlagWhenDemotedNearTheLine() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        advanceTo(T0.plus(Duration.ofHours(5)), engine);
        for (int i = 0; i < 13; i++) { // 13 new negative authors: alone, a moderate problem near the line
            engine.ingest(complaint("late" + i, "late" + i, 500, clock.instant()));
        }
        advanceTo(T0.plus(Duration.ofHours(7)), engine); // the storm has left the window; calm not yet long enough
        assertEquals(Severity.HIGH, engine.incidents().get(0).severity());
        assertFalse(engine.incidents().get(0).watch(), "a crisis held by hysteresis is a crisis, not a watched problem");
        int before = events.of(FirebreakEvent.WatchChanged.class).size(); // on and off while the storm grew
        assertEquals(2, before);

        advanceTo(T0.plus(Duration.ofHours(9)), engine);
        FirebreakEvent.SeverityChanged down = events.of(FirebreakEvent.SeverityChanged.class).stream()
                .filter(e -> e.from() == Severity.HIGH && e.to() == Severity.MODERATE).findFirst().orElseThrow();
        List<FirebreakEvent.WatchChanged> all = events.of(FirebreakEvent.WatchChanged.class);
        List<FirebreakEvent.WatchChanged> watch = all.subList(before, all.size());
        assertEquals(1, watch.size(), () -> "watch events: " + all);
        assertTrue(watch.get(0).watch());
        assertTrue(down.watch());
        assertEquals(down.at(), watch.get(0).at());
        assertTrue(indexOf(down) < indexOf(watch.get(0)));
        assertEquals("13 negative authors, at least 50% of the crisis threshold 25", watch.get(0).reason());

        advanceTo(T0.plus(Duration.ofHours(11).plusMinutes(30)), engine); // the 13 leave the window too
        List<FirebreakEvent.WatchChanged> later = events.of(FirebreakEvent.WatchChanged.class);
        assertEquals(before + 2, later.size(), () -> "watch events: " + later);
        FirebreakEvent.WatchChanged off = later.get(later.size() - 1);
        assertFalse(off.watch());
        assertEquals("no negative influencer, no sensitive category, every figure below 50% of its crisis threshold",
                off.reason());
        assertEquals(Severity.MODERATE, engine.incidents().get(0).severity(), "the flag goes before the severity");
        assertFalse(engine.incidents().get(0).watch());
    }
}
