package dev.firebreak.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.classify.eval.LabeledMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevDataTest {

    @Test
    void loadsEveryDataSetWithItsDocumentedSize() {
        DevData.require();
        assertEquals(324, DevData.xlmt("english", "val").size());
        assertEquals(1839, DevData.xlmt("french", "train").size());
        assertEquals(1411, DevData.norec("dev").size());
        assertEquals(1644, DevData.complaints().size());
        List<LabeledMention> chn = DevData.chnSentiCorp();
        assertTrue(chn.size() > 7700, "ChnSentiCorp rows: " + chn.size());
        assertEquals(581, DevData.complaints().stream().filter(l -> l.label().equals("true")).count());
    }
}
