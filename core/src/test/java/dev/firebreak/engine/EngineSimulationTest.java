package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.escalation.Transitions;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.testkit.MarkerClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the whole engine on a fake clock: random mention streams (duplicates, replies,
 * shares, owned replies, influencers, time gaps) and random human actions, with invariants checked after
 * every step.
 */
class EngineSimulationTest {

    private static final String[] TEXTS = {"lovely latte ~pos", "is the shop open today", "order late ~neg ~complaint ~cat:delivery",
        "charged twice ~neg ~complaint ~cat:billing", "meh ~neg", "staff were rude ~neg ~complaint ~cat:discrimination",
        "#kestrelfail again ~neg", "cold coffee ~neg ~complaint"};

    @Property(tries = 40, seed = "42")
    void invariantsHoldAfterEveryStep(@ForAll @IntRange(min = 0, max = 1_000_000) int streamSeed) {
        Random rnd = new Random(streamSeed);
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        Fixture.Recorder events = new Fixture.Recorder();
        CrisisEngine engine = Fixture.engine(clock, events).build();
        Set<String> distinct = new HashSet<>();
        List<String> ids = new ArrayList<>();
        Map<IncidentId, IncidentState> states = new HashMap<>();
        Duration calm = SeverityPolicy.defaults().calmPeriod();
        int eventsChecked = 0;
        for (int step = 0; step < 300; step++) {
            int r = rnd.nextInt(100);
            if (r < 70) {
                String id;
                if (!ids.isEmpty() && rnd.nextInt(10) == 0) {
                    id = ids.get(rnd.nextInt(ids.size())); // a duplicate or later copy
                } else {
                    id = "m" + step;
                }
                Mention.Builder b = Mention.builder(Platform.TWITTER, id)
                        .author(Author.of("a" + rnd.nextInt(40), "user" + rnd.nextInt(40),
                                rnd.nextInt(50) == 0 ? 300_000 : rnd.nextInt(2000)))
                        .text(TEXTS[rnd.nextInt(TEXTS.length)]).createdAt(clock.instant()).brand("kestrel");
                boolean owned = false;
                if (!ids.isEmpty() && rnd.nextInt(5) == 0) {
                    b.kind(MentionKind.REPLY).inReplyTo(ids.get(rnd.nextInt(ids.size())));
                    if (rnd.nextInt(3) == 0) {
                        b.author(Author.of("brand-1", "kestrelcoffee", 50_000)).ownedAccount(true);
                        owned = true;
                    }
                }
                Mention m = b.build();
                IngestResult res = engine.ingest(m);
                if (!distinct.contains(id) && res.status() == IngestResult.Status.NEW && !owned) {
                    ids.add(id);
                }
                if (res.status() == IngestResult.Status.NEW && !owned) {
                    assertTrue(distinct.add(id), "a mention counted twice: " + id);
                }
            } else if (r < 85) {
                clock.advance(Duration.ofMinutes(1 + rnd.nextInt(45)));
                engine.tick();
                Instant now = clock.instant();
                for (IncidentDetails d : engine.allDetails()) {
                    Instant next = d.escalation().nextDeadline().orElse(null);
                    assertTrue(next == null || next.isAfter(now) || !Transitions.isOpen(d.incident().state()),
                            "deadline left overdue after tick: " + d.incident().id() + " " + next);
                }
            } else {
                List<Incident> all = engine.incidents();
                if (!all.isEmpty()) {
                    IncidentId id = all.get(rnd.nextInt(all.size())).id();
                    try {
                        switch (rnd.nextInt(4)) {
                            case 0:
                                engine.acknowledge(id, "maria");
                                break;
                            case 1:
                                engine.recordPublicReply(id, "maria");
                                break;
                            case 2:
                                engine.resolve(id, "lead");
                                break;
                            default:
                                engine.review(id, "lead");
                                break;
                        }
                    } catch (dev.firebreak.escalation.IllegalTransitionException expected) {
                        // refused moves are part of the simulation
                    }
                }
            }
            // invariants after every step
            assertEquals(distinct.size(), engine.mentions("kestrel"), "no mention lost or counted twice");
            long inIncidents = 0;
            for (Incident i : engine.incidents()) {
                inIncidents += i.mentions();
            }
            assertTrue(inIncidents <= distinct.size(), "incidents hold at most every mention once");
            synchronized (events.events) {
                for (; eventsChecked < events.events.size(); eventsChecked++) {
                    FirebreakEvent e = events.events.get(eventsChecked);
                    if (e instanceof FirebreakEvent.StateChanged) {
                        FirebreakEvent.StateChanged sc = (FirebreakEvent.StateChanged) e;
                        assertTrue(Transitions.isLegal(sc.from(), sc.to()), "illegal state change " + sc);
                        IncidentState before = states.getOrDefault(sc.incident(), IncidentState.DETECTED);
                        assertEquals(before, sc.from(), "state changes chain for " + sc.incident());
                        states.put(sc.incident(), sc.to());
                    }
                    if (e instanceof FirebreakEvent.SeverityChanged) {
                        FirebreakEvent.SeverityChanged sc = (FirebreakEvent.SeverityChanged) e;
                        if (sc.from().isAbove(sc.to())) {
                            Instant previous = lastChangeBefore(events.events, eventsChecked, sc.incident());
                            assertTrue(previous == null || !sc.at().isBefore(previous.plus(calm)),
                                    "severity dropped before sustained calm: " + sc);
                        }
                    }
                }
            }
        }
    }

    private static Instant lastChangeBefore(List<FirebreakEvent> events, int index, IncidentId id) {
        for (int i = index - 1; i >= 0; i--) {
            FirebreakEvent e = events.get(i);
            if (e instanceof FirebreakEvent.SeverityChanged && ((FirebreakEvent.SeverityChanged) e).incident().equals(id)
                    || e instanceof FirebreakEvent.IncidentOpened
                    && ((FirebreakEvent.IncidentOpened) e).incident().equals(id)) {
                return e.at();
            }
        }
        return null;
    }

    @Test
    void concurrentIngestWhileTicksRunConservesCounts() throws Exception {
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        List<Brand> brands = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            brands.add(Brand.builder("brand" + b).build());
        }
        CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier())
                .brands(brands).build();
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                Random rnd = new Random(thread);
                for (int i = 0; i < perThread; i++) {
                    // ids overlap between threads on purpose: the same mention arrives twice
                    int n = rnd.nextInt(threads * perThread / 2);
                    engine.ingest(Mention.builder(Platform.TWITTER, "m" + n)
                            .author(Author.of("a" + (n % 97), "u" + (n % 97), n % 500))
                            .text(TEXTS[n % TEXTS.length]).createdAt(clock.instant()).brand("brand" + (n % 8))
                            .build());
                }
                return null;
            }));
        }
        Future<?> ticker = pool.submit(() -> {
            start.await();
            for (int i = 0; i < 200; i++) {
                clock.advance(Duration.ofSeconds(30));
                engine.tick();
            }
            return null;
        });
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        ticker.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        EngineStats s = engine.stats();
        assertEquals(threads * perThread, s.ingested());
        assertEquals(s.ingested(), s.taken() + s.updated() + s.duplicates() + s.unmatched() + s.rejected());
        long perBrand = 0;
        for (int b = 0; b < 8; b++) {
            perBrand += engine.mentions("brand" + b);
        }
        assertEquals(s.taken(), perBrand, "every new mention counted once, in its brand");
        Set<Integer> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            Random rnd = new Random(t);
            for (int i = 0; i < perThread; i++) {
                expected.add(rnd.nextInt(threads * perThread / 2));
            }
        }
        assertEquals(expected.size(), s.taken(), "distinct mentions taken exactly once");
    }
}
