package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.mention.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostCheckerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final AccountRegistry REGISTRY = AccountRegistry.builder()
            .add(new OwnedAccount(Platform.TWITTER, "acme", "acme", "alice", Set.of("ben")))
            .add(OwnedAccount.of(Platform.FACEBOOK, "acme", "acme", "carol"))
            .add(OwnedAccount.of(Platform.TWITTER, "nordlys", "nordlys", "kari"))
            .build();
    private static final CrisisContext ACME_CRISIS = CrisisContext.builder()
            .incident(ActiveIncident.of(new IncidentId("acme-1"), "acme", Severity.HIGH, List.of("#AcmeFail"), true))
            .incident(ActiveIncident.of(new IncidentId("nordlys-2"), "nordlys", Severity.MODERATE, List.of("nordlysfeil"),
                    false))
            .hashtagStats(new HashtagStats("bompenger", 200, 0.8))
            .hashtagStats(new HashtagStats("smalltag", 5, 1.0))
            .build();
    private static final PostChecker CHECKER = PostChecker.builder().registry(REGISTRY).crisisContext(ACME_CRISIS)
            .watchHashtags(List.of("#WhyIStayed")).knownHandles(List.of("@unicef")).clock(CLOCK).build();

    private static CheckResult check(PlannedPost p) {
        return CHECKER.check(p);
    }

    private static PlannedPost.Builder post(String account, String text) {
        return PlannedPost.builder("p1", account, text);
    }

    @Test
    void aPlainPostOnTheRightAccountOutsideACrisisIsOk() {
        CheckResult r = check(post("twitter:nordlys", "Nye vintersko i butikkene fra mandag.").poster("kari").build());
        assertTrue(r.ok());
        assertEquals(List.of(), r.findings());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), r.checkedAt());
    }

    @Test
    void warnsAboutSensitiveTopicsWithTheSpanOfTheWord() {
        String text = "Our thoughts are with the victims of the earthquake.";
        CheckResult r = check(post("twitter:nordlys", text).build());
        assertTrue(r.has(PostChecker.SENSITIVE_TOPIC));
        assertTrue(r.ok(), "a sensitive topic is a warning, not a block");
        Finding f = r.findings(PostChecker.SENSITIVE_TOPIC).get(0);
        assertEquals(FindingSeverity.WARNING, f.severity());
        assertTrue(f.message().contains("colleague"), f.message());
        assertTrue(r.findings(PostChecker.SENSITIVE_TOPIC).stream()
                .anyMatch(g -> g.span().orElseThrow().of(text).equals("earthquake")));
    }

    @Test
    void harmlessUsesOfViolentWordsAreNotSensitive() {
        assertFalse(check(post("twitter:nordlys", "Our prices are killing it 🔥 killer deals on grinders").build())
                .has(PostChecker.SENSITIVE_TOPIC));
    }

    @Test
    void blocksAHashtagThatIsPartOfAnActiveIncident() {
        String text = "New arrivals! #acmefail";
        CheckResult r = check(post("twitter:nordlys", text).build());
        Finding f = r.findings(PostChecker.INCIDENT_HASHTAG).get(0);
        assertEquals(FindingSeverity.BLOCK, f.severity());
        assertEquals("#acmefail", f.span().orElseThrow().of(text));
        assertTrue(f.message().contains("acme-1"), f.message());
        assertFalse(r.ok());
        assertTrue(check(post("twitter:nordlys", "Hello").hashtags(List.of("NordlysFeil")).build())
                .has(PostChecker.INCIDENT_HASHTAG), "hashtags attached outside the text count too");
    }

    @Test
    void warnsAboutWatchedAndMostlyNegativeHashtags() {
        assertTrue(check(post("twitter:nordlys", "#whyistayed you had pizza").build()).has(PostChecker.WATCHED_HASHTAG));
        CheckResult neg = check(post("twitter:nordlys", "Kjør innom! #Bompenger").build());
        assertTrue(neg.findings(PostChecker.NEGATIVE_HASHTAG).get(0).message().contains("80% of 200"));
        assertFalse(check(post("twitter:nordlys", "#smalltag").build()).has(PostChecker.NEGATIVE_HASHTAG),
                "too few recent mentions to judge");
    }

    @Test
    void warnsWhenAPersonalMessageIsAboutToGoOutOnABrandAccount() {
        CheckResult r = check(post("twitter:nordlys", "Can't wait to get home and get drunk tonight lol 🍻").build());
        assertTrue(r.has(PostChecker.PERSONAL_MESSAGE));
        assertTrue(r.findings(PostChecker.PERSONAL_MESSAGE).get(0).message().contains("twitter:nordlys"));
        assertFalse(check(post("twitter:nordlys", "Meet Tom, our new barista! He says: \"I love latte art\"").build())
                .has(PostChecker.PERSONAL_MESSAGE));
    }

    @Test
    void blocksAnUnregisteredAccountAndNamesTheLookAlike() {
        CheckResult r = check(post("twitter:acme_deals", "Spring is here").approvedBy("dana").build());
        Finding f = r.findings(PostChecker.UNREGISTERED_ACCOUNT).get(0);
        assertEquals(FindingSeverity.BLOCK, f.severity());
        assertTrue(f.message().contains("@acme"), f.message());
        assertFalse(PostChecker.builder().clock(CLOCK).build().check(post("twitter:anything", "hi").build())
                .has(PostChecker.UNREGISTERED_ACCOUNT), "without a registry the account cannot be judged");
    }

    @Test
    void blocksAPosterWhoIsNeitherOwnerNorDelegate() {
        Finding f = check(post("twitter:nordlys", "Hei").poster("mallory").build())
                .findings(PostChecker.NOT_ACCOUNT_OWNER).get(0);
        assertTrue(f.message().contains("kari"), f.message());
        assertFalse(check(post("twitter:acme", "Hi").poster("Ben").approvedBy("x").build())
                .has(PostChecker.NOT_ACCOUNT_OWNER), "a delegate may post");
    }

    @Test
    void blocksBrokenLinksInTheTextAndAttached() {
        String text = "Read more: htps://nordlys.no/x and https://nordlys.no/ok";
        CheckResult r = check(post("twitter:nordlys", text).links(List.of("http//nordlys.no/y")).build());
        List<Finding> f = r.findings(PostChecker.MALFORMED_LINK);
        assertEquals(2, f.size());
        assertEquals(Optional.empty(), f.get(0).span(), "the attached link is not in the text");
        assertTrue(f.get(0).message().contains("http//nordlys.no/y"));
        assertEquals("htps://nordlys.no/x", f.get(1).span().orElseThrow().of(text));
        assertTrue(check(post("twitter:nordlys", "Our menu: INSERT LINK").build()).has(PostChecker.MALFORMED_LINK));
    }

    @Test
    void warnsAboutUnknownHandlesAndNamesImpostors() {
        CheckResult r = check(post("twitter:nordlys", "Thanks @unicef and @acme_0fficial and @someone").build());
        List<Finding> f = r.findings(PostChecker.UNKNOWN_HANDLE);
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().contains("imitates @acme"), f.get(0).message());
        assertTrue(f.get(1).message().contains("@someone"));
    }

    @Test
    void inACrisisBlocksCheerfulContentAndAnyPostWithoutApproval() {
        CheckResult cheerful = check(post("twitter:acme", "🎉 Flash sale: 40% off!").approvedBy("dana").build());
        assertTrue(cheerful.has(PostChecker.CRISIS_CHEERFUL));
        assertFalse(cheerful.has(PostChecker.CRISIS_APPROVAL));
        CheckResult unapproved = check(post("twitter:acme", "We are working on the payment issue.").build());
        assertEquals(List.of(PostChecker.CRISIS_APPROVAL),
                unapproved.findings().stream().map(Finding::rule).toList());
        assertFalse(unapproved.ok());
        assertTrue(check(post("twitter:acme", "We are working on the payment issue.").approvedBy("dana").build())
                .ok());
    }

    @Test
    void aProblemThatIsNotACrisisDoesNotPauseCheerfulContent() {
        CheckResult r = check(post("twitter:nordlys", "Happy Friday! 20% off all scarves").build());
        assertFalse(r.has(PostChecker.CRISIS_CHEERFUL));
        assertFalse(r.has(PostChecker.CRISIS_APPROVAL));
    }

    @Test
    void thePostsOwnBrandDecidesWhichCrisisApplies() {
        PostChecker noRegistry = PostChecker.builder().crisisContext(ACME_CRISIS).clock(CLOCK).build();
        assertTrue(noRegistry.check(post("twitter:whatever", "Yay party!").build()).has(PostChecker.CRISIS_CHEERFUL),
                "a post of unknown brand is checked against every crisis");
        assertFalse(noRegistry.check(post("twitter:whatever", "Yay party!").brand("nordlys").build())
                .has(PostChecker.CRISIS_CHEERFUL));
    }

    @Test
    void theCrisisContextCanBeGivenPerCheck() {
        PlannedPost p = post("twitter:acme", "Yay!").approvedBy("dana").build();
        assertTrue(CHECKER.check(p).has(PostChecker.CRISIS_CHEERFUL));
        assertTrue(CHECKER.check(p, CrisisContext.none()).ok());
    }

    @Test
    void rulesCanBeDisabledAndTheirSeverityChanged() {
        PostChecker c = CHECKER.toBuilder().disable(PostChecker.CRISIS_APPROVAL)
                .severity(PostChecker.SENSITIVE_TOPIC, FindingSeverity.BLOCK).build();
        CheckResult r = c.check(post("twitter:acme", "Pray for Paris").build());
        assertFalse(r.has(PostChecker.CRISIS_APPROVAL));
        assertEquals(FindingSeverity.BLOCK, r.findings(PostChecker.SENSITIVE_TOPIC).get(0).severity());
        assertFalse(r.ok());
        assertEquals(FindingSeverity.BLOCK, c.severities().get(PostChecker.SENSITIVE_TOPIC));
        assertFalse(c.severities().containsKey(PostChecker.CRISIS_APPROVAL));
        assertTrue(c.toBuilder().enable(PostChecker.CRISIS_APPROVAL).build().check(post("twitter:acme", "x").build())
                .has(PostChecker.CRISIS_APPROVAL));
    }

    @Test
    void unknownRuleIdsAreRefusedWhenBuilding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostChecker.builder().disable("no-such-rule").build());
        assertTrue(e.getMessage().contains("no-such-rule") && e.getMessage().contains(PostChecker.MALFORMED_LINK));
        assertThrows(IllegalArgumentException.class,
                () -> PostChecker.builder().severity("nope", FindingSeverity.INFO).build());
        assertThrows(IllegalArgumentException.class, () -> PostChecker.builder().disable("Bad Id"));
        assertThrows(IllegalArgumentException.class, () -> PostChecker.builder().negativeHashtag(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> PostChecker.builder().negativeHashtag(10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> PostChecker.builder().watchHashtags(List.of("#")));
    }

    @Test
    void customRulesRunWithTheNarrowContextAndTheirConfiguredSeverity() {
        PostRule noCompetitor = PostRule.of("no-competitor", FindingSeverity.WARNING, "names a competitor",
                (p, ctx) -> {
                    int at = p.text().toLowerCase().indexOf("globex");
                    return at < 0 ? List.of() : List.of(ctx.finding("Names a competitor.", at, at + 6));
                });
        PostChecker c = PostChecker.builder().addRule(noCompetitor).severity("no-competitor", FindingSeverity.BLOCK)
                .clock(CLOCK).build();
        CheckResult r = c.check(post("twitter:x", "Better than Globex!").build());
        Finding f = r.findings("no-competitor").get(0);
        assertEquals(FindingSeverity.BLOCK, f.severity());
        assertEquals("Globex", f.span().orElseThrow().of("Better than Globex!"));
        assertEquals("no-competitor", c.rules().get(c.rules().size() - 1).id());
        assertThrows(IllegalArgumentException.class,
                () -> PostChecker.builder().addRule(PostRule.of(PostChecker.MALFORMED_LINK, FindingSeverity.INFO, "dup",
                        (p, ctx) -> List.of())).build());
    }

    @Test
    void aFailingCustomRuleIsReportedAndDoesNotStopTheOthers() {
        PostChecker c = PostChecker.builder().clock(CLOCK)
                .addRule(PostRule.of("broken", FindingSeverity.INFO, "throws", (p, ctx) -> {
                    throw new IllegalStateException("boom");
                }))
                .addRule(PostRule.of("liar", FindingSeverity.INFO, "wrong id",
                        (p, ctx) -> List.of(Finding.of("someone-else", FindingSeverity.BLOCK, "x"))))
                .addRule(PostRule.of("nothing", FindingSeverity.INFO, "null", (p, ctx) -> null))
                .build();
        CheckResult r = c.check(post("twitter:x", "Pray for us, htps://bad").build());
        assertTrue(r.has(PostChecker.SENSITIVE_TOPIC));
        assertTrue(r.has(PostChecker.MALFORMED_LINK));
        for (String id : List.of("broken", "liar", "nothing")) {
            Finding f = r.findings(id).get(0);
            assertEquals(FindingSeverity.WARNING, f.severity(), id);
            assertTrue(f.message().contains("could not run"), f.message());
        }
        assertFalse(r.has("someone-else"));
    }

    @Test
    void findingsComeMostSeriousFirst() {
        CheckResult r = check(post("twitter:acme", "Pray for Paris htps://x.y").build());
        List<FindingSeverity> order = r.findings().stream().map(Finding::severity).toList();
        List<FindingSeverity> sorted = order.stream().sorted((a, b) -> b.compareTo(a)).toList();
        assertEquals(sorted, order);
        assertEquals(FindingSeverity.BLOCK, order.get(0));
    }
}
