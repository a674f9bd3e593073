package dev.firebreak.check;

import dev.firebreak.account.AccountRegistry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule is given to check one post or draft: the time, the crisis state, the account registry, the
 * brand concerned, the word lists, and the rule's own id and configured severity, which
 * {@link #finding(String)} and its variants stamp on the findings they create. Never the whole engine.
 *
 * <p>A context belongs to one check of one post or draft; do not keep it.
 */
public final class CheckContext {

    private final Instant now;
    private final CrisisContext crisis;
    private final AccountRegistry registry;
    private final Optional<String> brand;
    private final CheckWords words;
    private final String ruleId;
    private final FindingSeverity severity;
    private final Shared shared;

    /** State shared by the per-rule views of one check. */
    static final class Shared {
        private final String text;
        private TextAnalysis analysis;

        Shared(String text) {
            this.text = text;
        }
    }

    private CheckContext(Instant now, CrisisContext crisis, AccountRegistry registry, Optional<String> brand,
            CheckWords words, String ruleId, FindingSeverity severity, Shared shared) {
        this.now = now;
        this.crisis = crisis;
        this.registry = registry;
        this.brand = brand;
        this.words = words;
        this.ruleId = ruleId;
        this.severity = severity;
        this.shared = shared;
    }

    static CheckContext create(Instant now, CrisisContext crisis, AccountRegistry registry, Optional<String> brand,
            CheckWords words, String text) {
        return new CheckContext(Objects.requireNonNull(now, "now"), Objects.requireNonNull(crisis, "crisis"),
                Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(brand, "brand"),
                Objects.requireNonNull(words, "words"), "unset", FindingSeverity.WARNING, new Shared(text));
    }

    /** The view of this context for one rule, with its configured severity. */
    CheckContext forRule(String id, FindingSeverity s) {
        return new CheckContext(now, crisis, registry, brand, words, id, s, shared);
    }

    /** When the check runs, from the checker's clock. */
    public Instant now() {
        return now;
    }

    /** The crisis state: active incidents, hashtag statistics, replies already sent. */
    public CrisisContext crisis() {
        return crisis;
    }

    /** The brand's accounts and their owners; empty when the checker has none. */
    public AccountRegistry registry() {
        return registry;
    }

    /**
     * The brand the post speaks for (given on the post or found through the registry), or the brand of the
     * draft's incident; empty when unknown.
     */
    public Optional<String> brand() {
        return brand;
    }

    /** The word lists, the team's own included. */
    public CheckWords words() {
        return words;
    }

    /** The id of the rule this context was given to. */
    public String ruleId() {
        return ruleId;
    }

    /** The severity configured for this rule (its default unless the checker's builder changed it). */
    public FindingSeverity severity() {
        return severity;
    }

    /** A finding of this rule, at its configured severity, about the whole text. */
    public Finding finding(String message) {
        return Finding.of(ruleId, severity, message);
    }

    /** A finding of this rule, at its configured severity, about a part of the text. */
    public Finding finding(String message, TextSpan span) {
        return Finding.at(ruleId, severity, message, span);
    }

    /** A finding of this rule, at its configured severity, about {@code text.substring(start, end)}. */
    public Finding finding(String message, int start, int end) {
        return finding(message, new TextSpan(start, end));
    }

    TextAnalysis analysis() {
        if (shared.analysis == null) {
            shared.analysis = new TextAnalysis(shared.text, words);
        }
        return shared.analysis;
    }
}
