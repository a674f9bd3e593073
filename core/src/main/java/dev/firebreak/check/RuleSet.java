package dev.firebreak.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The enabled rules of a checker and the severity each reports with: the machinery shared by
 * {@link PostChecker} (rules of type {@link PostRule}) and {@link ReplyChecker} (rules of type {@link ReplyRule}).
 *
 * @param <R> the rule type
 */
final class RuleSet<R> {

    /**
     * What a checker's builder holds about its rules: the team's own rules, the disabled ids and the severity
     * overrides. Mutable, like the builders that own it.
     */
    static final class Choices<R> {
        private final Set<String> disabled = new LinkedHashSet<>();
        private final Map<String, FindingSeverity> severities = new LinkedHashMap<>();
        private final List<R> custom = new ArrayList<>();
        private final Function<R, String> id;

        Choices(Function<R, String> id) {
            this.id = id;
        }

        Choices<R> copy() {
            Choices<R> c = new Choices<>(id);
            c.disabled.addAll(disabled);
            c.severities.putAll(severities);
            c.custom.addAll(custom);
            return c;
        }

        void disable(String ruleId) {
            disabled.add(Finding.requireRuleId(ruleId));
        }

        void enable(String ruleId) {
            disabled.remove(Finding.requireRuleId(ruleId));
        }

        void severity(String ruleId, FindingSeverity severity) {
            severities.put(Finding.requireRuleId(ruleId), Objects.requireNonNull(severity, "severity"));
        }

        void add(R rule) {
            Objects.requireNonNull(rule, "rule");
            Finding.requireRuleId(id.apply(rule));
            custom.add(rule);
        }
    }

    private final Function<R, String> id;
    private final List<R> rules;
    private final Map<String, FindingSeverity> severities;
    private final Map<String, FindingSeverity> overrides;

    /**
     * The built-in rules followed by the team's own, less the disabled ones.
     *
     * @throws IllegalArgumentException when a disabled or re-rated rule id is unknown, or two rules share an id
     */
    RuleSet(List<R> builtIn, Choices<R> choices, Function<R, FindingSeverity> defaultSeverity) {
        this.id = choices.id;
        Map<String, R> all = new LinkedHashMap<>();
        for (R r : builtIn) {
            all.put(id.apply(r), r);
        }
        for (R r : choices.custom) {
            String ruleId = id.apply(r);
            if (all.containsKey(ruleId)) {
                throw new IllegalArgumentException("rule id '" + ruleId + "' is used twice; rule ids must be unique");
            }
            all.put(ruleId, r);
        }
        for (String ruleId : choices.disabled) {
            requireKnown(ruleId, all.keySet(), "disable");
        }
        for (String ruleId : choices.severities.keySet()) {
            requireKnown(ruleId, all.keySet(), "severity");
        }
        List<R> enabled = new ArrayList<>();
        Map<String, FindingSeverity> sev = new LinkedHashMap<>();
        for (Map.Entry<String, R> e : all.entrySet()) {
            String ruleId = e.getKey();
            if (!choices.disabled.contains(ruleId)) {
                enabled.add(e.getValue());
                FindingSeverity byDefault = Objects.requireNonNull(defaultSeverity.apply(e.getValue()),
                        "defaultSeverity of rule " + ruleId);
                sev.put(ruleId, choices.severities.getOrDefault(ruleId, byDefault));
            }
        }
        this.rules = List.copyOf(enabled);
        this.severities = Map.copyOf(sev);
        this.overrides = Map.copyOf(choices.severities);
    }

    private static void requireKnown(String id, Set<String> known, String setting) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException(setting + ": unknown rule id '" + id + "'; known rules are "
                    + String.join(", ", known));
        }
    }

    /** The enabled rules, built-in ones first, in the order they run. */
    List<R> rules() {
        return rules;
    }

    /** The severity each enabled rule reports with, by rule id. */
    Map<String, FindingSeverity> severities() {
        return severities;
    }

    /** Runs every enabled rule over one item (see {@link RuleRunner}): a failing rule is reported, not fatal. */
    <T> CheckResult check(String itemId, T item, String text, CheckContext context,
            Function<R, RuleRunner.Body<T>> body) {
        List<Finding> findings = new ArrayList<>();
        for (R r : rules) {
            String ruleId = id.apply(r);
            findings.addAll(RuleRunner.run(itemId, item, text, context, ruleId, severities.get(ruleId), overrides,
                    body.apply(r)));
        }
        return new CheckResult(itemId, findings, context.now());
    }

    /** The enabled rule ids, for {@code toString()}. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (R r : rules) {
            ids.add(id.apply(r));
        }
        return ids;
    }
}
