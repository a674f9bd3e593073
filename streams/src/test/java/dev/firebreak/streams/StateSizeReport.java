package dev.firebreak.streams;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.internal.ChangeCodec;
import dev.firebreak.streams.internal.TaskClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what one brand costs in the state stores, for sizing (README, "What to size"): the snapshot of a brand
 * whose dedup memory is full (100,000 mentions, the default capacity), raw and gzipped as the snapshot store keeps
 * it, and the size of one change.
 *
 * <pre>mvn -q -o -pl streams -am test -Dgroups=slow -Dtest=StateSizeReport -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("slow")
class StateSizeReport {

    @Test
    void printsTheSnapshotAndChangeSizesOfABrandAtTheDedupLimit() throws IOException {
        TaskClock clock = new TaskClock();
        MentionClassifier classifier = new TestClassifier();
        CrisisEngine engine = CrisisEngine.builder().clock(clock).classifier(classifier)
                .brand(Brand.builder("kestrel").keywords("kestrel").build()).build();
        Random rnd = new Random(1);
        String[] texts = {"Kestrel oat latte is my favourite, thanks!", "Meeting friends at Kestrel later",
            "Is Kestrel open on Sunday?", "Kestrel app update looks clean", "charged twice at kestrel, refund please"};
        long t = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        ChangeCodec codec = new ChangeCodec();
        long changeBytes = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            t += 1_500;
            clock.set(Instant.ofEpochMilli(t));
            Mention m = Mention.builder(Platform.TWITTER, Long.toString(1_000_000_000L + i))
                    .author(Author.of("a" + rnd.nextInt(50_000), "user" + rnd.nextInt(50_000), rnd.nextInt(3_000)))
                    .text(texts[rnd.nextInt(texts.length)]).createdAt(Instant.ofEpochMilli(t)).brand("kestrel")
                    .engagement(new Engagement(rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(9), 0)).build();
            engine.ingest(m);
            changeBytes += codec.write(codec.change(new BrandChange.Ingest(clock.instant(), m, classifier.classify(m),
                    false))).getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] raw = engine.checkpoint("kestrel").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw);
        }
        System.out.printf(Locale.ROOT, "brand at the dedup limit (%,d mentions over %d h): snapshot %,d bytes of JSON, "
                + "%,d gzipped (%d chunks of 512 KiB); a mention's change %,d bytes on average, a tick's %d%n", n,
                (long) n * 1_500 / 3_600_000, raw.length, gz.size(), (gz.size() + (512 << 10) - 1) / (512 << 10),
                changeBytes / n, codec.write(codec.change(new BrandChange.Tick(clock.instant()))).length());
        assertTrue(gz.size() > 0);
    }
}
