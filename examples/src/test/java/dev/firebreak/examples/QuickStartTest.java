package dev.firebreak.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.events.FirebreakEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void quickStartOpensAnIncidentForOneComplaint() {
        List<FirebreakEvent> events = QuickStart.run();
        assertTrue(events.stream().anyMatch(e -> e instanceof FirebreakEvent.IncidentOpened),
                () -> "events: " + events);
    }
}
