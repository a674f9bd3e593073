package dev.firebreak.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.account.AccountRegistry;
import dev.firebreak.json.FirebreakJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the checks on the labelled test set in {@code src/test/resources/checks/}: precision and recall
 * per rule, and how often a good item (labelled with no rule) is flagged. Run {@link #main(String[])} or
 * {@code CheckQualityTest} to print the table.
 */
final class CheckQuality {

    /** One labelled item and what the checker found. */
    record Outcome(String id, String lang, Set<String> expected, Set<String> found) {
    }

    /** Counts of one rule. */
    record RuleScore(String rule, int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        int support() {
            return tp + fn;
        }
    }

    private static final FirebreakJson JSON = FirebreakJson.create();
    private static final CheckJson CHECK_JSON = CheckJson.create();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private CheckQuality() {
    }

    static AccountRegistry registry() {
        try (BufferedReader in = reader("registry.jsonl")) {
            return CHECK_JSON.readRegistry(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CheckJson.ContextFile context() {
        try (InputStream in = CheckQuality.class.getResourceAsStream("/checks/context.json")) {
            return CHECK_JSON.readContext(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PostChecker postChecker() {
        CheckJson.ContextFile c = context();
        return PostChecker.builder().registry(registry()).crisisContext(c.crisis())
                .watchHashtags(c.watchHashtags()).knownHandles(c.knownHandles()).clock(CLOCK).build();
    }

    static ReplyChecker replyChecker() {
        return ReplyChecker.builder().crisisContext(context().crisis()).clock(CLOCK).build();
    }

    private static BufferedReader reader(String name) {
        InputStream in = CheckQuality.class.getResourceAsStream("/checks/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource /checks/" + name + " is missing");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static List<JsonNode> items(String name) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = reader(name)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(JSON.parseObject(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> expected(JsonNode item) {
        Set<String> s = new LinkedHashSet<>();
        item.get("expect").forEach(n -> s.add(n.textValue()));
        return s;
    }

    private static Set<String> found(CheckResult r) {
        Set<String> s = new LinkedHashSet<>();
        for (Finding f : r.atLeast(FindingSeverity.WARNING)) {
            s.add(f.rule());
        }
        return s;
    }

    static List<Outcome> posts(String file) {
        PostChecker checker = postChecker();
        List<Outcome> out = new ArrayList<>();
        for (JsonNode item : items(file)) {
            CheckResult r = checker.check(CHECK_JSON.readPost(item));
            out.add(new Outcome(item.get("id").textValue(), item.get("lang").textValue(), expected(item), found(r)));
        }
        return out;
    }

    static List<Outcome> replies(String file) {
        ReplyChecker checker = replyChecker();
        List<Outcome> out = new ArrayList<>();
        for (JsonNode item : items(file)) {
            CheckResult r = checker.check(CHECK_JSON.readDraft(item));
            out.add(new Outcome(item.get("id").textValue(), item.get("lang").textValue(), expected(item), found(r)));
        }
        return out;
    }

    static Map<String, RuleScore> scores(List<Outcome> outcomes, List<String> rules) {
        Map<String, RuleScore> m = new TreeMap<>();
        for (String rule : rules) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Outcome o : outcomes) {
                boolean e = o.expected().contains(rule);
                boolean f = o.found().contains(rule);
                if (e && f) {
                    tp++;
                } else if (f) {
                    fp++;
                } else if (e) {
                    fn++;
                }
            }
            m.put(rule, new RuleScore(rule, tp, fp, fn));
        }
        return m;
    }

    /** The share of good items (no expected rule) that got at least one warning or block. */
    static double falseFlagRate(List<Outcome> outcomes) {
        int good = 0;
        int flagged = 0;
        for (Outcome o : outcomes) {
            if (o.expected().isEmpty()) {
                good++;
                if (!o.found().isEmpty()) {
                    flagged++;
                }
            }
        }
        return good == 0 ? 0 : flagged / (double) good;
    }

    static long goodCount(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.expected().isEmpty()).count();
    }

    static String table(String title, List<Outcome> outcomes, List<String> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" (").append(outcomes.size()).append(" items, ").append(goodCount(outcomes))
                .append(" good)\n");
        sb.append(String.format(Locale.ROOT, "  %-24s %7s %4s %4s %4s %9s %7s%n", "rule", "support", "tp", "fp", "fn",
                "precision", "recall"));
        for (RuleScore s : scores(outcomes, rules).values()) {
            sb.append(String.format(Locale.ROOT, "  %-24s %7d %4d %4d %4d %9.2f %7.2f%n", s.rule(), s.support(), s.tp(),
                    s.fp(), s.fn(), s.precision(), s.recall()));
        }
        sb.append(String.format(Locale.ROOT, "  good items flagged: %.1f%%%n", 100 * falseFlagRate(outcomes)));
        for (Outcome o : outcomes) {
            if (!o.expected().equals(o.found())) {
                Set<String> missed = new LinkedHashSet<>(o.expected());
                missed.removeAll(o.found());
                Set<String> extra = new LinkedHashSet<>(o.found());
                extra.removeAll(o.expected());
                sb.append("    ").append(o.id()).append(" [").append(o.lang()).append("]")
                        .append(missed.isEmpty() ? "" : " missed " + missed)
                        .append(extra.isEmpty() ? "" : " extra " + extra).append('\n');
            }
        }
        return sb.toString();
    }

    static List<String> postRules() {
        return List.of(PostChecker.SENSITIVE_TOPIC, PostChecker.INCIDENT_HASHTAG, PostChecker.WATCHED_HASHTAG,
                PostChecker.NEGATIVE_HASHTAG, PostChecker.PERSONAL_MESSAGE, PostChecker.UNREGISTERED_ACCOUNT,
                PostChecker.NOT_ACCOUNT_OWNER, PostChecker.MALFORMED_LINK, PostChecker.UNKNOWN_HANDLE,
                PostChecker.CRISIS_CHEERFUL, PostChecker.CRISIS_APPROVAL);
    }

    static List<String> replyRules() {
        return List.of(ReplyChecker.BLAME_OTHERS, ReplyChecker.SELF_DISQUALIFICATION, ReplyChecker.ARGUING,
                ReplyChecker.CORPORATE_JARGON, ReplyChecker.MISSING_APOLOGY, ReplyChecker.NO_NEXT_STEP,
                ReplyChecker.CANNED_REPLY);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Prints the tables. */
    public static void main(String[] args) {
        System.out.println(report());
    }

    static String report() {
        StringBuilder sb = new StringBuilder();
        for (String set : SETS) {
            sb.append(table("Planned posts, set " + set, posts(postFile(set)), postRules()));
            sb.append(table("Reply drafts, set " + set, replies(replyFile(set)), replyRules()));
        }
        sb.append(table("Planned posts, all sets", allPosts(), postRules()));
        sb.append(table("Reply drafts, all sets", allReplies(), replyRules()));
        return sb.toString();
    }

    /**
     * The test sets: A was written before the word lists; B after the first lists, scored once blind, then
     * used to improve them; C after the second lists, never used for tuning (the honest estimate).
     */
    static final List<String> SETS = List.of("A", "B", "C");

    static String postFile(String set) {
        return set.equals("A") ? "posts.jsonl" : "posts-" + set.toLowerCase(Locale.ROOT) + ".jsonl";
    }

    static String replyFile(String set) {
        return set.equals("A") ? "replies.jsonl" : "replies-" + set.toLowerCase(Locale.ROOT) + ".jsonl";
    }

    static List<Outcome> allPosts() {
        List<Outcome> out = new ArrayList<>();
        for (String set : SETS) {
            out.addAll(posts(postFile(set)));
        }
        return out;
    }

    static List<Outcome> allReplies() {
        List<Outcome> out = new ArrayList<>();
        for (String set : SETS) {
            out.addAll(replies(replyFile(set)));
        }
        return out;
    }
}
