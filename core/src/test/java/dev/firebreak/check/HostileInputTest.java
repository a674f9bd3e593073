package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.testkit.HostileText;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Any text checks without an exception, and every span lies inside the text. */
class HostileInputTest {

    private static final PostChecker POSTS = CheckQuality.postChecker();
    private static final ReplyChecker REPLIES = CheckQuality.replyChecker();
    private static final IncidentId INCIDENT = new IncidentId("acme-1");

    private static void checkEverything(String text) {
        assertSpansInside(text, POSTS.check(PlannedPost.builder("p", "twitter:acme", text)
                .hashtags(List.of(text.length() > 50 ? text.substring(0, 50) : text + "x"))
                .links(List.of(text.length() > 80 ? text.substring(0, 80) : text)).poster(text + "x").build()));
        PlannedPost anyAccount;
        try {
            anyAccount = PlannedPost.of("p", text + "x", text);
        } catch (IllegalArgumentException e) { // an account with no handle ("twitter:", ":x") is refused, by name
            assertTrue(e.getMessage().startsWith("account of post 'p' must be"), e.getMessage());
            anyAccount = PlannedPost.of("p", "twitter:" + text + "x", text);
        }
        assertSpansInside(text, POSTS.check(anyAccount));
        assertSpansInside(text, REPLIES.check(ReplyDraft.inIncident("d", INCIDENT, text)));
        assertSpansInside(text, REPLIES.check(ReplyDraft.of("d", text)));
    }

    private static void assertSpansInside(String text, CheckResult r) {
        assertNotNull(r);
        for (Finding f : r.findings()) {
            assertTrue(f.span().isEmpty() || f.span().get().end() <= text.length(), f.toString());
            assertTrue(!f.message().isBlank());
        }
    }

    @Test
    void hostileTextsFromTheTestKitCheckWithoutException() {
        for (Map.Entry<String, String> e : HostileText.all().entrySet()) {
            checkEverything(e.getValue());
        }
    }

    @Property(seed = "20240501", tries = 400)
    void anyTextChecksWithoutExceptionAndSpansStayInside(@ForAll("texts") String text) {
        checkEverything(text);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.of("sorry", " we will ", "due to a glitch", "not our fault",
                "#acmefail", "#", "@", "@acme_0fficial", "https://", "htps://x", "www.", "{{url}}", "..", "…", " ",
                "\uD83D", "\uDE21", "😡", "地震", "e\u0301", "\u0000", "\u202E", "Désolés", "vi var dumme", "40% off",
                "3pm", "lol", "I", "my boyfriend", "pray for", "\n", "'", "-", "*", "[link]");
        Arbitrary<String> joined = fragments.list().ofMaxSize(60).map(l -> String.join("", l));
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300), joined,
                Arbitraries.strings().withChars("@#:/.htpsw_ \u0301").ofMaxLength(200));
    }
}
