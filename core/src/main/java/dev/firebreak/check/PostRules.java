package dev.firebreak.check;

import dev.firebreak.account.LookAlike;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.check.internal.Lexicon;
import dev.firebreak.check.internal.Links;
import dev.firebreak.check.internal.Quote;
import dev.firebreak.check.internal.TextScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in pre-publish rules. */
final class PostRules {

    static final String SENSITIVE_PREFIX = "sensitive.";
    static final String PROMOTIONAL = "promotional";
    static final String CHEERFUL = "cheerful";
    static final String FIRST_PERSON = "personal.first-person";
    static final String CASUAL = "personal.casual";
    static final String PRIVATE_LIFE = "personal.private";
    static final String BRAND_VOICE = "personal.brand-voice";
    static final String LINK_PLACEHOLDER = "link.placeholder";

    /** Findings of one word-based rule per text, at most. */
    static final int MAX_PER_RULE = 5;

    /** Score from which a post reads as personal (see {@link #personalScore}). */
    static final int PERSONAL_THRESHOLD = 3;

    /** The settings the rules read. */
    record Settings(Set<String> watch, Set<String> knownHandles, long negativeMinMentions, double negativeMinShare) {
    }

    private PostRules() {
    }

    static List<PostRule> builtIn(Settings s) {
        List<PostRule> rules = new ArrayList<>();
        rules.add(PostRule.of(PostChecker.SENSITIVE_TOPIC, FindingSeverity.WARNING,
                "religion, politics, violence, tragedy, disasters and similar topics", PostRules::sensitive));
        rules.add(PostRule.of(PostChecker.INCIDENT_HASHTAG, FindingSeverity.BLOCK,
                "a hashtag that is part of an active incident", PostRules::incidentHashtag));
        rules.add(PostRule.of(PostChecker.WATCHED_HASHTAG, FindingSeverity.WARNING,
                "a hashtag on the team's watch list", (p, c) -> watchedHashtag(p, c, s)));
        rules.add(PostRule.of(PostChecker.NEGATIVE_HASHTAG, FindingSeverity.WARNING,
                "a hashtag that is mostly negative in recent mentions", (p, c) -> negativeHashtag(p, c, s)));
        rules.add(PostRule.of(PostChecker.PERSONAL_MESSAGE, FindingSeverity.WARNING,
                "a personal, first-person, casual message about to go out on a brand account", PostRules::personal));
        rules.add(PostRule.of(PostChecker.UNREGISTERED_ACCOUNT, FindingSeverity.BLOCK,
                "an account that is not in the registry", PostRules::unregistered));
        rules.add(PostRule.of(PostChecker.NOT_ACCOUNT_OWNER, FindingSeverity.BLOCK,
                "the poster is neither the account's owner nor a delegate", PostRules::notOwner));
        rules.add(PostRule.of(PostChecker.MALFORMED_LINK, FindingSeverity.BLOCK,
                "a broken or placeholder link", PostRules::malformedLink));
        rules.add(PostRule.of(PostChecker.UNKNOWN_HANDLE, FindingSeverity.WARNING,
                "an @handle that is not a known one (typo or impostor)", (p, c) -> unknownHandle(p, c, s)));
        rules.add(PostRule.of(PostChecker.CRISIS_CHEERFUL, FindingSeverity.BLOCK,
                "cheerful or promotional content while the brand is in crisis", PostRules::crisisCheerful));
        rules.add(PostRule.of(PostChecker.CRISIS_APPROVAL, FindingSeverity.BLOCK,
                "crisis mode: every post needs an approval", PostRules::crisisApproval));
        return rules;
    }

    // ------------------------------------------------------------------ topics

    static List<Finding> sensitive(PlannedPost post, CheckContext c) {
        TextAnalysis a = c.analysis();
        List<Lexicon.Match> all = new ArrayList<>();
        for (String list : c.words().lists()) {
            if (list.startsWith(SENSITIVE_PREFIX)) {
                all.addAll(a.matches(list));
            }
        }
        all.sort((x, y) -> Integer.compare(x.start(), y.start()));
        List<Finding> out = new ArrayList<>();
        for (Lexicon.Match m : all) {
            if (out.size() == MAX_PER_RULE) {
                break;
            }
            String topic = topicLabel(m.list().substring(SENSITIVE_PREFIX.length()));
            out.add(c.finding("Touches on " + topic + " (\u201C" + Quote.span(a.text, m.start(), m.end())
                    + "\u201D). Brand posts stay away from religion, politics, violence and tragedies; if in doubt, "
                    + "ask a colleague before it goes out.", m.start(), m.end()));
        }
        return out;
    }

    private static String topicLabel(String topic) {
        switch (topic) {
            case "tragedy": return "a tragedy";
            case "disaster": return "a disaster";
            default: return topic.replace('-', ' ').replace('.', ' ');
        }
    }

    // ------------------------------------------------------------------ hashtags

    /** Every hashtag of the post, normal form to its first span in the text (if it is in the text). */
    static Map<String, Optional<TextSpan>> hashtags(PlannedPost post, TextAnalysis a) {
        Map<String, Optional<TextSpan>> tags = new LinkedHashMap<>();
        for (TextScan.Tag t : a.hashtags()) {
            tags.putIfAbsent(t.tag(), Optional.of(new TextSpan(t.start(), t.end())));
        }
        for (String h : post.hashtags()) {
            String n = TextScan.normaliseTag(h);
            if (!n.isEmpty()) {
                tags.putIfAbsent(n, Optional.empty());
            }
        }
        return tags;
    }

    private static Finding at(CheckContext c, String message, Optional<TextSpan> span) {
        return span.isPresent() ? c.finding(message, span.get()) : c.finding(message);
    }

    static List<Finding> incidentHashtag(PlannedPost post, CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Optional<TextSpan>> e : hashtags(post, c.analysis()).entrySet()) {
            List<ActiveIncident> incidents = c.crisis().incidentsWithHashtag(e.getKey());
            if (!incidents.isEmpty()) {
                out.add(at(c, "#" + e.getKey() + " is part of an active incident about " + incidents.get(0).brand()
                        + " (" + describe(incidents.get(0)) + "). Posting with it now puts the brand in the middle of that conversation: leave it out.",
                        e.getValue()));
            }
        }
        return out;
    }

    static List<Finding> watchedHashtag(PlannedPost post, CheckContext c, Settings s) {
        List<Finding> out = new ArrayList<>();
        if (s.watch().isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Optional<TextSpan>> e : hashtags(post, c.analysis()).entrySet()) {
            if (s.watch().contains(e.getKey())) {
                out.add(at(c, "#" + e.getKey() + " is on your watch list. Check what the hashtag is about right now "
                        + "before joining it.", e.getValue()));
            }
        }
        return out;
    }

    static List<Finding> negativeHashtag(PlannedPost post, CheckContext c, Settings s) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Optional<TextSpan>> e : hashtags(post, c.analysis()).entrySet()) {
            Optional<HashtagStats> st = c.crisis().hashtagStats(e.getKey());
            if (st.isPresent() && st.get().mentions() >= s.negativeMinMentions()
                    && st.get().negativeShare() >= s.negativeMinShare()) {
                long pct = Math.round(st.get().negativeShare() * 100);
                out.add(at(c, "#" + e.getKey() + " is mostly negative right now (" + pct + "% of "
                        + st.get().mentions() + " recent mentions). Find out what it is about before joining it.",
                        e.getValue()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the right account

    /**
     * How personal a text reads: 2 per private-life expression, 1 per casual marker, 1 for a first-person
     * singular word and 1 more for three of them, minus 1 when it also speaks as "we".
     */
    static int personalScore(TextAnalysis a) {
        int fp = a.count(FIRST_PERSON);
        int score = 2 * a.count(PRIVATE_LIFE) + a.count(CASUAL) + (fp >= 1 ? 1 : 0) + (fp >= 3 ? 1 : 0);
        if (a.has(BRAND_VOICE)) {
            score--;
        }
        return score;
    }

    static List<Finding> personal(PlannedPost post, CheckContext c) {
        TextAnalysis a = c.analysis();
        if (personalScore(a) < PERSONAL_THRESHOLD) {
            return List.of();
        }
        List<Lexicon.Match> cues = new ArrayList<>(a.matches(PRIVATE_LIFE));
        cues.addAll(a.matches(CASUAL));
        cues.sort((x, y) -> Integer.compare(x.start(), y.start()));
        Set<String> quoted = new LinkedHashSet<>();
        for (Lexicon.Match m : cues) {
            if (quoted.size() < 3) {
                quoted.add("\u201C" + Quote.span(a.text, m.start(), m.end()) + "\u201D");
            }
        }
        String msg = "Reads like a personal message" + (quoted.isEmpty() ? "" : " (" + String.join(", ", quoted) + ")")
                + " about to go out on the brand account " + post.account()
                + ". Check that the right account is selected.";
        if (cues.isEmpty()) {
            return List.of(c.finding(msg));
        }
        return List.of(c.finding(msg, cues.get(0).start(), cues.get(0).end()));
    }

    static List<Finding> unregistered(PlannedPost post, CheckContext c) {
        if (c.registry().isEmpty() || !c.registry().find(post.account()).isEmpty()) {
            return List.of();
        }
        String handle = handleOf(post.account());
        Optional<LookAlike> like = c.registry().lookAlike(handle);
        String hint = like.map(l -> " It looks like " + l.imitates() + " (" + l.describe()
                + "): check you picked the right one.").orElse("");
        return List.of(c.finding(Quote.excerpt(post.account(), 60) + " is not one of the brand's registered accounts."
                + hint + " Select a registered account, or register this one with its owner first."));
    }

    static List<Finding> notOwner(PlannedPost post, CheckContext c) {
        if (post.poster().isEmpty()) {
            return List.of();
        }
        List<OwnedAccount> accounts = c.registry().find(post.account());
        if (accounts.isEmpty()) {
            return List.of();
        }
        String poster = post.poster().get();
        for (OwnedAccount a : accounts) {
            if (a.mayPost(poster)) {
                return List.of();
            }
        }
        OwnedAccount a = accounts.get(0);
        return List.of(c.finding(Quote.excerpt(poster, 60) + " is not the owner of " + a.platform() + ":@" + a.handle()
                + " (the owner is " + a.owner() + ") nor one of its delegates. Ask " + a.owner()
                + " to publish or approve it."));
    }

    static String handleOf(String account) {
        String s = account.strip();
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        return TextScan.normaliseHandle(s);
    }

    // ------------------------------------------------------------------ links and handles

    static List<Finding> malformedLink(PlannedPost post, CheckContext c) {
        TextAnalysis a = c.analysis();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TextScan.Link l : a.links()) {
            seen.add(l.link());
            Optional<String> problem = Links.problem(l.link());
            if (problem.isPresent() && out.size() < MAX_PER_RULE) {
                out.add(c.finding("The link \u201C" + Quote.excerpt(l.link(), 60) + "\u201D looks broken: "
                        + problem.get() + ". Fix it and open it once before posting.", l.start(), l.end()));
            }
        }
        for (String link : post.links()) {
            if (seen.add(link.strip())) {
                Optional<String> problem = Links.problem(link);
                if (problem.isPresent() && out.size() < MAX_PER_RULE) {
                    out.add(c.finding("The attached link \u201C" + Quote.excerpt(link, 60) + "\u201D looks broken: "
                            + problem.get() + ". Fix it and open it once before posting."));
                }
            }
        }
        for (Lexicon.Match m : a.matches(LINK_PLACEHOLDER)) {
            if (out.size() < MAX_PER_RULE) {
                out.add(c.finding("\u201C" + Quote.span(a.text, m.start(), m.end())
                        + "\u201D is a placeholder where a link should be.", m.start(), m.end()));
            }
        }
        return out;
    }

    static List<Finding> unknownHandle(PlannedPost post, CheckContext c, Settings s) {
        Set<String> known = new LinkedHashSet<>(c.registry().handles());
        known.addAll(s.knownHandles());
        if (known.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TextScan.Handle h : c.analysis().handles()) {
            if (known.contains(h.handle()) || !seen.add(h.handle()) || out.size() == MAX_PER_RULE) {
                continue;
            }
            Optional<LookAlike> like = c.registry().lookAlike(h.handle());
            String msg = like.isPresent()
                    ? "@" + h.handle() + " is not one of your accounts but imitates " + like.get().imitates() + " ("
                            + like.get().describe() + "): check the spelling, and do not tag what may be an impostor."
                    : "@" + h.handle() + " is not a handle you know. Check the spelling before tagging anyone.";
            out.add(c.finding(msg, h.start(), h.end()));
        }
        return out;
    }

    // ------------------------------------------------------------------ crisis mode

    /** "acme-1, severity high". */
    static String describe(ActiveIncident i) {
        return i.id() + ", severity " + i.severity().name().toLowerCase(Locale.ROOT);
    }

    static List<Finding> crisisCheerful(PlannedPost post, CheckContext c) {
        List<ActiveIncident> crises = c.crisis().crises(c.brand());
        if (crises.isEmpty()) {
            return List.of();
        }
        TextAnalysis a = c.analysis();
        List<Lexicon.Match> cues = new ArrayList<>(a.matches(PROMOTIONAL));
        cues.addAll(a.matches(CHEERFUL));
        if (cues.isEmpty()) {
            return List.of();
        }
        cues.sort((x, y) -> Integer.compare(x.start(), y.start()));
        Lexicon.Match m = cues.get(0);
        return List.of(c.finding("Cheerful or promotional content (\u201C" + Quote.span(a.text, m.start(), m.end())
                + "\u201D) while " + crises.get(0).brand() + " is in crisis (incident " + describe(crises.get(0))
                + "). Hold it, and pause scheduled content, until the official statement is out.", m.start(), m.end()));
    }

    static List<Finding> crisisApproval(PlannedPost post, CheckContext c) {
        List<ActiveIncident> crises = c.crisis().crises(c.brand());
        if (crises.isEmpty() || post.approvedBy().isPresent()) {
            return List.of();
        }
        return List.of(c.finding(crises.get(0).brand() + " is in crisis mode (incident " + describe(crises.get(0))
                + "): every post needs an approval before it goes out. Get it approved and record who approved it."));
    }
}
