package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.json.JsonFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckJsonTest {

    private final CheckJson json = CheckJson.create();

    @Test
    void readsAPlannedPostWithItsOptionalFields() {
        PlannedPost p = json.readPost("{\"id\":12,\"account\":\"twitter:acme\",\"text\":\"Hi\",\"hashtags\":[\"#a\"],"
                + "\"links\":[\"https://x.y\"],\"poster\":\"alice\",\"approvedBy\":null,\"unknown\":{\"x\":1}}");
        assertEquals("12", p.id());
        assertEquals(List.of("#a"), p.hashtags());
        assertEquals(List.of("https://x.y"), p.links());
        assertEquals(Optional.of("alice"), p.poster());
        assertEquals(Optional.empty(), p.approvedBy());
    }

    @Test
    void readsAReplyDraft() {
        ReplyDraft d = json.readDraft("{\"id\":\"d1\",\"incidentId\":\"acme-1\",\"inReplyTo\":99,\"text\":\"Sorry\"}");
        assertEquals(Optional.of(new IncidentId("acme-1")), d.incidentId());
        assertEquals(Optional.of("99"), d.inReplyTo());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertEquals("missing required field 'account'",
                assertThrows(JsonFormatException.class, () -> json.readPost("{\"id\":\"1\",\"text\":\"x\"}")).getMessage());
        assertEquals("field 'text' must be a string, got number",
                assertThrows(JsonFormatException.class, () -> json.readDraft("{\"id\":\"1\",\"text\":5}")).getMessage());
        assertTrue(assertThrows(JsonFormatException.class,
                () -> json.readPost("{\"id\":\"1\",\"account\":\"a\",\"text\":\"x\",\"hashtags\":\"#a\"}")).getMessage()
                .contains("'hashtags' must be an array"));
        assertTrue(assertThrows(JsonFormatException.class,
                () -> json.readPost("{\"id\":\" \",\"account\":\"a\",\"text\":\"x\"}")).getMessage().contains("blank"));
        assertTrue(assertThrows(JsonFormatException.class, () -> json.readDraft("[1]")).getMessage()
                .contains("JSON object"));
        assertTrue(assertThrows(JsonFormatException.class, () -> json.readDraft("{nope")).getMessage()
                .contains("not valid JSON"));
    }

    @Test
    void writesAResultWithSpansOnlyWhereThereAreSome() {
        CheckResult r = new CheckResult("p1", List.of(
                Finding.at("malformed-link", FindingSeverity.BLOCK, "broken \"link\"", new TextSpan(3, 9)),
                Finding.of("crisis-approval", FindingSeverity.BLOCK, "needs approval")), Instant.EPOCH);
        assertEquals("{\"id\":\"p1\",\"ok\":false,\"findings\":["
                + "{\"rule\":\"crisis-approval\",\"severity\":\"block\",\"message\":\"needs approval\"},"
                + "{\"rule\":\"malformed-link\",\"severity\":\"block\",\"message\":\"broken \\\"link\\\"\","
                + "\"span\":{\"start\":3,\"end\":9}}]}", json.writeResult(r));
        assertEquals("{\"id\":\"p2\",\"ok\":true,\"findings\":[]}",
                json.writeResult(new CheckResult("p2", List.of(), Instant.EPOCH)));
    }

    @Test
    void readsAContextFileIncludingEngineIncidentSnapshots() {
        CheckJson.ContextFile c = json.readContext("{\"incidents\":["
                + "{\"id\":\"a-1\",\"brand\":\"acme\",\"severity\":\"high\",\"hashtags\":[\"#X\"],\"brandAtFault\":true},"
                + "{\"id\":\"a-2\",\"brand\":\"acme\",\"topic\":\"hashtag:boycottacme\",\"severity\":\"low\","
                + "\"state\":\"detected\",\"topTerms\":[\"#acmefail\",\"refund\"]},"
                + "{\"id\":\"a-3\",\"brand\":\"acme\",\"severity\":\"critical\",\"state\":\"resolved\"}],"
                + "\"hashtagStats\":[{\"hashtag\":\"#Bompenger\",\"mentions\":20,\"negativeShare\":0.7}],"
                + "\"sentReplies\":{\"a-1\":[\"one\",\"two\"]},\"watchHashtags\":[\"#metoo\"],\"knownHandles\":[\"@unicef\"]}");
        CrisisContext ctx = c.crisis();
        assertEquals(2, ctx.activeIncidents().size(), "the resolved incident is not active");
        ActiveIncident a1 = ctx.incident(new IncidentId("a-1")).orElseThrow();
        assertEquals(Set.of("x"), a1.hashtags());
        assertTrue(a1.brandAtFault());
        assertEquals(Severity.HIGH, a1.severity());
        assertEquals(Set.of("boycottacme", "acmefail"), ctx.incident(new IncidentId("a-2")).orElseThrow().hashtags());
        assertEquals(0.7, ctx.hashtagStats("bompenger").orElseThrow().negativeShare());
        assertEquals(List.of("one", "two"), ctx.sentReplies(new IncidentId("a-1")));
        assertEquals(Set.of("#metoo"), c.watchHashtags());
        assertEquals(Set.of("@unicef"), c.knownHandles());
    }

    @Test
    void aBadContextSaysWhereTheProblemIs() {
        assertTrue(assertThrows(JsonFormatException.class, () -> json.readContext(
                "{\"incidents\":[{\"id\":\"a\",\"brand\":\"b\",\"severity\":\"huge\"}]}")).getMessage()
                .startsWith("incidents[0]: severity must be"));
        assertTrue(assertThrows(JsonFormatException.class, () -> json.readContext(
                "{\"hashtagStats\":[{\"hashtag\":\"x\",\"mentions\":5,\"negativeShare\":2}]}")).getMessage()
                .startsWith("hashtagStats[0]:"));
        assertTrue(assertThrows(JsonFormatException.class, () -> json.readContext(
                "{\"sentReplies\":{\"a\":\"text\"}}")).getMessage().contains("sentReplies.a"));
    }

    @Test
    void readsARegistryAndRefusesASecondOwnerNamingTheLine() throws IOException {
        String lines = "# our accounts\n"
                + "{\"platform\":\"twitter\",\"handle\":\"@acme\",\"brand\":\"acme\",\"owner\":\"alice\",\"delegates\":[\"ben\"]}\n"
                + "\n{\"brand\":\"nordlys\"}\n";
        AccountRegistry r = json.readRegistry(new BufferedReader(new StringReader(lines)));
        assertEquals(Set.of("ben"), r.find("twitter:acme").get(0).delegates());
        assertEquals(Set.of("acme", "nordlys"), r.brands());
        String conflict = lines + "{\"platform\":\"x\",\"handle\":\"acme\",\"brand\":\"acme\",\"owner\":\"bob\"}\n";
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> json.readRegistry(new BufferedReader(new StringReader(conflict))));
        assertTrue(e.getMessage().startsWith("line 5: account twitter:acme already has an owner"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
