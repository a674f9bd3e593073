package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.classify.eval.ConfusionMatrix;
import dev.firebreak.classify.eval.Task;
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
        String text = MetricsReport.text(Task.COMPLAINT, matrix(), 3);
        assertTrue(text.startsWith("task complaint: 20 examples (3 lines rejected)\n"), text);
        assertTrue(text.matches("(?s).*\\naccuracy +0\\.7000\\n.*"), text);
        // true: precision 8/12, recall 8/10, F1 0.727; false: precision 6/8, recall 6/10, F1 0.667
        assertTrue(text.matches("(?s).*\\ntrue\\s+0\\.6667\\s+0\\.8000\\s+0\\.7273\\s+10\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nfalse\\s+0\\.7500\\s+0\\.6000\\s+0\\.6667\\s+10\\n.*"), text);
        assertTrue(text.matches("(?s).*\\nmacro-F1 +0\\.6970\\n.*"), text);
        assertTrue(text.matches("(?s).*confusion \\(rows: true, columns: predicted\\)\\n +true +false\\n"
                + "true +8 +2\\nfalse +4 +6\\n"), text);
        assertTrue(MetricsReport.text(Task.COMPLAINT, matrix(), 0).startsWith("task complaint: 20 examples\n"));
    }

    @Test
    void jsonHoldsTheSameNumbers() {
        ObjectNode o = MetricsReport.json(Task.COMPLAINT, matrix(), 3);
        assertEquals("complaint", o.get("task").asText());
        assertEquals(20, o.get("examples").asInt());
        assertEquals(3, o.get("rejected").asInt());
        assertEquals(0.7, o.get("accuracy").asDouble(), 1e-9);
        assertEquals(0.6970, o.get("macroF1").asDouble(), 1e-4);
        assertEquals(0.6667, o.get("classes").get("true").get("precision").asDouble(), 1e-4);
        assertEquals(10, o.get("classes").get("false").get("support").asInt());
        assertEquals("{\"true\":{\"true\":8,\"false\":2},\"false\":{\"true\":4,\"false\":6}}",
                o.get("confusion").toString());
        assertEquals("[\"true\",\"false\"]", o.get("labels").toString());
    }
}
