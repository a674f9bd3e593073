package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyCheckerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final IncidentId AT_FAULT = new IncidentId("acme-1");
    private static final IncidentId NOT_AT_FAULT = new IncidentId("acme-2");
    private static final String TEMPLATE = "we're sorry for the trouble with your payment. Our team is working on it "
            + "and we will update you within 24 hours.";
    private static final CrisisContext CONTEXT = CrisisContext.builder()
            .incident(ActiveIncident.of(AT_FAULT, "acme", Severity.HIGH, List.of(), true))
            .incident(ActiveIncident.of(NOT_AT_FAULT, "acme", Severity.MODERATE, List.of(), false))
            .sent(AT_FAULT, List.of("Hi Maria, " + TEMPLATE, "@jon " + TEMPLATE, "Thanks Lee, refunded today."))
            .build();
    private static final ReplyChecker CHECKER = ReplyChecker.builder().crisisContext(CONTEXT).clock(CLOCK).build();

    private static CheckResult check(IncidentId incident, String text) {
        return CHECKER.check(ReplyDraft.inIncident("d1", incident, text));
    }

    @Test
    void aSpecificApologyWithANextStepPasses() {
        CheckResult r = check(AT_FAULT, "We're so sorry, Priya: our checkout broke and that's on us. Your order "
                + "ships tomorrow.");
        assertEquals(List.of(), r.findings());
        assertTrue(r.ok());
    }

    @Test
    void blocksBlamingTechnologyOrOthersInEveryLanguage() {
        for (String text : List.of("Sorry, this was due to a technical glitch at our provider. We'll fix it today.",
                "Désolés, le retard vient du transporteur, pas de nous. Nous vous recontactons demain.",
                "Beklager, forsinkelsen skyldes Posten, ikke oss. Vi sender en ny i dag.",
                "Orsak, forseinkinga kjem av transportselskapet. Vi sender ein ny i dag.",
                "Lo sentimos, el problema es culpa del banco. Te escribimos mañana.")) {
            CheckResult r = check(NOT_AT_FAULT, text);
            assertTrue(r.has(ReplyChecker.BLAME_OTHERS), text);
            assertFalse(r.ok(), text);
        }
    }

    @Test
    void mentioningTechnologyWhileOwningTheProblemIsNotBlame() {
        String text = "Sorry! Our payment system failed, and that's our responsibility. Refunds go out today.";
        assertFalse(check(AT_FAULT, text).has(ReplyChecker.BLAME_OTHERS));
    }

    @Test
    void blocksSelfDisqualificationAndArguing() {
        CheckResult self = check(NOT_AT_FAULT, "Honestly we were idiots here. We'll fix it today.");
        assertTrue(self.has(ReplyChecker.SELF_DISQUALIFICATION));
        String text = "With all due respect, you're wrong: it clearly said so. We'll check today.";
        CheckResult arguing = check(NOT_AT_FAULT, text);
        assertTrue(arguing.has(ReplyChecker.ARGUING));
        assertEquals("you're wrong", arguing.findings(ReplyChecker.ARGUING).stream()
                .map(f -> f.span().orElseThrow().of(text)).filter(s -> s.startsWith("you")).findFirst().orElseThrow());
        assertFalse(check(NOT_AT_FAULT, "You're right, and we're sorry. Fixed today.").has(ReplyChecker.ARGUING));
    }

    @Test
    void warnsAboutCorporateJargon() {
        CheckResult r = check(NOT_AT_FAULT, "We apologize for any inconvenience. Your feedback is important to us.");
        assertTrue(r.has(ReplyChecker.CORPORATE_JARGON));
        assertEquals(FindingSeverity.WARNING, r.findings(ReplyChecker.CORPORATE_JARGON).get(0).severity());
    }

    @Test
    void blocksAMissingApologyOnlyWhenTheIncidentSaysTheBrandIsAtFault() {
        String text = "The charge was reversed, you will see it by Friday.";
        assertTrue(check(AT_FAULT, text).has(ReplyChecker.MISSING_APOLOGY));
        assertFalse(check(NOT_AT_FAULT, text).has(ReplyChecker.MISSING_APOLOGY));
        assertFalse(CHECKER.check(ReplyDraft.of("d", text)).has(ReplyChecker.MISSING_APOLOGY));
        assertFalse(check(new IncidentId("unknown-9"), text).has(ReplyChecker.MISSING_APOLOGY),
                "an incident the context does not know cannot be judged");
        assertTrue(check(AT_FAULT, "It is not our fault. You will see it by Friday.")
                .has(ReplyChecker.MISSING_APOLOGY), "\"not our fault\" is not an apology");
        assertFalse(check(AT_FAULT, "That was our mistake. You will see it by Friday.")
                .has(ReplyChecker.MISSING_APOLOGY), "plainly owning the mistake is one");
    }

    @Test
    void warnsWhenNoNextStepIsGivenInAnIncidentOrAfterAnApology() {
        assertTrue(check(NOT_AT_FAULT, "We understand your frustration.").has(ReplyChecker.NO_NEXT_STEP));
        assertTrue(CHECKER.check(ReplyDraft.of("d", "So sorry about that!")).has(ReplyChecker.NO_NEXT_STEP));
        assertFalse(CHECKER.check(ReplyDraft.of("d", "Thanks for the photo, made our day!"))
                .has(ReplyChecker.NO_NEXT_STEP), "a thank-you outside an incident needs no next step");
        for (String text : List.of("We'll get back to you by 3 pm.", "Je reviens vers vous avant 17 h.",
                "Vi kommer tilbake til deg i løpet av dagen.", "Eg sjekkar og kjem tilbake i morgon.",
                "Te escribimos por mensaje privado antes de las 18:00.")) {
            assertFalse(check(NOT_AT_FAULT, text).has(ReplyChecker.NO_NEXT_STEP), text);
        }
    }

    @Test
    void warnsWhenTheSameTextWasAlreadySentToManyPeopleInTheIncident() {
        CheckResult r = check(AT_FAULT, "@sam " + TEMPLATE);
        Finding f = r.findings(ReplyChecker.CANNED_REPLY).get(0);
        assertTrue(f.message().contains("2 people") && f.message().contains("acme-1"), f.message());
        assertFalse(check(AT_FAULT, "We're sorry, Lena: I've cancelled the second charge, you'll get an email "
                + "within the hour.").has(ReplyChecker.CANNED_REPLY));
        assertFalse(check(NOT_AT_FAULT, "@sam " + TEMPLATE).has(ReplyChecker.CANNED_REPLY),
                "nothing was sent in that incident");
        ReplyChecker strict = CHECKER.toBuilder().cannedReply(0.6, 3).build();
        assertFalse(strict.check(ReplyDraft.inIncident("d", AT_FAULT, "@sam " + TEMPLATE))
                .has(ReplyChecker.CANNED_REPLY), "only two copies were sent");
    }

    @Test
    void theBuilderFailsFastOnBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> ReplyChecker.builder().cannedReply(0, 2));
        assertThrows(IllegalArgumentException.class, () -> ReplyChecker.builder().cannedReply(0.5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplyChecker.builder().disable("blame").build());
        assertTrue(e.getMessage().contains(ReplyChecker.BLAME_OTHERS), e.getMessage());
    }

    @Test
    void customReplyRulesCanReadTheIncident() {
        ReplyRule noPromoInCrisis = ReplyRule.of("no-coupon-in-crisis", FindingSeverity.BLOCK, "no coupons in a crisis",
                (d, ctx) -> d.incidentId().flatMap(ctx.crisis()::incident).filter(ActiveIncident::isCrisis).isPresent()
                        && d.text().toLowerCase().contains("coupon")
                        ? List.of(ctx.finding("No coupons during a crisis.")) : List.of());
        ReplyChecker c = CHECKER.toBuilder().addRule(noPromoInCrisis).build();
        assertTrue(c.check(ReplyDraft.inIncident("d", AT_FAULT, "Sorry! Here is a coupon, valid today."))
                .has("no-coupon-in-crisis"));
        assertFalse(c.check(ReplyDraft.inIncident("d", NOT_AT_FAULT, "Here is a coupon, valid today."))
                .has("no-coupon-in-crisis"));
    }
}
