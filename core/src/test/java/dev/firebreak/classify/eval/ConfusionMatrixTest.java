package dev.firebreak.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void computesPerClassAndMacroMetrics() {
        ConfusionMatrix m = new ConfusionMatrix(Task.POLARITY.labels());
        // 4 negative: 3 right, 1 called neutral; 2 neutral: 1 right, 1 called positive; 2 positive: both right
        m.add("negative", "negative");
        m.add("negative", "negative");
        m.add("negative", "negative");
        m.add("negative", "neutral");
        m.add("neutral", "neutral");
        m.add("neutral", "positive");
        m.add("positive", "positive");
        m.add("positive", "positive");
        assertEquals(8, m.total());
        assertEquals(6.0 / 8, m.accuracy(), 1e-12);
        assertEquals(1.0, m.precision("negative"), 1e-12);
        assertEquals(0.75, m.recall("negative"), 1e-12);
        assertEquals(0.5, m.precision("neutral"), 1e-12);
        assertEquals(2.0 / 3, m.precision("positive"), 1e-12);
        double f1Neg = 2 * 1.0 * 0.75 / 1.75;
        double f1Neu = 0.5;
        double f1Pos = 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0);
        assertEquals((f1Neg + f1Neu + f1Pos) / 3, m.macroF1(), 1e-12);
        assertEquals(4, m.support("negative"));
        assertEquals(1, m.count("neutral", "positive"));
    }

    @Test
    void unknownLabelsAreRejectedByName() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("true", "false"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.add("yes", "true"));
        assertEquals("unknown label 'yes', expected one of [true, false]", e.getMessage());
        assertEquals("true", Task.COMPLAINT.normaliseLabel("1"));
        assertThrows(IllegalArgumentException.class, () -> Task.POLARITY.normaliseLabel("meh"));
    }
}
