package dev.firebreak.check;

import dev.firebreak.check.internal.Lexicon;
import dev.firebreak.check.internal.Quote;
import dev.firebreak.check.internal.Shingles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The built-in reply-draft rules. */
final class ReplyRules {

    static final String BLAME = "reply.blame";
    static final String BLAME_CAUSE = "reply.blame-cause";
    static final String OWNERSHIP = "reply.ownership";
    static final String SELF_DISQUALIFICATION = "reply.self-disqualification";
    static final String ARGUING = "reply.arguing";
    static final String JARGON = "reply.jargon";
    static final String APOLOGY = "reply.apology";
    static final String NEXT_STEP = "reply.next-step";

    /** The settings the rules read. */
    record Settings(double cannedMinSimilarity, int cannedMinCopies) {
    }

    private ReplyRules() {
    }

    static List<ReplyRule> builtIn(Settings s) {
        List<ReplyRule> rules = new ArrayList<>();
        rules.add(ReplyRule.of(ReplyChecker.BLAME_OTHERS, FindingSeverity.BLOCK,
                "blaming others or technology instead of owning the problem", ReplyRules::blame));
        rules.add(ReplyRule.of(ReplyChecker.SELF_DISQUALIFICATION, FindingSeverity.BLOCK,
                "running the brand down (\"we were stupid\")",
                (d, c) -> words(c, SELF_DISQUALIFICATION, "Runs the brand down",
                        "Say plainly what went wrong and what you are doing about it, without calling yourselves "
                                + "names.")));
        rules.add(ReplyRule.of(ReplyChecker.ARGUING, FindingSeverity.BLOCK,
                "arguing with or lecturing the customer",
                (d, c) -> words(c, ARGUING, "Argues with the customer",
                        "Don't argue in public: acknowledge how they feel, explain plainly, and offer to sort it "
                                + "out.")));
        rules.add(ReplyRule.of(ReplyChecker.CORPORATE_JARGON, FindingSeverity.WARNING,
                "defensive or corporate phrasing",
                (d, c) -> words(c, JARGON, "Defensive or corporate phrasing",
                        "Write as a person: plain words, specific to this customer (\u201CWe got this wrong, and "
                                + "here is what we are doing\u201D).")));
        rules.add(ReplyRule.of(ReplyChecker.MISSING_APOLOGY, FindingSeverity.BLOCK,
                "no apology although the incident says the brand is at fault", ReplyRules::missingApology));
        rules.add(ReplyRule.of(ReplyChecker.NO_NEXT_STEP, FindingSeverity.WARNING,
                "no next step or time frame", ReplyRules::noNextStep));
        rules.add(ReplyRule.of(ReplyChecker.CANNED_REPLY, FindingSeverity.WARNING,
                "nearly the same text already sent to many people in the incident", (d, c) -> canned(d, c, s)));
        return rules;
    }

    private static List<Finding> words(CheckContext c, String list, String what, String advice) {
        TextAnalysis a = c.analysis();
        List<Finding> out = new ArrayList<>();
        for (Lexicon.Match m : a.matches(list)) {
            if (out.size() == PostRules.MAX_PER_RULE) {
                break;
            }
            out.add(c.finding(what + " (\u201C" + Quote.span(a.text, m.start(), m.end()) + "\u201D). " + advice,
                    m.start(), m.end()));
        }
        return out;
    }

    static List<Finding> blame(ReplyDraft d, CheckContext c) {
        TextAnalysis a = c.analysis();
        List<Lexicon.Match> cues = new ArrayList<>(a.matches(BLAME));
        if (!a.has(OWNERSHIP)) {
            cues.addAll(a.matches(BLAME_CAUSE));
        }
        cues.sort((x, y) -> Integer.compare(x.start(), y.start()));
        List<Finding> out = new ArrayList<>();
        for (Lexicon.Match m : cues) {
            if (out.size() == PostRules.MAX_PER_RULE) {
                break;
            }
            out.add(c.finding("Puts the blame elsewhere (\u201C" + Quote.span(a.text, m.start(), m.end())
                    + "\u201D). Own the problem: say what went wrong, what you are doing about it and when it will be "
                    + "better.", m.start(), m.end()));
        }
        return out;
    }

    static List<Finding> missingApology(ReplyDraft d, CheckContext c) {
        if (d.incidentId().isEmpty()) {
            return List.of();
        }
        Optional<ActiveIncident> incident = c.crisis().incident(d.incidentId().get());
        if (incident.isEmpty() || !incident.get().brandAtFault() || apologises(c.analysis())) {
            return List.of();
        }
        return List.of(c.finding("Incident " + incident.get().id() + " says the brand is at fault, but this reply "
                + "does not apologise. Start with a plain apology (\u201CWe're sorry, we got this wrong\u201D)."));
    }

    /** Whether the text apologises: an apology that is not part of a denial ("not our fault" is no apology). */
    static boolean apologises(TextAnalysis a) {
        List<Lexicon.Match> denials = a.matches(BLAME);
        for (Lexicon.Match m : a.matches(APOLOGY)) {
            boolean denied = false;
            for (Lexicon.Match d : denials) {
                if (m.start() < d.end() && d.start() < m.end()) {
                    denied = true;
                    break;
                }
            }
            if (!denied) {
                return true;
            }
        }
        return false;
    }

    static List<Finding> noNextStep(ReplyDraft d, CheckContext c) {
        TextAnalysis a = c.analysis();
        boolean applies = d.incidentId().isPresent() || apologises(a);
        if (!applies || a.has(NEXT_STEP)) {
            return List.of();
        }
        return List.of(c.finding("Says nothing about what happens next or when. Add the next step and a time "
                + "(\u201CWe'll refund you by Friday\u201D, \u201CI'll get back to you here before 3 pm\u201D)."));
    }

    static List<Finding> canned(ReplyDraft d, CheckContext c, Settings s) {
        if (d.incidentId().isEmpty()) {
            return List.of();
        }
        List<String> sent = c.crisis().sentReplies(d.incidentId().get());
        if (sent.size() < s.cannedMinCopies()) {
            return List.of();
        }
        Set<String> mine = Shingles.of(d.text());
        if (mine.isEmpty()) {
            return List.of();
        }
        int copies = 0;
        double best = 0;
        for (String t : sent) {
            double j = Shingles.jaccard(mine, Shingles.of(t));
            if (j >= s.cannedMinSimilarity()) {
                copies++;
                best = Math.max(best, j);
            }
        }
        if (copies < s.cannedMinCopies()) {
            return List.of();
        }
        return List.of(c.finding("Nearly the same text (" + Math.round(best * 100) + "% alike) has already gone to "
                + copies + " people in incident " + d.incidentId().get() + ". Write this one for this person: their "
                + "problem, what you are doing about it, when."));
    }
}
