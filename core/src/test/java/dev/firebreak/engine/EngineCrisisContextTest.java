package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static dev.firebreak.engine.Fixture.complaint;
import static dev.firebreak.engine.Fixture.mention;
import static dev.firebreak.engine.Fixture.ownPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.check.ActiveIncident;
import dev.firebreak.check.CheckResult;
import dev.firebreak.check.CrisisContext;
import dev.firebreak.check.HashtagStats;
import dev.firebreak.check.PlannedPost;
import dev.firebreak.check.PostChecker;
import dev.firebreak.check.ReplyChecker;
import dev.firebreak.check.ReplyDraft;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.IncidentStore;
import dev.firebreak.store.StoreContext;
import dev.firebreak.store.StoredBrand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine supplies the checks' {@link CrisisContext}: incidents, fault, hashtags, replies sent. */
class EngineCrisisContextTest {

    private final Fixture.MutableClock clock = new Fixture.MutableClock(T0);
    private final Fixture.Recorder events = new Fixture.Recorder();
    private final PostChecker posts = PostChecker.defaults();
    private final ReplyChecker replies = ReplyChecker.defaults();

    private static final String CHEERFUL = "Happy Friday! 2-for-1 lattes all day, come and celebrate with us!";

    private CrisisEngine crisis(CrisisEngine engine) {
        for (int i = 0; i < 30; i++) {
            engine.ingest(complaint("c" + i, "user" + i, 500, clock.instant()));
        }
        return engine;
    }

    private static Mention reply(String id, String inReplyTo, String text, java.time.Instant at) {
        return Mention.builder(Platform.TWITTER, id).author(Author.of("brand-1", "kestrelcoffee", 50_000))
                .text(text).createdAt(at).kind(MentionKind.REPLY).inReplyTo(inReplyTo).brand("kestrel")
                .ownedAccount(true).build();
    }

    @Test
    void calmBrandHasNoActiveIncidentAndCheerfulPostsPass() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(mention("1", "fan", 100, "love the new roast ~pos", T0).build());

        CrisisContext context = engine.crisisContext("kestrel");

        assertEquals(List.of(), context.activeIncidents());
        CheckResult r = posts.check(PlannedPost.builder("p", "twitter:kestrelcoffee", CHEERFUL).brand("kestrel")
                .build(), context);
        assertTrue(r.ok(), () -> "findings: " + r.findings());
    }

    @Test
    void crisisIsActiveWithSeverityAndBlocksCheerfulPosts() {
        CrisisEngine engine = crisis(Fixture.engine(clock, events).build());
        Incident incident = engine.incidents("kestrel").get(0);
        assertTrue(incident.isCrisis());

        CrisisContext context = engine.crisisContext("kestrel");

        List<ActiveIncident> crises = context.crises(Optional.of("kestrel"));
        assertEquals(1, crises.size());
        assertEquals(incident.id(), crises.get(0).id());
        assertEquals(incident.severity(), crises.get(0).severity());
        CheckResult r = posts.check(PlannedPost.builder("p", "twitter:kestrelcoffee", CHEERFUL).brand("kestrel")
                .build(), context);
        assertFalse(r.ok());
        assertTrue(r.has(PostChecker.CRISIS_CHEERFUL), () -> "findings: " + r.findings());
        assertTrue(r.has(PostChecker.CRISIS_APPROVAL), () -> "findings: " + r.findings());
        assertEquals(context.activeIncidents(), engine.crisisContext().activeIncidents(), "one brand: same view");
    }

    @Test
    void faultIsPresumedForFaultCategoriesAndAPersonCanOverrideIt() {
        CrisisEngine engine = crisis(Fixture.engine(clock, events).build());
        IncidentId id = engine.incidents("kestrel").get(0).id();
        ReplyDraft noApology = ReplyDraft.inIncident("r", id,
                "Your order is on its way and will reach you by 6pm today; we will DM you the tracking link.");

        CrisisContext presumed = engine.crisisContext("kestrel");
        assertTrue(presumed.incident(id).orElseThrow().brandAtFault(), "delivery is a fault category");
        assertTrue(replies.check(noApology, presumed).has(ReplyChecker.MISSING_APOLOGY));

        engine.setFault(id, false, "maria");

        CrisisContext notAtFault = engine.crisisContext("kestrel");
        assertFalse(notAtFault.incident(id).orElseThrow().brandAtFault());
        CheckResult r = replies.check(noApology, notAtFault);
        assertFalse(r.has(ReplyChecker.MISSING_APOLOGY), () -> "findings: " + r.findings());
    }

    @Test
    void ownPostIncidentIsPresumedAtFault() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(ownPost("p1", T0));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(2));
            engine.ingest(mention("r" + i, "angry" + i, 150, "how tone deaf can you be ~neg", clock.instant())
                    .kind(MentionKind.REPLY).inReplyTo("p1").conversationId("p1").build());
        }
        ActiveIncident own = engine.crisisContext("kestrel").activeIncidents().stream()
                .filter(i -> i.id().equals(engine.incidents("kestrel").get(0).id())).findFirst().orElseThrow();
        assertEquals(Topic.ownPost("p1"), engine.incident(own.id()).orElseThrow().topic());
        assertTrue(own.brandAtFault());
    }

    @Test
    void repliesOfOwnedAccountsAreRememberedPerIncidentAndCatchACannedDraft() {
        CrisisEngine engine = crisis(Fixture.engine(clock, events).build());
        IncidentId id = engine.incidents("kestrel").get(0).id();
        String template = "So sorry about your order. We are looking into it and will DM you within the hour.";
        clock.advance(Duration.ofMinutes(1));
        engine.ingest(reply("b1", "c1", template, clock.instant()));
        engine.ingest(reply("b2", "c2", template, clock.instant()));
        engine.ingest(reply("b2", "c2", template, clock.instant())); // a duplicate counts once
        engine.ingest(reply("b3", "unknown-post", "Thanks, glad you liked it!", clock.instant())); // no incident

        CrisisContext context = engine.crisisContext("kestrel");

        assertEquals(List.of(template, template), context.sentReplies(id));
        CheckResult r = replies.check(ReplyDraft.inIncident("d", id, template), context);
        assertTrue(r.has(ReplyChecker.CANNED_REPLY), () -> "findings: " + r.findings());
        assertEquals(List.of(), context.sentReplies(new IncidentId("kestrel-9999")));
    }

    @Test
    void hashtagStatsCountRecentMentionsAndTheirNegativeShare() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 25; i++) {
            String text = i < 20 ? "#KestrelFail cold coffee again ~neg" : "#kestrelfail is a joke, I love them ~pos";
            engine.ingest(mention("h" + i, "u" + i, 100, text, clock.instant()).build());
            engine.ingest(mention("h" + i, "u" + i, 100, text, clock.instant()).build()); // duplicate
        }
        engine.ingest(mention("x", "fan", 100, "#kestrelmoments great morning ~pos", clock.instant()).build());

        CrisisContext context = engine.crisisContext("kestrel");

        HashtagStats fail = context.hashtagStats("#kestrelfail").orElseThrow();
        assertEquals(25, fail.mentions());
        assertEquals(0.8, fail.negativeShare(), 1e-9);
        assertEquals(1, context.hashtagStats("kestrelmoments").orElseThrow().mentions());
        CheckResult r = posts.check(PlannedPost.builder("p", "twitter:kestrelcoffee", "Our new menu is out!")
                .hashtags(List.of("kestrelfail")).brand("kestrel").build(), context);
        assertTrue(r.has(PostChecker.NEGATIVE_HASHTAG), () -> "findings: " + r.findings());

        clock.advance(Duration.ofHours(25));
        assertTrue(engine.crisisContext("kestrel").hashtagStats("kestrelfail").isEmpty(), "older than the window");
    }

    @Test
    void aMentionCountsEachOfItsHashtagsOnceAndTheCountsSurviveTheCodec() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        engine.ingest(mention("m1", "u1", 100, "#KestrelFail #refund #kestrelfail again ~neg", clock.instant())
                .build());
        engine.ingest(mention("m2", "u2", 100, "#refund please", clock.instant()).build());

        for (CrisisContext context : List.of(engine.crisisContext("kestrel"), restored(engine))) {
            assertEquals(1, context.hashtagStats("kestrelfail").orElseThrow().mentions());
            assertEquals(1.0, context.hashtagStats("kestrelfail").orElseThrow().negativeShare(), 1e-9);
            assertEquals(2, context.hashtagStats("refund").orElseThrow().mentions());
            assertEquals(0.5, context.hashtagStats("refund").orElseThrow().negativeShare(), 1e-9);
        }
    }

    /** The context of an engine started from {@code engine}'s saved state of kestrel. */
    private CrisisContext restored(CrisisEngine engine) {
        String saved = engine.checkpoint("kestrel");
        CrisisEngine again = Fixture.engine(clock, events).store(new IncidentStore() {
            @Override
            public StoredBrand load(String brand, StoreContext context) {
                return StoredBrand.of(BrandStateCodec.create().decode(saved,
                        dev.firebreak.escalation.EscalationPolicy.defaults()));
            }

            @Override
            public void save(BrandState state, BrandChange change) {
            }
        }).build();
        return again.crisisContext("kestrel");
    }

    @Test
    void hashtagsAndRepliesSentSurviveARestartFromASavedState() {
        CrisisEngine engine = crisis(Fixture.engine(clock, events).build());
        IncidentId id = engine.incidents("kestrel").get(0).id();
        String template = "So sorry about your order. We are looking into it and will DM you within the hour.";
        clock.advance(Duration.ofMinutes(1));
        engine.ingest(reply("b1", "c1", template, clock.instant()));
        for (int i = 0; i < 5; i++) {
            engine.ingest(mention("h" + i, "u" + i, 100, "#KestrelFail again ~neg", clock.instant()).build());
        }
        CrisisContext before = engine.crisisContext("kestrel");
        String saved = engine.checkpoint("kestrel");

        IncidentStore fromCheckpoint = new IncidentStore() {
            @Override
            public StoredBrand load(String brand, StoreContext context) {
                return StoredBrand.of(context.decode(saved));
            }

            @Override
            public void save(BrandState state, BrandChange change) {
            }
        };
        CrisisEngine restarted = Fixture.engine(clock, events).store(fromCheckpoint).build();
        CrisisContext after = restarted.crisisContext("kestrel");

        assertEquals(List.of(template), after.sentReplies(id));
        assertEquals(before.hashtagStats("kestrelfail"), after.hashtagStats("kestrelfail"));
        assertEquals(5, after.hashtagStats("kestrelfail").orElseThrow().mentions());
        assertEquals(saved, restarted.checkpoint("kestrel"), "the restored state encodes as it was saved");
    }

    @Test
    void incidentHashtagsAreCarried() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        for (int i = 0; i < 8; i++) {
            engine.ingest(mention("h" + i, "u" + i, 100, "my order never came #whereismycoffee ~neg ~complaint "
                    + "~cat:delivery", clock.instant()).build());
        }
        CrisisContext context = engine.crisisContext("kestrel");
        assertEquals(1, context.incidentsWithHashtag("#WhereIsMyCoffee").size(), () -> "" + context.activeIncidents());
        CheckResult r = posts.check(PlannedPost.builder("p", "twitter:kestrelcoffee", "Good morning!")
                .hashtags(List.of("whereismycoffee")).brand("kestrel").build(), context);
        assertTrue(r.has(PostChecker.INCIDENT_HASHTAG), () -> "findings: " + r.findings());
    }

    @Test
    void resolvedIncidentsAreNotActive() {
        CrisisEngine engine = crisis(Fixture.engine(clock, events).build());
        IncidentId id = engine.incidents("kestrel").get(0).id();
        engine.resolve(id, "lead");
        assertTrue(engine.crisisContext("kestrel").activeIncidents().isEmpty());
        assertTrue(engine.crisisContext().crises(Optional.empty()).isEmpty());
    }

    @Test
    void aSnapshotDoesNotChangeAfterwards() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        CrisisContext before = engine.crisisContext("kestrel");
        crisis(engine);
        assertTrue(before.activeIncidents().isEmpty());
        assertFalse(engine.crisisContext("kestrel").crises(Optional.empty()).isEmpty(), "a new snapshot sees it");
    }

    @Test
    void unknownBrandIsRefused() {
        CrisisEngine engine = Fixture.engine(clock, events).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.crisisContext("globex"));
        assertTrue(e.getMessage().contains("globex"), e.getMessage());
    }
}
