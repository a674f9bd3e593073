package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.facebook.internal.GraphValues;
import dev.firebreak.mention.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties of the quirk handling: an id or a time written either way reads the same. */
class GraphValuesPropertyTest {

    private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private final FacebookMapper mapper = FacebookMapper.create();

    @Property(tries = 300, seed = "20240501")
    void anIdWrittenAsANumberMapsLikeTheSameIdAsAString(@ForAll @LongRange(min = 1) long pageId,
            @ForAll @LongRange(min = 0) long authorId, @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds) {
        String asString = "{\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + seconds + ",\"changes\":[{\"field\":"
                + "\"feed\",\"value\":{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"" + pageId + "_7\","
                + "\"from\":{\"id\":\"" + authorId + "\"},\"created_time\":" + seconds + ",\"message\":\"m\"}}]}],"
                + "\"object\":\"page\"}";
        String asNumber = asString.replace("\"id\":\"" + authorId + "\"", "\"id\":" + authorId)
                .replace("\"id\":\"" + pageId + "\"", "\"id\":" + pageId);
        Mention a = mapper.map(asString.getBytes(StandardCharsets.UTF_8)).mentions().get(0);
        Mention b = mapper.map(asNumber.getBytes(StandardCharsets.UTF_8)).mentions().get(0);
        assertEquals(a, b);
        assertEquals(Long.toString(authorId), b.author().id());
        assertEquals(pageId == authorId, b.ownedAccount(), "the entry's Page posting is the brand's own post");
    }

    @Property(tries = 500, seed = "20240501")
    void everyTimestampFormatReadsTheSameInstant(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds) {
        Instant t = Instant.ofEpochSecond(seconds);
        assertEquals(t, GraphValues.parse(GRAPH.format(t)), "2014-09-20T12:59:48+0000");
        assertEquals(t, GraphValues.parse(DateTimeFormatter.ISO_INSTANT.format(t)), "ISO-8601 Z");
        assertEquals(t, GraphValues.parse(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(2)))),
                "ISO-8601 +02:00");
        assertEquals(t, GraphValues.parse(Long.toString(seconds)), "epoch seconds as digits");
        if (seconds * 1000 >= 100_000_000_000L) {
            // digits at or above 10^11 are milliseconds (as seconds they would be after the year 5000)
            assertEquals(t, GraphValues.parse(Long.toString(seconds * 1000)), "epoch milliseconds");
        }
    }
}
