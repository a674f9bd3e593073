package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrisisContextTest {

    private static final ActiveIncident ACME = ActiveIncident.of(new IncidentId("a-1"), "Acme", Severity.CRITICAL,
            List.of("#AcmeFail", "Grève"), true);
    private static final ActiveIncident NORD = ActiveIncident.of(new IncidentId("n-1"), "nordlys", Severity.LOW,
            List.of(), false);
    private static final CrisisContext CTX = CrisisContext.builder().incident(ACME).incident(NORD).build();

    @Test
    void crisesAreTheCrisisSeverityIncidentsOfTheBrandOrOfEveryBrand() {
        assertEquals(List.of(ACME), CTX.crises(Optional.of("acme")));
        assertEquals(List.of(), CTX.crises(Optional.of("nordlys")));
        assertEquals(List.of(ACME), CTX.crises(Optional.empty()));
    }

    @Test
    void hashtagsAreComparedInTheirNormalForm() {
        assertEquals(Set.of("acmefail", "greve"), ACME.hashtags());
        assertEquals(List.of(ACME), CTX.incidentsWithHashtag("#ACMEFAIL"));
        assertEquals(List.of(ACME), CTX.incidentsWithHashtag("grève"));
        assertEquals(List.of(), CTX.incidentsWithHashtag("other"));
    }

    @Test
    void anEngineIncidentBecomesAnActiveIncidentWithItsHashtags() {
        Incident i = new Incident(new IncidentId("a-2"), "acme", Topic.hashtag("BoycottAcme"), Severity.HIGH,
                IncidentState.RESPONDING, false, Instant.EPOCH, Instant.EPOCH, 10, 5, 1000, 0.9, 4,
                List.of("#acmefail", "refund"), List.of());
        ActiveIncident a = ActiveIncident.of(i, true);
        assertEquals(Set.of("boycottacme", "acmefail"), a.hashtags());
        assertTrue(a.isCrisis());
        assertTrue(a.brandAtFault());
    }

    @Test
    void theNoneContextIsCalm() {
        assertEquals(List.of(), CrisisContext.none().activeIncidents());
        assertEquals(Optional.empty(), CrisisContext.none().hashtagStats("x"));
        assertEquals(List.of(), CrisisContext.none().sentReplies(new IncidentId("x")));
    }

    @Test
    void valuesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new HashtagStats("#", 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new HashtagStats("x", -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new HashtagStats("x", 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ActiveIncident.of(new IncidentId("x"), " ", Severity.LOW, List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new TextSpan(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Finding.of("Bad Rule", FindingSeverity.INFO, "m"));
        assertThrows(IllegalArgumentException.class, () -> Finding.of("ok", FindingSeverity.INFO, " "));
        assertThrows(IllegalArgumentException.class, () -> PlannedPost.of(" ", "a", "t"));
        assertThrows(IllegalArgumentException.class, () -> PlannedPost.of("p", " ", "t"));
        for (String noHandle : new String[] {"twitter:", "twitter:@", "twitter: ", ":acme", "@"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PlannedPost.of("p", noHandle, "t"), noHandle);
            assertTrue(e.getMessage().contains("a handle or 'platform:handle'"), e.getMessage());
        }
        assertEquals("twitter:@acme", PlannedPost.of("p", "twitter:@acme", "t").account());
        assertEquals("acme", PlannedPost.of("p", "acme", "t").account());
        assertThrows(IllegalArgumentException.class, () -> FindingSeverity.fromJson("fatal"));
        assertEquals(FindingSeverity.BLOCK, FindingSeverity.fromJson(" Block "));
    }
}
