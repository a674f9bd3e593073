package dev.firebreak.check;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.check.internal.TextScan;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks planned posts before they are published: the pre-publication protocol of the guides, as rules.
 *
 * <p>Built-in rules (ids are constants of this class; default severities in brackets):
 * <ul>
 *   <li>{@value #SENSITIVE_TOPIC} [warning]: religion, politics, violence, tragedy, disasters in en, fr, de,
 *       es, it, pt, nb, nn and zh;</li>
 *   <li>{@value #INCIDENT_HASHTAG} [block]: a hashtag that is part of an active incident;</li>
 *   <li>{@value #WATCHED_HASHTAG} [warning]: a hashtag on the team's watch list;</li>
 *   <li>{@value #NEGATIVE_HASHTAG} [warning]: a hashtag mostly negative in recent mentions;</li>
 *   <li>{@value #PERSONAL_MESSAGE} [warning]: a personal, first-person, casual message on a brand account;</li>
 *   <li>{@value #UNREGISTERED_ACCOUNT} [block]: the account is not in the registry (only with a registry);</li>
 *   <li>{@value #NOT_ACCOUNT_OWNER} [block]: the poster is neither the owner nor a delegate of the account;</li>
 *   <li>{@value #MALFORMED_LINK} [block]: a broken link or a placeholder left where a link should be;</li>
 *   <li>{@value #UNKNOWN_HANDLE} [warning]: an {@code @handle} that is not known (only when some handles are
 *       known, from the registry or {@link Builder#knownHandles(Collection)}), look-alikes named;</li>
 *   <li>{@value #CRISIS_CHEERFUL} [block]: cheerful or promotional content while the brand is in crisis;</li>
 *   <li>{@value #CRISIS_APPROVAL} [block]: in crisis mode every post needs {@link PlannedPost#approvedBy()}.</li>
 * </ul>
 * The brand of a post is {@link PlannedPost#brand()}, else the brand of its account in the registry; a post
 * whose brand is unknown is checked against every brand's crisis.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * PostChecker checker = PostChecker.builder()
 *         .registry(registry)
 *         .crisisContext(crisisContext)
 *         .watchHashtags(List.of("whyistayed"))
 *         .build();
 * CheckResult r = checker.check(PlannedPost.of("p1", "twitter:acme", "Flash sale! 40% off today"));
 * if (!r.ok()) { ... r.findings() ... }
 * }</pre>
 */
public final class PostChecker {

    /** Rule id: sensitive topics. */
    public static final String SENSITIVE_TOPIC = "sensitive-topic";
    /** Rule id: a hashtag that is part of an active incident. */
    public static final String INCIDENT_HASHTAG = "incident-hashtag";
    /** Rule id: a hashtag on the watch list. */
    public static final String WATCHED_HASHTAG = "watched-hashtag";
    /** Rule id: a hashtag mostly negative in recent mentions. */
    public static final String NEGATIVE_HASHTAG = "negative-hashtag";
    /** Rule id: a personal message about to go out on a brand account. */
    public static final String PERSONAL_MESSAGE = "personal-message";
    /** Rule id: an account not in the registry. */
    public static final String UNREGISTERED_ACCOUNT = "unregistered-account";
    /** Rule id: the poster is not the account's owner or a delegate. */
    public static final String NOT_ACCOUNT_OWNER = "not-account-owner";
    /** Rule id: a broken or placeholder link. */
    public static final String MALFORMED_LINK = "malformed-link";
    /** Rule id: an unknown {@code @handle}. */
    public static final String UNKNOWN_HANDLE = "unknown-handle";
    /** Rule id: cheerful or promotional content during a crisis. */
    public static final String CRISIS_CHEERFUL = "crisis-cheerful";
    /** Rule id: a post without approval during a crisis. */
    public static final String CRISIS_APPROVAL = "crisis-approval";

    /** Default of {@link Builder#negativeHashtag(long, double)}: at least this many recent mentions. */
    public static final long DEFAULT_NEGATIVE_MIN_MENTIONS = 20;
    /** Default of {@link Builder#negativeHashtag(long, double)}: at least this share negative. */
    public static final double DEFAULT_NEGATIVE_MIN_SHARE = 0.6;

    private final Builder config;
    private final RuleSet<PostRule> rules;

    private PostChecker(Builder b) {
        this.config = b.copy();
        PostRules.Settings settings = new PostRules.Settings(Set.copyOf(b.watch), Set.copyOf(b.knownHandles),
                b.negativeMinMentions, b.negativeMinShare);
        this.rules = new RuleSet<>(PostRules.builtIn(settings), b.ruleChoices, PostRule::defaultSeverity);
    }

    /** A checker with every built-in rule, no registry, no crisis, the shipped word lists. */
    public static PostChecker defaults() {
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
    public List<PostRule> rules() {
        return rules.rules();
    }

    /** The severity each enabled rule reports with, by rule id. */
    public Map<String, FindingSeverity> severities() {
        return rules.severities();
    }

    /** Checks a post against the crisis context given to the builder. */
    public CheckResult check(PlannedPost post) {
        return check(post, config.crisis);
    }

    /**
     * Checks a post against this crisis context (for example {@code engine.crisisContext(brand)}).
     *
     * @return the findings; {@link CheckResult#ok()} is false if one of them is {@link FindingSeverity#BLOCK}
     */
    public CheckResult check(PlannedPost post, CrisisContext crisis) {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(crisis, "crisis");
        CheckContext context = CheckContext.create(config.clock.instant(), crisis, config.registry,
                brandOf(post, config.registry), config.words, post.text());
        return rules.check(post.id(), post, post.text(), context, r -> r::check);
    }

    /** The post's brand: given on the post, else its account's in the registry when that is unambiguous. */
    static Optional<String> brandOf(PlannedPost post, AccountRegistry registry) {
        if (post.brand().isPresent()) {
            return post.brand();
        }
        Set<String> brands = new LinkedHashSet<>();
        for (OwnedAccount a : registry.find(post.account())) {
            brands.add(a.brand());
        }
        return brands.size() == 1 ? Optional.of(brands.iterator().next()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PostChecker" + rules.ids();
    }

    /** Configures a {@link PostChecker}; setters fail fast on bad values. Not thread-safe. */
    public static final class Builder {
        private AccountRegistry registry = AccountRegistry.empty();
        private CrisisContext crisis = CrisisContext.none();
        private CheckWords words = CheckWords.defaults();
        private final Set<String> watch = new LinkedHashSet<>();
        private final Set<String> knownHandles = new LinkedHashSet<>();
        private long negativeMinMentions = DEFAULT_NEGATIVE_MIN_MENTIONS;
        private double negativeMinShare = DEFAULT_NEGATIVE_MIN_SHARE;
        private RuleSet.Choices<PostRule> ruleChoices = new RuleSet.Choices<>(PostRule::id);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        Builder copy() {
            Builder b = new Builder();
            b.registry = registry;
            b.crisis = crisis;
            b.words = words;
            b.watch.addAll(watch);
            b.knownHandles.addAll(knownHandles);
            b.negativeMinMentions = negativeMinMentions;
            b.negativeMinShare = negativeMinShare;
            b.ruleChoices = ruleChoices.copy();
            b.clock = clock;
            return b;
        }

        /** The brand's accounts and owners; default empty (the account rules then stay silent). */
        public Builder registry(AccountRegistry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        /** The crisis state used by {@link PostChecker#check(PlannedPost)}; default {@link CrisisContext#none()}. */
        public Builder crisisContext(CrisisContext c) {
            this.crisis = Objects.requireNonNull(c, "crisisContext");
            return this;
        }

        /** The word lists; default {@link CheckWords#defaults()}. */
        public Builder words(CheckWords w) {
            this.words = Objects.requireNonNull(w, "words");
            return this;
        }

        /** Adds hashtags to the watch list (with or without {@code #}, any case). */
        public Builder watchHashtags(Collection<String> tags) {
            Objects.requireNonNull(tags, "watchHashtags");
            for (String t : tags) {
                String n = TextScan.normaliseTag(Objects.requireNonNull(t, "hashtag"));
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("watchHashtags: a hashtag must not be empty");
                }
                watch.add(n);
            }
            return this;
        }

        /** Adds handles the team tags on purpose (partners, carriers...), besides the registry's own. */
        public Builder knownHandles(Collection<String> handles) {
            Objects.requireNonNull(handles, "knownHandles");
            for (String h : handles) {
                String n = TextScan.normaliseHandle(Objects.requireNonNull(h, "handle"));
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("knownHandles: a handle must not be empty");
                }
                knownHandles.add(n);
            }
            return this;
        }

        /**
         * When a hashtag counts as mostly negative: at least {@code minMentions} recent mentions (>= 1, default
         * {@value PostChecker#DEFAULT_NEGATIVE_MIN_MENTIONS}) of which at least {@code minShare} (in (0, 1],
         * default {@value PostChecker#DEFAULT_NEGATIVE_MIN_SHARE}) are negative.
         */
        public Builder negativeHashtag(long minMentions, double minShare) {
            if (minMentions < 1) {
                throw new IllegalArgumentException("negativeHashtag minMentions must be >= 1, was " + minMentions);
            }
            if (!(minShare > 0 && minShare <= 1)) {
                throw new IllegalArgumentException("negativeHashtag minShare must be in (0, 1], was " + minShare);
            }
            this.negativeMinMentions = minMentions;
            this.negativeMinShare = minShare;
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
        public Builder addRule(PostRule rule) {
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
        public PostChecker build() {
            return new PostChecker(this);
        }
    }
}
