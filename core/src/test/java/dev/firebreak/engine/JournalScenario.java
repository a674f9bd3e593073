package dev.firebreak.engine;

import dev.firebreak.incident.Incident;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.StepKind;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import dev.firebreak.store.IncidentStore;
import dev.firebreak.testkit.MarkerClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, pre-generated run of engine calls (mentions of every kind, time passing with ticks, people
 * acting on incidents) that can be played on any engine, from any step: the same steps on the same
 * state give the same result, so a run interrupted anywhere and resumed can be compared with a clean one.
 */
final class JournalScenario {

    private static final String[] TEXTS = {"lovely latte ~pos", "is the shop open today",
        "order late ~neg ~complaint ~cat:delivery", "charged twice ~neg ~complaint ~cat:billing", "meh ~neg",
        "staff were rude ~neg ~complaint ~cat:discrimination", "#kestrelfail again ~neg", "cold coffee ~neg ~complaint",
        "card declined twice ~neg ~complaint ~cat:billing #kestrelfail"};
    private static final StepKind[] STEPS = {StepKind.ACKNOWLEDGE, StepKind.PAUSE_SCHEDULED, StepKind.HOLDING_STATEMENT,
        StepKind.NOTIFY_CONTACTS, StepKind.POST_MORTEM};

    /** One engine call. */
    record Step(Duration advance, Mention mention, String action, int incident, String who, StepKind step) {
    }

    final List<Step> steps = new ArrayList<>();

    JournalScenario(long seed, int length) {
        Random rnd = new Random(seed);
        Instant t = Fixture.T0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int r = rnd.nextInt(100);
            if (r < 62) {
                t = t.plusSeconds(rnd.nextInt(90));
                String id = !ids.isEmpty() && rnd.nextInt(12) == 0 ? ids.get(rnd.nextInt(ids.size())) : "m" + i;
                Mention.Builder b = Mention.builder(Platform.TWITTER, id)
                        .author(Author.of("a" + rnd.nextInt(60), "user" + rnd.nextInt(60),
                                rnd.nextInt(40) == 0 ? 300_000 : rnd.nextInt(3000)))
                        .text(TEXTS[rnd.nextInt(TEXTS.length)]).createdAt(t).brand("kestrel")
                        .engagement(new Engagement(rnd.nextInt(5), rnd.nextInt(3), rnd.nextInt(10), 0));
                if (!ids.isEmpty() && rnd.nextInt(5) == 0) {
                    b.kind(MentionKind.REPLY).inReplyTo(ids.get(rnd.nextInt(ids.size())));
                    if (rnd.nextInt(3) == 0) {
                        b.author(Author.of("brand-1", "kestrelcoffee", 50_000)).ownedAccount(true)
                                .text("So sorry, we are on it ~pos");
                    }
                }
                ids.add(id);
                steps.add(new Step(Duration.ZERO, b.build(), null, 0, null, null));
            } else if (r < 85) {
                Duration d = Duration.ofMinutes(1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 240 : 20));
                t = t.plus(d);
                steps.add(new Step(d, null, "tick", 0, null, null));
            } else {
                String[] actions = {"acknowledge", "reply", "step", "fault", "monitor", "resolve"};
                steps.add(new Step(Duration.ZERO, null, actions[rnd.nextInt(actions.length)], rnd.nextInt(4),
                        "person" + rnd.nextInt(3), STEPS[rnd.nextInt(STEPS.length)]));
            }
        }
    }

    /** The clock time of a step, when it runs after the previous ones. */
    static void play(Step s, CrisisEngine engine, Fixture.MutableClock clock) {
        if (s.mention() != null) {
            if (s.mention().createdAt().isAfter(clock.instant())) {
                clock.set(s.mention().createdAt());
            }
            engine.ingest(s.mention());
            return;
        }
        if ("tick".equals(s.action())) {
            clock.advance(s.advance());
            engine.tick(clock.instant());
            return;
        }
        List<Incident> all = engine.incidents();
        if (all.isEmpty()) {
            return;
        }
        Incident target = all.get(s.incident() % all.size());
        try {
            switch (s.action()) {
                case "acknowledge":
                    engine.acknowledge(target.id(), s.who());
                    break;
                case "reply":
                    engine.recordPublicReply(target.id(), s.who());
                    break;
                case "step":
                    engine.completeStep(target.id(), s.step(), s.who());
                    break;
                case "fault":
                    engine.setFault(target.id(), s.incident() % 2 == 0, s.who());
                    break;
                case "monitor":
                    engine.monitor(target.id(), s.who());
                    break;
                default:
                    engine.resolve(target.id(), s.who());
                    break;
            }
        } catch (RuntimeException refused) {
            // an illegal action is refused, as a person would be told; the run goes on
        }
    }

    /**
     * A schedule whose answers depend on nothing but the call: a recovered engine gets a fresh one, and the
     * engine's state must not depend on what an outside system remembered.
     */
    static final class Schedule implements PublishingControl {
        private final List<ScheduledPost> scheduled = new ArrayList<>();
        private final List<ScheduledPost> held = new ArrayList<>();

        Schedule() {
            scheduled.add(new ScheduledPost("s1", "kestrel", Instant.EPOCH, "2-for-1 lattes!"));
            scheduled.add(new ScheduledPost("s2", "kestrel", Instant.EPOCH, "Spring menu"));
        }

        @Override
        public String name() {
            return "test schedule";
        }

        @Override
        public List<ScheduledPost> scheduled() {
            return List.copyOf(scheduled);
        }

        @Override
        public List<ScheduledPost> held() {
            return List.copyOf(held);
        }

        @Override
        public PauseReport pause(String reason) {
            return new PauseReport(scheduled, List.of());
        }

        @Override
        public PauseReport resume() {
            return new PauseReport(scheduled, List.of());
        }
    }

    /** The engine the scenario runs on. */
    static CrisisEngine engine(Fixture.MutableClock clock, IncidentStore store) {
        return CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier()).brand(Fixture.kestrel())
                .publishingControl(new Schedule()).store(store).build();
    }
}
