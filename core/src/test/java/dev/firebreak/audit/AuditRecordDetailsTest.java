package dev.firebreak.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.incident.IncidentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditRecordDetailsTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private static Map<String, String> ordered() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", "acknowledgement");
        m.put("due", "2026-01-01T10:15:00Z");
        m.put("level", "2");
        m.put("a", "first-by-hash-but-last-given");
        return m;
    }

    private static AuditRecord record(Map<String, String> details) {
        return new AuditRecord(AT, new IncidentId("inc-1"), AuditAction.DEADLINE_SET, AuditRecord.ENGINE, "why",
                details);
    }

    @Test
    void detailsKeepTheOrderTheyWereGivenIn() {
        AuditRecord r = record(ordered());
        assertEquals(List.of("kind", "due", "level", "a"), new ArrayList<>(r.details().keySet()));
        assertEquals(List.of("acknowledgement", "2026-01-01T10:15:00Z", "2", "first-by-hash-but-last-given"),
                new ArrayList<>(r.details().values()));
        List<String> seen = new ArrayList<>();
        r.details().forEach((k, v) -> seen.add(k + "=" + v));
        assertEquals(List.of("kind=acknowledgement", "due=2026-01-01T10:15:00Z", "level=2",
                "a=first-by-hash-but-last-given"), seen);
    }

    @Test
    void detailsEqualHashAndPrintAsTheMapTheyWereCopiedFrom() {
        Map<String, String> given = ordered();
        AuditRecord r = record(given);
        assertEquals(given, r.details());
        assertEquals(r.details(), given);
        assertEquals(given.hashCode(), r.details().hashCode());
        assertEquals(given.toString(), r.details().toString());
        assertEquals(record(ordered()), r);
        assertEquals(record(ordered()).hashCode(), r.hashCode());
        assertEquals(record(ordered()).toString(), r.toString());
        Map<String, String> other = ordered();
        other.put("level", "3");
        assertNotEquals(record(other), r);
    }

    @Test
    void detailsAreReadByKey() {
        AuditRecord r = record(ordered());
        assertEquals(Optional.of("acknowledgement"), r.detail("kind"));
        assertEquals(Optional.empty(), r.detail("missing"));
        assertEquals(2, r.number("level", -1));
        assertEquals(Optional.of(Instant.parse("2026-01-01T10:15:00Z")), r.instant("due"));
        assertTrue(r.details().containsKey("due"));
        assertFalse(r.details().containsKey("missing"));
        assertTrue(record(Map.of()).details().isEmpty());
    }

    @Test
    void detailsAreACopyThatCannotBeChanged() {
        Map<String, String> given = ordered();
        AuditRecord r = record(given);
        given.put("level", "9");
        given.remove("kind");
        assertEquals("2", r.details().get("level"));
        assertEquals("acknowledgement", r.details().get("kind"));
        Map<String, String> d = r.details();
        assertThrows(UnsupportedOperationException.class, () -> d.put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> d.remove("kind"));
        assertThrows(UnsupportedOperationException.class, d::clear);
        assertThrows(UnsupportedOperationException.class, () -> d.putAll(Map.of("x", "y")));
        assertThrows(UnsupportedOperationException.class, () -> d.replaceAll((k, v) -> v));
        assertThrows(UnsupportedOperationException.class, () -> d.entrySet().iterator().next().setValue("z"));
        Iterator<String> keys = d.keySet().iterator();
        keys.next();
        assertThrows(UnsupportedOperationException.class, keys::remove);
        assertThrows(UnsupportedOperationException.class, () -> record(Map.of()).details().clear());
        assertEquals(4, d.size());
    }
}
