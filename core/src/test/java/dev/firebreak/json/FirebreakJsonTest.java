package dev.firebreak.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.mention.Visibility;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.ResponsePlan;
import dev.firebreak.plan.StepKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FirebreakJsonTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private final FirebreakJson json = FirebreakJson.withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsTheCliExampleMention() {
        Mention m = json.readMention("{\"id\": \"1234\", \"platform\": \"twitter\", \"text\": \"Where is my parcel?\","
                + " \"createdAt\": \"2024-05-01T10:15:00Z\", \"lang\": \"en\", \"kind\": \"reply\","
                + " \"author\": {\"id\": \"9\", \"handle\": \"jane\", \"name\": \"Jane\", \"followers\": 120,"
                + " \"verified\": false}, \"engagement\": {\"shares\": 3, \"replies\": 1, \"likes\": 10, \"quotes\": 0},"
                + " \"inReplyTo\": \"1200\", \"conversationId\": \"1200\", \"url\": \"https://x.com/jane/status/1234\","
                + " \"rating\": 1, \"brand\": \"acme\", \"ownedAccount\": false}");
        assertEquals(new MentionKey(Platform.TWITTER, "1234"), m.key());
        assertEquals(MentionKind.REPLY, m.kind());
        assertEquals("jane", m.author().handle());
        assertEquals(120, m.author().followers());
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), m.createdAt());
        assertEquals(Optional.of("1200"), m.inReplyTo());
        assertEquals(3, m.engagement().shares());
        assertEquals(OptionalInt.of(1), m.rating());
        assertEquals(Optional.of("acme"), m.brand());
    }

    @Test
    void acceptsNumericIdsAndEpochSecondsAndIgnoresUnknownFields() {
        Mention m = json.readMention("{\"id\": 1790000000000000000123, \"platform\": \"Facebook\", \"text\": \"hi\","
                + " \"createdAt\": 1714558500, \"inReplyTo\": 77, \"whatever\": {\"deep\": [1,2]}, \"lang\": null}");
        assertEquals("1790000000000000000123", m.id());
        assertEquals(Platform.FACEBOOK, m.platform());
        assertEquals(Instant.ofEpochSecond(1714558500), m.createdAt());
        assertEquals(Optional.of("77"), m.inReplyTo());
        assertEquals(Optional.empty(), m.language());
    }

    @Test
    void acceptsFacebookStyleOffsets() {
        Mention m = json.readMention("{\"id\":\"1\",\"platform\":\"facebook\",\"text\":\"\","
                + "\"createdAt\":\"2024-05-01T10:15:00+0000\"}");
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), m.createdAt());
    }

    @Test
    void datesAMentionWithoutCreatedAtWithTheClock() {
        Mention m = json.readMention("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\"}");
        assertEquals(NOW, m.createdAt());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertMessage("{\"platform\":\"twitter\",\"text\":\"x\"}", "missing required field 'id'");
        assertMessage("{\"id\":\"1\",\"text\":\"x\"}", "missing required field 'platform'");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\"}", "missing required field 'text'");
        assertMessage("{\"id\":true,\"platform\":\"twitter\",\"text\":\"x\"}", "field 'id' must be a string or an integer");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":5}", "field 'text' must be a string, got number 5");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"author\":{\"followers\":\"many\"}}",
                "field 'author.followers' must be a whole number");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"author\":{\"followers\":-3}}",
                "field 'author.followers' must be >= 0");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"rating\":6}",
                "field 'rating' must be an integer from 1 to 5");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"createdAt\":\"yesterday\"}",
                "field 'createdAt' must be an ISO-8601 time");
        assertMessage("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"kind\":\"tweet\"}",
                "field 'kind': kind must be one of post, reply");
        assertMessage("{\"id\":\"1\",\"platform\":\"tw itter\",\"text\":\"x\"}", "field 'platform'");
        assertMessage("{\"id\":\"  \",\"platform\":\"twitter\",\"text\":\"x\"}", "field 'id' must not be blank");
        assertMessage("{\"id\":\"1\",", "not valid JSON");
        assertMessage("[1,2]", "expected a JSON object, got an array");
        assertMessage("", "empty input");
    }

    @Test
    void refusesTextAfterTheObjectInsteadOfDroppingIt() {
        String one = "{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\"}";
        assertMessage(one + " junk", "not valid JSON: text after the end of the object");
        assertMessage(one + one.replace("\"1\"", "\"2\""), "not valid JSON: text after the end of the object");
        assertMessage(one + " 5", "not valid JSON");
        assertEquals("1", json.readMention(one + " \t\r").id(), "trailing white space is fine");
    }

    @Test
    void aParseErrorSaysWhereInWordsWithoutTheParsersInternals() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> json.readMention("{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"a\""));
        assertTrue(e.getMessage().contains("expected close marker for Object (start marker at line 1, column 1)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadFeature"), e.getMessage());
    }

    @Test
    void refusesTimesOutsideFourDigitYearsAsABadFieldNotACrash() {
        String base = "{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"createdAt\":";
        assertMessage(base + "9223372036854775807}", "field 'createdAt' must be a time in the years 0001 to 9999");
        assertMessage(base + "-99999999999999}", "field 'createdAt' must be a time in the years 0001 to 9999");
        assertMessage(base + "\"+999999999-12-31T23:59:59Z\"}", "field 'createdAt' must be a time in the years 0001 to 9999");
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), json.readMention(base + "\"9999-12-31T23:59:59Z\"}").createdAt());
        assertEquals(Instant.EPOCH, json.readMention(base + "0}").createdAt());
    }

    private void assertMessage(String line, String expected) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> json.readMention(line));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void refusesDeeplyNestedInputWithAClearError() {
        String deep = "{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"x\",\"extra\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> json.readMention(deep));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Property(tries = 300)
    void mentionsRoundTrip(@ForAll("mentions") Mention mention) {
        assertEquals(mention, json.readMention(json.writeMention(mention)));
    }

    @Provide
    Arbitrary<Mention> mentions() {
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> texts = Arbitraries.strings().all().ofMaxLength(300)
                .filter(s -> s.chars().noneMatch(ch -> Character.isSurrogate((char) ch)));
        Arbitrary<Author> authors = Combinators.combine(ids, Arbitraries.strings().alpha().ofMaxLength(15),
                Arbitraries.longs().between(0, 200_000_000), Arbitraries.of(true, false),
                Arbitraries.strings().alpha().ofMaxLength(10).optional())
                .as((id, handle, followers, verified, name) -> new Author(id, handle, name, followers, verified));
        Arbitrary<Engagement> engagement = Combinators.combine(Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, 1000),
                Arbitraries.longs().between(0, 1000)).as(Engagement::new);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        return Combinators.combine(ids, Arbitraries.of(Platform.TWITTER, Platform.FACEBOOK, Platform.of("trustpilot")),
                Arbitraries.of(MentionKind.class), authors, texts, times, engagement,
                Arbitraries.integers().between(0, 5))
                .as((id, platform, kind, author, text, time, eng, rating) -> {
                    Mention.Builder b = Mention.builder(platform, id).kind(kind).author(author).text(text)
                            .createdAt(time).engagement(eng);
                    if (rating > 0) {
                        b.rating(rating).inReplyTo("r" + rating).conversationId("c" + id).sharedFrom("s" + id)
                                .url("https://example.com/" + id).brand("acme").language("en")
                                .ownedAccount(rating % 2 == 0).visibility(Visibility.values()[rating % 3]);
                    }
                    return b.build();
                });
    }

    @Test
    void classificationRoundTripsWithEvidence() {
        Classification c = new Classification(Language.FRENCH, 0.93, -0.62, Polarity.NEGATIVE, 0.88, true,
                List.of(Category.DELIVERY, Category.of("warranty")),
                List.of(Signal.of("negation", "pas"), Signal.of("all_caps"),
                        Signal.forCategory("category_term", Category.DELIVERY, "livraison")));
        String line = json.writeClassification("42", c);
        assertTrue(line.contains("\"signals\":[\"negation\",\"all_caps\",\"category_term\"]"), line);
        assertTrue(line.contains("\"categories\":[\"delivery\",\"warranty\"]"), line);
        assertEquals(c, json.readClassification(line));
    }

    @Test
    void incidentAndPlanRoundTrip() {
        IncidentId id = new IncidentId("acme-0001");
        Incident incident = new Incident(id, "acme", Topic.hashtag("#BoycottAcme"), Severity.HIGH,
                IncidentState.ESCALATED, true, NOW, NOW.plusSeconds(600), 120, 80, 1_500_000, 0.75, 40,
                List.of("#boycottacme", "refund"), List.of(new MentionKey(Platform.TWITTER, "99")));
        Incident back = json.readIncident(json.writeIncident(incident));
        assertEquals(incident, back);
        assertEquals("hashtag:boycottacme", back.topic().toString());

        ResponsePlan plan = new ResponsePlan(id, Severity.HIGH, List.of(
                PlanStep.open(StepKind.ACKNOWLEDGE, Role.CUSTOMER_SERVICE, NOW.plusSeconds(1800), "Reply personally."),
                PlanStep.open(StepKind.PAUSE_SCHEDULED, Role.COMMUNICATIONS, NOW.plusSeconds(900), "Pause.")
                        .markDone(NOW.plusSeconds(300), "maria")));
        ResponsePlan planBack = json.readPlan(json.writePlan(plan));
        assertEquals(plan, planBack);
        assertFalse(planBack.isComplete());
    }
}
