package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.eval.ConfusionMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsReportTest {

    private static ConfusionMatrix matrix() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("true", "false"));
        for (int i = 0; i < 8; i++) {
            m.add("true", "true");
        }
        for (int i = 0; i < 2; i++) {
            m.add("true", "false");
        }
        for (int i = 0; i < 4; i++) {
            m.add("false", "true");
        }
        for (int i = 0; i < 6; i++) {
            m.add("false", "false");
        }
        return m;
    }

    @Test
    void textShowsEveryMetricAndTheMatrixRowsByTrueLabel() {
        String text = MetricsReport.text(matrix());
        assertTrue(text.matches("(?s)examples +20\\n.*"), text);
        assertTrue(text.matches("(?s).*\\naccuracy +0\\.700\\n.*"), text);
        // true: precision 8/12, recall 8/10, F1 0.727; false: precision 6/8, recall 6/10, F1 0.667
        assertTrue(text.matches("(?s).*\\ntrue\\s+0\\.667\\s+0\\.800\\s+0\\.727\\s+10\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nfalse\\s+0\\.750\\s+0\\.600\\s+0\\.667\\s+10\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nmacro-F1 +0\\.697\\n.*"), text);
        assertTrue(text.matches("(?s).*confusion matrix.*\\ntrue +8 +2\\nfalse +4 +6\\n.*"), text);
    }

    @Test
    void jsonHoldsTheSameNumbers() {
        ObjectNode o = MetricsReport.json(matrix());
        assertEquals(20, o.get("examples").asInt());
        assertEquals(0.7, o.get("accuracy").asDouble(), 1e-9);
        assertEquals(0.6970, o.get("macroF1").asDouble(), 1e-4);
        assertEquals(0.6667, o.get("labels").get("true").get("precision").asDouble(), 1e-4);
        assertEquals(10, o.get("labels").get("false").get("support").asInt());
        assertEquals("[[8,2],[4,6]]", o.get("confusion").get("counts").toString());
        assertEquals("[\"true\",\"false\"]", o.get("confusion").get("labels").toString());
    }
}
