package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand whose saved state is larger than the longest JSON string {@link FirebreakJson} accepts still
 * restarts from its snapshot: the snapshot holds the state as a JSON object, read as a stream, not as one
 * string (earlier versions declared such a journal corrupt and could not restart on it).
 */
class JournalLargeStateTest {

    @TempDir
    Path dir;

    private static CrisisEngine engine(Fixture.MutableClock clock, JournalStore journal) {
        // every complaint names its own category, so each one opens an incident of its own
        return CrisisEngine.builder().clock(clock).brand(Brand.builder("kestrel").build()).store(journal)
                .classifier(m -> new Classification(Language.ENGLISH, 0.9, -0.7, Polarity.NEGATIVE, 0.9, true,
                        List.of(Category.of(m.text().substring(m.text().lastIndexOf(' ') + 1))), List.of()))
                .build();
    }

    @Test
    void aBrandStateBeyondTheJsonStringLimitRestartsFromItsSnapshot() {
        Fixture.MutableClock clock = new Fixture.MutableClock(Fixture.T0);
        String saved;
        int incidents;
        JournalConfig everyTick = JournalConfig.builder().fsync(FsyncPolicy.never()).snapshotEveryRecords(1).build();
        try (JournalStore journal = JournalStore.open(dir, everyTick)) {
            CrisisEngine engine = engine(clock, journal);
            for (int i = 0; engine.checkpoint("kestrel").length() <= FirebreakJson.MAX_STRING_LENGTH; i++) {
                for (int k = 0; k < 100; k++) {
                    int n = i * 100 + k;
                    engine.ingest(Mention.builder(Platform.TWITTER, "m" + n).author(Author.of("a" + n, "user" + n, 500))
                            .createdAt(clock.instant()).text("this is a complaint about c" + n).brand("kestrel")
                            .build());
                }
            }
            engine.tick(clock.instant()); // the snapshot
            saved = engine.checkpoint("kestrel");
            incidents = engine.incidents().size();
        }
        assertTrue(incidents >= 100, "incidents: " + incidents);
        try (JournalStore journal = JournalStore.open(dir, JournalConfig.builder().fsync(FsyncPolicy.never()).build())) {
            CrisisEngine again = engine(clock, journal);
            assertEquals(saved, again.checkpoint("kestrel"));
            assertEquals(incidents, again.incidents().size());
        }
    }
}
