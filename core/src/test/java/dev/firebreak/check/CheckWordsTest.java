package dev.firebreak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckWordsTest {

    @Test
    void theShippedListsHoldEveryListTheBuiltInRulesRead() {
        CheckWords w = CheckWords.defaults();
        assertSame(w, CheckWords.defaults());
        for (String list : List.of("sensitive.religion", "sensitive.politics", "sensitive.violence", "sensitive.tragedy",
                "sensitive.disaster", PostRules.PROMOTIONAL, PostRules.CHEERFUL, PostRules.FIRST_PERSON,
                PostRules.CASUAL, PostRules.PRIVATE_LIFE, PostRules.BRAND_VOICE, PostRules.LINK_PLACEHOLDER,
                ReplyRules.BLAME, ReplyRules.BLAME_CAUSE, ReplyRules.OWNERSHIP, ReplyRules.SELF_DISQUALIFICATION,
                ReplyRules.ARGUING, ReplyRules.JARGON, ReplyRules.APOLOGY, ReplyRules.NEXT_STEP)) {
            assertTrue(w.entries(list).size() >= 5, list + " has " + w.entries(list).size() + " entries");
        }
    }

    @Test
    void aTeamAddsAndRemovesEntriesWithoutRebuilding(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crusader-ales.words");
        Files.writeString(file, String.join("\n",
                "\uFEFF# Crusader Ales: our own words",
                "[sensitive.religion]",
                "-prayer            # our beer is called Prayer",
                "[sensitive.competitors]",
                "globex",
                "initech*",
                ""), StandardCharsets.UTF_8);
        CheckWords w = CheckWords.defaults().withFile(file);
        assertFalse(w.entries("sensitive.religion").contains("prayer"));
        assertTrue(CheckWords.defaults().entries("sensitive.religion").contains("prayer"), "defaults are unchanged");
        PostChecker checker = PostChecker.builder().words(w).build();
        CheckResult r = checker.check(PlannedPost.of("p", "twitter:crusader", "A Prayer on tap, better than Initech's"));
        assertEquals(1, r.findings(PostChecker.SENSITIVE_TOPIC).size());
        assertTrue(r.findings(PostChecker.SENSITIVE_TOPIC).get(0).message().startsWith("Touches on competitors"));
        assertEquals(List.of(new WordMatch("sensitive.competitors", "initech*", new TextSpan(29, 36))),
                w.find("sensitive.competitors", "A Prayer on tap, better than Initech's"));
    }

    @Test
    void aBadLineIsReportedWithItsSourceAndLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckWords.empty().withText("team.words", "[reply.jargon]\nsynergy\n.. leverage\n"));
        assertTrue(e.getMessage().startsWith("team.words:3: "), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CheckWords.empty().withText("t", "orphan entry\n")).getMessage().contains("before any [list]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CheckWords.empty().withText("t", "[Bad Name]\n")).getMessage().contains("list name"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CheckWords.empty().withText("t", "[x\n")).getMessage().contains("section header"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CheckWords.empty().withText("t", "[x]\n" + "a".repeat(600))).getMessage().contains("longer"));
    }

    @Test
    void withoutWordListsTheWordRulesFindNothing() {
        PostChecker checker = PostChecker.builder().words(CheckWords.empty()).build();
        assertEquals(List.of(), checker.check(PlannedPost.of("p", "x", "Pray for the victims of the earthquake"))
                .findings());
        assertEquals(List.of(), CheckWords.empty().find("anything", "text"));
    }
}
