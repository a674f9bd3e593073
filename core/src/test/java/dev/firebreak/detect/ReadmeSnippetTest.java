package dev.firebreak.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's "Spike detection" snippet, verbatim between the markers, so that it keeps compiling. */
class ReadmeSnippetTest {

    @Test
    void theReadmeSnippetRuns() {
        Instant bucketStart = Instant.parse("2024-03-04T12:00:00Z");
        double mentions = 3;
        // README snippet start
        DetectorConfig config = DetectorConfig.defaults();
        AdaptiveDetector detector = config.newDetector();        // one per series, not thread-safe
        double score = detector.observe(bucketStart, mentions);  // in [0, 1], online
        boolean alert = score >= 0.9;                            // e.g. several times the usual range
        DetectorSnapshot saved = detector.snapshot();            // store it in a journal or state store
        AdaptiveDetector resumed = AdaptiveDetector.restore(config, saved);
        // README snippet end
        assertTrue(score >= 0 && score <= 1);
        assertEquals(false, alert);
        assertEquals(saved, resumed.snapshot());
    }
}
