package dev.firebreak.streams;

import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.store.BrandChange;
import dev.firebreak.streams.internal.Actions;
import dev.firebreak.streams.internal.OutputJson;
import dev.firebreak.streams.internal.TaskClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-JVM engine fed the same records, the way the topology feeds its engines: engine time is the
 * newest event time so far, and every brand is ticked at each multiple of the tick interval before the next
 * input (the brands of one JVM engine are ticked together; the topology ticks each brand on its own, which
 * for brands that are independent gives each brand the same sequence of changes).
 */
final class Reference {

    final CrisisEngine engine;
    final List<FirebreakEvent> events = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    private final TaskClock clock = new TaskClock();
    private final FirebreakJson json = FirebreakJson.create();
    private final long tick;
    private long now = Long.MIN_VALUE;
    private long ticked = Long.MIN_VALUE;

    Reference(List<Brand> brands, long tickMillis) {
        this.tick = tickMillis;
        this.engine = CrisisEngine.builder().clock(clock).classifier(new TestClassifier()).brands(brands)
                .listener(events::add).build();
    }

    void input(Input in) {
        if (in.action()) {
            advance(in.timestamp());
            BrandChange.Action a;
            try {
                a = TestActions.read(in.json(), Instant.ofEpochMilli(now));
            } catch (RuntimeException e) {
                refused.add(e.getMessage());
                return;
            }
            try {
                Actions.apply(engine, a);
            } catch (RuntimeException e) {
                refused.add(e.getMessage());
            }
            return;
        }
        Mention m = json.readMention(in.json());
        advance(m.createdAt().toEpochMilli());
        engine.ingest(m);
    }

    /** Time passes with no input (the topology's idle advance): ticks up to {@code t}. */
    void idleUntil(long t) {
        advance(t);
    }

    private void advance(long t) {
        now = Math.max(now, t);
        long last = Math.floorDiv(now, tick) * tick;
        if (ticked == Long.MIN_VALUE) {
            ticked = last;
        }
        for (long b = ticked + tick; b <= last; b += tick) {
            clock.set(Instant.ofEpochMilli(b));
            engine.tick(Instant.ofEpochMilli(b));
        }
        ticked = Math.max(ticked, last);
        clock.set(Instant.ofEpochMilli(now));
    }

    /** The events of each brand as the events topic writes them, in order. */
    Map<String, List<String>> eventsByBrand() {
        OutputJson out = new OutputJson();
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (FirebreakEvent e : events) {
            m.computeIfAbsent(e.brand(), k -> new ArrayList<>()).add(new String(out.bytes(out.event(e)),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return m;
    }

    List<IncidentDetails> details() {
        return engine.allDetails();
    }
}
