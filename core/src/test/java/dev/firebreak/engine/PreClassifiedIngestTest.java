package dev.firebreak.engine;

import static dev.firebreak.engine.Fixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.classify.Classification;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.mention.Mention;
import dev.firebreak.testkit.MarkerClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreClassifiedIngestTest {

    @Test
    void aMentionClassifiedElsewhereGivesTheSameStateAsOneTheEngineClassifies() {
        Fixture.MutableClock c1 = new Fixture.MutableClock(T0);
        Fixture.MutableClock c2 = new Fixture.MutableClock(T0);
        AtomicInteger calls = new AtomicInteger();
        MentionClassifier counting = m -> {
            calls.incrementAndGet();
            throw new IllegalStateException("must not be called");
        };
        CrisisEngine classifying = CrisisEngine.builder().clock(c1).classifier(new MarkerClassifier())
                .brand(Fixture.kestrel()).build();
        CrisisEngine given = CrisisEngine.builder().clock(c2).classifier(counting).brand(Fixture.kestrel()).build();
        MarkerClassifier elsewhere = new MarkerClassifier();
        List<IngestResult.Status> a = new ArrayList<>();
        List<IngestResult.Status> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            c1.advance(Duration.ofMinutes(3));
            c2.advance(Duration.ofMinutes(3));
            Mention m = Fixture.complaint(Integer.toString(i % 30), "author" + i, 100L * i, c1.instant());
            a.add(classifying.ingest(m).status());
            Classification c = elsewhere.classify(m);
            b.add(given.ingest(m, c).status());
        }
        assertEquals(a, b);
        assertEquals(0, calls.get());
        assertEquals(classifying.checkpoint("kestrel"), given.checkpoint("kestrel"));
        assertEquals(1, given.incidents().size());
    }
}
