package dev.firebreak.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextScanTest {

    @Test
    void findsHashtagsInTheirNormalForm() {
        String text = "Join #GrèveGénérale and #WhyIStayed_ now, not a#b, not #123, ＃Fullwidth";
        List<TextScan.Tag> tags = TextScan.hashtags(text);
        assertEquals(List.of("grevegenerale", "whyistayed_", "fullwidth"), tags.stream().map(TextScan.Tag::tag).toList());
        assertEquals("#GrèveGénérale", text.substring(tags.get(0).start(), tags.get(0).end()));
    }

    @Test
    void findsHandlesButNotEmailAddresses() {
        String text = "Thanks @Acme_Help. Write to help@acme.com or @unicef!";
        List<TextScan.Handle> handles = TextScan.handles(text);
        assertEquals(List.of("acme_help", "unicef"), handles.stream().map(TextScan.Handle::handle).toList());
        assertEquals("@Acme_Help", text.substring(handles.get(0).start(), handles.get(0).end()));
    }

    @Test
    void normalisesHashtagsAndHandles() {
        assertEquals("acmefail", TextScan.normaliseTag("##AcmeFail "));
        assertEquals("acme", TextScan.normaliseHandle("@@ACME"));
    }
}
