package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static dev.firebreak.engine.Fixture.complaint;
import static dev.firebreak.engine.Fixture.mention;
import static dev.firebreak.engine.Fixture.ownPost;
import static dev.firebreak.engine.Fixture.ownedReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.detect.AlertSignal;
import dev.firebreak.escalation.DeadlineKind;
import dev.firebreak.escalation.EscalationReason;
import dev.firebreak.escalation.IllegalTransitionException;
import dev.firebreak.escalation.Role;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.StepKind;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import dev.firebreak.testkit.MarkerClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrisisEngineTest {

    private final Fixture.MutableClock clock = new Fixture.MutableClock(T0);
    private final Fixture.Recorder events = new Fixture.Recorder();

    private void advance(Duration d, CrisisEngine engine) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plusSeconds(60);
            clock.set(next.isAfter(end) ? end : next);
            engine.tick();
        }
    }

    private Incident only(CrisisEngine engine) {
        List<Incident> all = engine.incidents();
        assertEquals(1, all.size(), () -> "incidents: " + all);
        return all.get(0);
    }

    @Test
    void duplicateMentionCountsOnce() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        Mention m = complaint("1", "ella", 300, T0);
        assertEquals(IngestResult.Status.NEW, engine.ingest(m).status());
        assertEquals(IngestResult.Status.DUPLICATE, engine.ingest(m).status());
        assertEquals(1, engine.mentions("kestrel"));
        assertEquals(1, only(engine).mentions());
        assertEquals(1, engine.stats().duplicates());
    }

    @Test
    void laterCopyUpdatesEngagementWithoutCountingTwice() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        Mention m = complaint("1", "ella", 300, T0);
        engine.ingest(m);
        IngestResult r = engine.ingest(m.toBuilder().engagement(new Engagement(40, 2, 9, 1)).build());
        assertEquals(IngestResult.Status.UPDATED, r.status());
        assertEquals(1, engine.mentions("kestrel"));
        assertEquals(1, only(engine).mentions());
        assertEquals(1, engine.stats().updated());
    }

    @Test
    void singleComplaintAnsweredInTimeStaysAProblem() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("1", "ella", 340, T0));
        Incident opened = only(engine);
        assertEquals(Severity.LOW, opened.severity());
        assertEquals(Topic.category("delivery"), opened.topic());
        advance(Duration.ofMinutes(20), engine);
        engine.ingest(ownedReply("2", "1", clock.instant()));
        advance(Duration.ofHours(3), engine);

        Incident now = only(engine);
        assertFalse(now.isCrisis());
        assertEquals(Severity.LOW, now.severity());
        assertTrue(events.of(FirebreakEvent.Escalated.class).isEmpty(), () -> "escalated: " + events.events);
        assertTrue(events.of(FirebreakEvent.DeadlineMissed.class).isEmpty());
        assertEquals(1, events.of(FirebreakEvent.PublicReplyRecorded.class).size());
        assertTrue(engine.details(now.id()).orElseThrow().plan().step(StepKind.PAUSE_SCHEDULED).isEmpty(),
                "a problem does not pause scheduled content");
        assertTrue(now.state() == IncidentState.RESPONDING || now.state() == IncidentState.MONITORING);
    }

    @Test
    void escalatesToManagerWhenNoReplyWithinDeadline() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("1", "ella", 340, T0));
        advance(Duration.ofMinutes(29), engine);
        assertTrue(events.of(FirebreakEvent.Escalated.class).isEmpty());
        advance(Duration.ofMinutes(2), engine);

        List<FirebreakEvent.Escalated> esc = events.of(FirebreakEvent.Escalated.class);
        assertEquals(1, esc.size());
        assertEquals(Role.MANAGER, esc.get(0).role());
        assertEquals(2, esc.get(0).toLevel());
        assertEquals(EscalationReason.ACK_TIMEOUT, esc.get(0).reason());
        assertEquals(DeadlineKind.ACKNOWLEDGEMENT, events.of(FirebreakEvent.DeadlineMissed.class).get(0).kind());
        assertEquals(IncidentState.ESCALATED, only(engine).state());
    }

    @Test
    void acknowledgementWithoutReplyTimesOutAndReopensEscalation() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("1", "ella", 340, T0));
        IncidentId id = only(engine).id();
        advance(Duration.ofMinutes(10), engine);
        engine.acknowledge(id, "maria");
        assertEquals(IncidentState.ACKNOWLEDGED, only(engine).state());
        advance(Duration.ofMinutes(115), engine); // first response was due at 2 hours

        List<FirebreakEvent.DeadlineMissed> missed = events.of(FirebreakEvent.DeadlineMissed.class);
        assertEquals(DeadlineKind.FIRST_RESPONSE, missed.get(0).kind());
        assertEquals(IncidentState.ESCALATED, only(engine).state());
        assertTrue(engine.details(id).orElseThrow().escalation().acknowledgedBy().isEmpty(),
                "the acknowledgement timed out");
        assertEquals(2, engine.details(id).orElseThrow().escalation().level());
    }

    @Test
    void influencerTurnsProblemIntoCrisis() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 6; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 200 + i, clock.instant()));
            advance(Duration.ofMinutes(3), engine);
        }
        Incident problem = only(engine);
        assertEquals(Severity.MODERATE, problem.severity());
        assertFalse(problem.isCrisis());

        engine.ingest(mention("big", "famouschef", 450_000, "delivery a disgrace again ~neg ~complaint ~cat:delivery",
                clock.instant()).build());

        Incident crisis = only(engine);
        assertEquals(problem.id(), crisis.id());
        assertEquals(Severity.HIGH, crisis.severity());
        IncidentDetails d = engine.details(crisis.id()).orElseThrow();
        assertTrue(d.plan().step(StepKind.PAUSE_SCHEDULED).isPresent());
        assertTrue(d.plan().step(StepKind.HOLDING_STATEMENT).isPresent());
        assertTrue(d.crisisAt().isPresent());
        assertTrue(events.of(FirebreakEvent.Escalated.class).stream()
                .anyMatch(e -> e.reason() == EscalationReason.SEVERITY_INCREASE && e.role().equals(Role.COMMUNICATIONS)));
        assertTrue(events.of(FirebreakEvent.AlertRaised.class).stream()
                .anyMatch(a -> a.alert().signal() == AlertSignal.INFLUENTIAL_AUTHOR
                        && a.alert().incident().equals(java.util.Optional.of(crisis.id()))));
        assertEquals("famouschef", d.influentialAuthors().get(0).handle());
    }

    @Test
    void ownPostBlunderOpensOwnPostIncident() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(ownPost("p1", T0));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(2));
            engine.ingest(mention("r" + i, "angry" + i, 150, "how tone deaf can you be ~neg", clock.instant())
                    .kind(MentionKind.REPLY).inReplyTo("p1").conversationId("p1").build());
        }
        List<FirebreakEvent.AlertRaised> alerts = events.of(FirebreakEvent.AlertRaised.class);
        FirebreakEvent.AlertRaised backlash = alerts.stream()
                .filter(a -> a.alert().signal() == AlertSignal.OWN_POST_BACKLASH).findFirst().orElseThrow();
        assertEquals(Topic.ownPost("p1"), backlash.alert().topic());
        assertEquals(List.of("kestrelcoffee"), backlash.alert().ownedAccounts());
        Incident incident = only(engine);
        assertEquals(Topic.ownPost("p1"), incident.topic());
        assertEquals(12, incident.mentions());
        IncidentDetails d = engine.details(incident.id()).orElseThrow();
        assertTrue(d.plan().step(StepKind.WEIGH_DELETION).isPresent(), "screenshots persist: weigh deletion");
        assertTrue(d.plan().step(StepKind.APOLOGISE).isPresent(), "the brand's own post: it is at fault");
    }

    @Test
    void oneStormIsOneAlert() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        int id = 0;
        // two days of quiet baseline: 2 mentions per 5-minute bucket
        for (int b = 0; b < 576; b++) {
            for (int k = 0; k < 2; k++) {
                engine.ingest(mention("q" + id++, "q" + (id % 50), 100, "nice coffee ~pos", clock.instant()).build());
            }
            advance(Duration.ofMinutes(5), engine);
        }
        int[] storm = {40, 45, 50, 0, 0, 0, 0, 45, 50, 40, 0, 0};
        for (int n : storm) {
            for (int k = 0; k < n; k++) {
                engine.ingest(mention("s" + id++, "s" + id, 100, "where is everyone talking about this",
                        clock.instant()).build());
            }
            advance(Duration.ofMinutes(5), engine);
        }
        long brandSpikes = events.of(FirebreakEvent.AlertRaised.class).stream()
                .filter(a -> a.alert().signal() == AlertSignal.VOLUME_SPIKE && a.alert().topic().equals(Topic.BRAND)
                        && a.alert().platform().isEmpty())
                .count();
        assertEquals(1, brandSpikes, () -> "alerts: " + events.of(FirebreakEvent.AlertRaised.class));
        assertTrue(engine.incidents().isEmpty(), "a positive or neutral spike alerts but opens no incident");
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        List<FirebreakEvent> second = new ArrayList<>();
        CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier())
                .brand(Fixture.kestrel())
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(second::add)
                .build();
        engine.ingest(complaint("1", "ella", 340, T0));
        assertTrue(second.stream().anyMatch(e -> e instanceof FirebreakEvent.IncidentOpened));
        assertEquals(1, engine.incidents().size());
    }

    @Test
    void crisisPausesScheduledContentAndResolveResumes() {
        FakeControl control = new FakeControl(false);
        CrisisEngine engine = Fixture.engine(clock, events).publishingControl("kestrel", control).build();
        for (int i = 0; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        Incident crisis = only(engine);
        assertTrue(crisis.isCrisis());
        assertEquals(1, control.pauses.get());
        FirebreakEvent.PublishingPaused paused = events.of(FirebreakEvent.PublishingPaused.class).get(0);
        assertEquals(2, paused.held());
        assertTrue(paused.isComplete());
        assertTrue(engine.details(crisis.id()).orElseThrow().plan().step(StepKind.PAUSE_SCHEDULED).orElseThrow().isDone());

        engine.resolve(crisis.id(), "lead");
        assertEquals(1, control.resumes.get());
        assertEquals(1, events.of(FirebreakEvent.PublishingResumed.class).size());
        engine.review(crisis.id(), "lead");
        assertEquals(IncidentState.REVIEWED, engine.incident(crisis.id()).orElseThrow().state());
    }

    @Test
    void failingPublishingControlIsReportedNotFatal() {
        FakeControl control = new FakeControl(true);
        CrisisEngine engine = Fixture.engine(clock, events).publishingControl(control).build();
        for (int i = 0; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        Incident crisis = only(engine);
        FirebreakEvent.PublishingPaused paused = events.of(FirebreakEvent.PublishingPaused.class).get(0);
        assertFalse(paused.isComplete());
        assertTrue(paused.failures().get(0).contains("scheduler down"));
        assertFalse(engine.details(crisis.id()).orElseThrow().plan().step(StepKind.PAUSE_SCHEDULED).orElseThrow()
                .isDone(), "the step stays open for a person");
        assertEquals(IngestResult.Status.NEW, engine.ingest(complaint("after", "x", 1, clock.instant())).status());
    }

    @Test
    void illegalTransitionNamesBothStates() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("1", "ella", 340, T0));
        IncidentId id = only(engine).id();
        engine.resolve(id, "lead");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> engine.acknowledge(id, "maria"));
        assertEquals(IncidentState.RESOLVED, e.from());
        assertEquals(IncidentState.ACKNOWLEDGED, e.to());
        assertTrue(e.getMessage().contains("resolved") && e.getMessage().contains("acknowledged"), e.getMessage());
        assertThrows(UnknownIncidentException.class, () -> engine.acknowledge(new IncidentId("kestrel-9999"), "x"));
    }

    @Test
    void repliesJoinTheIncidentOfWhatTheyAnswer() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("1", "ella", 340, T0));
        engine.ingest(mention("2", "friend", 80, "same here, awful", T0.plusSeconds(60)).kind(MentionKind.REPLY)
                .inReplyTo("1").build());
        engine.ingest(mention("3", "sharer", 80, "look at this", T0.plusSeconds(90)).kind(MentionKind.SHARE)
                .sharedFrom("1").build());
        Incident i = only(engine);
        assertEquals(3, i.mentions());
        assertEquals(3, i.uniqueAuthors());
    }

    @Test
    void brandMatchedByHandleAndKeywordAsWholeWords() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        Mention.Builder base = Mention.builder(Platform.TWITTER, "x").author(Author.of("9", "z", 1)).createdAt(T0);
        assertEquals(IngestResult.Status.NEW,
                engine.ingest(base.text("hey @KestrelCoffee where is my latte").build()).status());
        assertEquals(IngestResult.Status.NEW, engine.ingest(Mention.builder(Platform.TWITTER, "y")
                .author(Author.of("9", "z", 1)).createdAt(T0).text("Kestrel Coffee on main street is great").build())
                .status());
        assertEquals(IngestResult.Status.UNMATCHED, engine.ingest(Mention.builder(Platform.TWITTER, "z")
                .author(Author.of("9", "z", 1)).createdAt(T0).text("#kestrelcoffeefail nothing to see").build())
                .status());
        assertEquals(2, engine.mentions("kestrel"));
    }

    @Test
    void classifierFailureGoesToDeadLetter() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        IngestResult r = engine.ingest(mention("1", "ella", 1, "~boom", T0).build());
        assertEquals(IngestResult.Status.REJECTED, r.status());
        assertTrue(r.reason().orElseThrow().contains("classifier exploded"));
        assertEquals(1, events.of(FirebreakEvent.MentionRejected.class).size());
        assertEquals(0, engine.mentions("kestrel"));
        assertEquals(IngestResult.Status.NEW, engine.ingest(complaint("2", "ella", 1, T0)).status());
    }

    @Test
    void demotionNeedsSustainedCalm() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        Incident crisis = only(engine);
        assertEquals(Severity.HIGH, crisis.severity());
        advance(Duration.ofHours(6).plusMinutes(5), engine); // the storm leaves the 6-hour window
        assertEquals(Severity.HIGH, only(engine).severity(), "not yet: calm must last 2 hours");
        advance(Duration.ofHours(2), engine);
        assertEquals(Severity.MODERATE, only(engine).severity());
        List<FirebreakEvent.SeverityChanged> changes = events.of(FirebreakEvent.SeverityChanged.class);
        FirebreakEvent.SeverityChanged down = changes.get(changes.size() - 1);
        assertTrue(Duration.between(T0, down.at()).compareTo(Duration.ofHours(8)) >= 0);
        IncidentDetails d = engine.details(crisis.id()).orElseThrow();
        assertEquals(Severity.HIGH, d.highestSeverity());
        assertTrue(d.plan().step(StepKind.PAUSE_SCHEDULED).isEmpty() || d.plan().step(StepKind.PAUSE_SCHEDULED)
                .get().isDone());
    }

    @Test
    void planKeepsDoneStepsWhenSeverityChanges() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(complaint("c0", "user0", 200, clock.instant()));
        IncidentId id = only(engine).id();
        engine.completeStep(id, StepKind.ACKNOWLEDGE, "maria");
        for (int i = 1; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 200, clock.instant()));
        }
        IncidentDetails d = engine.details(id).orElseThrow();
        assertTrue(d.incident().isCrisis());
        assertTrue(d.plan().step(StepKind.ACKNOWLEDGE).orElseThrow().isDone());
        assertEquals("maria", d.plan().step(StepKind.ACKNOWLEDGE).orElseThrow().doneBy().orElseThrow());
        assertTrue(d.plan().step(StepKind.OFFICIAL_STATEMENT).isPresent());
        assertThrows(IllegalArgumentException.class, () -> engine.completeStep(id, StepKind.POST_MORTEM, ""));
    }

    @Test
    void oneStarRunRaisesAlert() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(3));
            engine.ingest(Mention.builder(Platform.REVIEWS, "rv" + i).author(Author.of("a" + i, "a" + i, 10))
                    .kind(MentionKind.REVIEW).rating(1).text("uninstalled ~neg").createdAt(clock.instant())
                    .brand("kestrel").build());
        }
        assertEquals(1, events.of(FirebreakEvent.AlertRaised.class).stream()
                .filter(a -> a.alert().signal() == AlertSignal.ONE_STAR_RUN).count());
    }

    @Test
    void viralSharesRaiseAlert() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        Mention post = mention("v1", "critic", 2000, "this chain is a joke ~neg", T0).build();
        engine.ingest(post);
        clock.advance(Duration.ofMinutes(30));
        engine.ingest(Fixture.shared(post, 400));
        assertTrue(events.of(FirebreakEvent.AlertRaised.class).stream()
                .anyMatch(a -> a.alert().signal() == AlertSignal.VIRALITY && a.alert().observed() >= 200));
    }

    @Test
    void brandStateRoundTripsThroughJson() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(ownPost("p1", T0));
        for (int i = 0; i < 8; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 200 + i, clock.instant()));
            advance(Duration.ofMinutes(4), engine);
        }
        String json = engine.checkpoint("kestrel");
        BrandStateCodec codec = BrandStateCodec.create();
        BrandState back = codec.decode(json, dev.firebreak.escalation.EscalationPolicy.defaults());
        assertEquals(json, codec.encode(back));
        assertEquals(1, back.incidentIds().size());
    }

    /** A publishing control with two scheduled posts; optionally broken. */
    static final class FakeControl implements PublishingControl {
        final boolean broken;
        final AtomicInteger pauses = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final List<ScheduledPost> posts = List.of(new ScheduledPost("s1", "kestrelcoffee", T0.plusSeconds(7200),
                "Pumpkin season is here!"), new ScheduledPost("s2", "kestrelcoffee", T0.plusSeconds(9000), "Win a mug"));

        FakeControl(boolean broken) {
            this.broken = broken;
        }

        @Override
        public String name() {
            return "fake scheduler";
        }

        @Override
        public List<ScheduledPost> scheduled() {
            return posts;
        }

        @Override
        public List<ScheduledPost> held() {
            return List.of();
        }

        @Override
        public PauseReport pause(String reason) {
            pauses.incrementAndGet();
            if (broken) {
                throw new IllegalStateException("scheduler down");
            }
            return new PauseReport(posts, List.of());
        }

        @Override
        public PauseReport resume() {
            resumes.incrementAndGet();
            return new PauseReport(posts, List.of());
        }
    }
}
