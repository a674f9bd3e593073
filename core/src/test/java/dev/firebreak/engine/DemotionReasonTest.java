package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static dev.firebreak.engine.Fixture.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reasons of a demotion are true: one level a step, and what the window now assesses, in the rules' words. */
class DemotionReasonTest {

    private final Fixture.MutableClock clock = new Fixture.MutableClock(T0);
    private final Fixture.Recorder events = new Fixture.Recorder();

    private void advanceTo(Instant end, CrisisEngine engine) {
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plusSeconds(60);
            clock.set(next.isAfter(end) ? end : next);
            engine.tick();
        }
    }

    @Test
    void demotionSaysItIsOneLevelAStepAndQuotesTheWindowsAssessmentWithTheSameFigure() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 30; i++) { // 30 negative authors: high (crisis)
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        advanceTo(T0.plus(Duration.ofHours(5)), engine);
        for (int i = 0; i < 3; i++) { // 3 more, 5 hours later: still in the window when the storm has left it
            engine.ingest(complaint("late" + i, "late" + i, 500, clock.instant()));
        }
        advanceTo(T0.plus(Duration.ofHours(11)), engine);

        List<FirebreakEvent.SeverityChanged> downs = events.of(FirebreakEvent.SeverityChanged.class).stream()
                .filter(e -> e.from().isAbove(e.to())).toList();
        assertEquals(2, downs.size(), () -> "demotions: " + downs);
        FirebreakEvent.SeverityChanged first = downs.get(0);
        FirebreakEvent.SeverityChanged second = downs.get(1);
        // the window already assesses low, yet the incident steps one level only: the reason says both
        assertEquals(Severity.HIGH, first.from());
        assertEquals(Severity.MODERATE, first.to());
        assertEquals(List.of("one level a step, after 120 min of calm (assessed below high throughout)",
                "the last 6 hours now assess as low: 3 negative authors, below every threshold"), first.reasons());
        assertEquals(Severity.MODERATE, second.from());
        assertEquals(Severity.LOW, second.to());
        assertEquals(List.of("one level a step, after 120 min of calm (assessed below moderate throughout)",
                "the last 6 hours now assess as low: 3 negative authors, below every threshold"), second.reasons());
        assertEquals(Duration.ofHours(2), Duration.between(first.at(), second.at()));
    }
}
