package dev.firebreak.check;

import dev.firebreak.account.AccountRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks reply drafts before they are sent, against the guides' advice on how to respond. The word lists
 * cover English, French, Norwegian (Bokmål and Nynorsk) and Spanish, with the most common German, Italian
 * and Portuguese phrasings.
 *
 * <p>Built-in rules (ids are constants of this class; default severities in brackets):
 * <ul>
 *   <li>{@value #BLAME_OTHERS} [block]: blaming others or technology ("due to a glitch at our supplier");
 *       pointing at a cause is accepted when the draft also owns it ("that's on us");</li>
 *   <li>{@value #SELF_DISQUALIFICATION} [block]: running the brand down ("we were stupid");</li>
 *   <li>{@value #ARGUING} [block]: arguing with or lecturing the customer ("you're wrong");</li>
 *   <li>{@value #CORPORATE_JARGON} [warning]: defensive or corporate phrasing ("we apologise for any
 *       inconvenience", "we did nothing wrong");</li>
 *   <li>{@value #MISSING_APOLOGY} [block]: no apology although the draft's incident says the brand is at
 *       fault (needs the incident in the crisis context);</li>
 *   <li>{@value #NO_NEXT_STEP} [warning]: no next step or time frame; checked for drafts in an incident and
 *       for drafts that apologise, not for a thank-you outside any incident;</li>
 *   <li>{@value #CANNED_REPLY} [warning]: nearly the same text already sent at least
 *       {@link Builder#cannedReply(double, int) minCopies} times in the incident (Jaccard similarity of word
 *       pairs, handles, links and numbers ignored).</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ReplyChecker {

    /** Rule id: blaming others or technology. */
    public static final String BLAME_OTHERS = "blame-others";
    /** Rule id: running the brand down. */
    public static final String SELF_DISQUALIFICATION = "self-disqualification";
    /** Rule id: arguing with the customer. */
    public static final String ARGUING = "arguing";
    /** Rule id: defensive or corporate phrasing. */
    public static final String CORPORATE_JARGON = "corporate-jargon";
    /** Rule id: no apology although the brand is at fault. */
    public static final String MISSING_APOLOGY = "missing-apology";
    /** Rule id: no next step or time frame. */
    public static final String NO_NEXT_STEP = "no-next-step";
    /** Rule id: the same canned text sent to many people in one incident. */
    public static final String CANNED_REPLY = "canned-reply";

    /** Default of {@link Builder#cannedReply(double, int)}: similarity from which two replies are the same text. */
    public static final double DEFAULT_CANNED_MIN_SIMILARITY = 0.6;
    /** Default of {@link Builder#cannedReply(double, int)}: copies already sent from which it is canned. */
    public static final int DEFAULT_CANNED_MIN_COPIES = 2;

    private final Builder config;
    private final RuleSet<ReplyRule> rules;

    private ReplyChecker(Builder b) {
        this.config = b.copy();
        ReplyRules.Settings settings = new ReplyRules.Settings(b.cannedMinSimilarity, b.cannedMinCopies);
        this.rules = new RuleSet<>(ReplyRules.builtIn(settings), b.ruleChoices, ReplyRule::defaultSeverity);
    }

    /** A checker with every built-in rule, no crisis context, the shipped word lists. */
    public static ReplyChecker defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this checker's settings. */
    public Builder toBuilder() {
        return config.copy();
    }

    /** The enabled rules, built-in ones first, in the order they run. */
    public List<ReplyRule> rules() {
        return rules.rules();
    }

    /** The severity each enabled rule reports with, by rule id. */
    public Map<String, FindingSeverity> severities() {
        return rules.severities();
    }

    /** Checks a draft against the crisis context given to the builder. */
    public CheckResult check(ReplyDraft draft) {
        return check(draft, config.crisis);
    }

    /**
     * Checks a draft against this crisis context (for example {@code engine.crisisContext(brand)}).
     *
     * @return the findings; {@link CheckResult#ok()} is false if one of them is {@link FindingSeverity#BLOCK}
     */
    public CheckResult check(ReplyDraft draft, CrisisContext crisis) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(crisis, "crisis");
        Optional<String> brand = draft.incidentId().flatMap(crisis::incident).map(ActiveIncident::brand);
        CheckContext context = CheckContext.create(config.clock.instant(), crisis, AccountRegistry.empty(), brand,
                config.words, draft.text());
        return rules.check(draft.id(), draft, draft.text(), context, r -> r::check);
    }

    @Override
    public String toString() {
        return "ReplyChecker" + rules.ids();
    }

    /** Configures a {@link ReplyChecker}; setters fail fast on bad values. Not thread-safe. */
    public static final class Builder {
        private CrisisContext crisis = CrisisContext.none();
        private CheckWords words = CheckWords.defaults();
        private double cannedMinSimilarity = DEFAULT_CANNED_MIN_SIMILARITY;
        private int cannedMinCopies = DEFAULT_CANNED_MIN_COPIES;
        private RuleSet.Choices<ReplyRule> ruleChoices = new RuleSet.Choices<>(ReplyRule::id);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        Builder copy() {
            Builder b = new Builder();
            b.crisis = crisis;
            b.words = words;
            b.cannedMinSimilarity = cannedMinSimilarity;
            b.cannedMinCopies = cannedMinCopies;
            b.ruleChoices = ruleChoices.copy();
            b.clock = clock;
            return b;
        }

        /** The crisis state used by {@link ReplyChecker#check(ReplyDraft)}; default {@link CrisisContext#none()}. */
        public Builder crisisContext(CrisisContext c) {
            this.crisis = Objects.requireNonNull(c, "crisisContext");
            return this;
        }

        /** The word lists; default {@link CheckWords#defaults()}. */
        public Builder words(CheckWords w) {
            this.words = Objects.requireNonNull(w, "words");
            return this;
        }

        /**
         * When a draft is canned: at least {@code minCopies} (>= 1, default
         * {@value ReplyChecker#DEFAULT_CANNED_MIN_COPIES}) replies already sent in the incident have a similarity of
         * at least {@code minSimilarity} (in (0, 1], default {@value ReplyChecker#DEFAULT_CANNED_MIN_SIMILARITY}).
         */
        public Builder cannedReply(double minSimilarity, int minCopies) {
            if (!(minSimilarity > 0 && minSimilarity <= 1)) {
                throw new IllegalArgumentException("cannedReply minSimilarity must be in (0, 1], was " + minSimilarity);
            }
            if (minCopies < 1) {
                throw new IllegalArgumentException("cannedReply minCopies must be >= 1, was " + minCopies);
            }
            this.cannedMinSimilarity = minSimilarity;
            this.cannedMinCopies = minCopies;
            return this;
        }

        /** Turns a rule off (checked against the known rule ids when building). */
        public Builder disable(String ruleId) {
            ruleChoices.disable(ruleId);
            return this;
        }

        /** Turns a disabled rule back on. */
        public Builder enable(String ruleId) {
            ruleChoices.enable(ruleId);
            return this;
        }

        /** Sets the severity of a rule's findings (checked against the known rule ids when building). */
        public Builder severity(String ruleId, FindingSeverity severity) {
            ruleChoices.severity(ruleId, severity);
            return this;
        }

        /** Adds a rule of the team's own; it runs after the built-in ones. */
        public Builder addRule(ReplyRule rule) {
            ruleChoices.add(rule);
            return this;
        }

        /** The clock stamped on results and given to rules; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The checker.
         *
         * @throws IllegalArgumentException when a rule id given to {@link #disable(String)} or
         *     {@link #severity(String, FindingSeverity)} is unknown, or two rules share an id
         */
        public ReplyChecker build() {
            return new ReplyChecker(this);
        }
    }
}
