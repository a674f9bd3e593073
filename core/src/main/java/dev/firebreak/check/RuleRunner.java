package dev.firebreak.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs rules over one post or draft: severities applied, a failing rule reported, not fatal. */
final class RuleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);

    /** One rule, seen the same way whether it checks posts or drafts. */
    interface Body<T> {
        List<Finding> check(T item, CheckContext context);
    }

    private RuleRunner() {
    }

    static <T> List<Finding> run(String itemId, T item, String text, CheckContext context, String ruleId,
            FindingSeverity severity, Map<String, FindingSeverity> overrides, Body<T> body) {
        CheckContext rc = context.forRule(ruleId, severity);
        List<Finding> out = new ArrayList<>();
        List<Finding> found;
        try {
            found = body.check(item, rc);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("rule '{}' failed on '{}': {}", ruleId, itemId, e.toString());
            out.add(failed(ruleId, e.getClass().getSimpleName()));
            return out;
        }
        if (found == null) {
            LOG.warn("rule '{}' returned null for '{}'", ruleId, itemId);
            out.add(failed(ruleId, "no result"));
            return out;
        }
        FindingSeverity override = overrides.get(ruleId);
        for (Finding f : found) {
            if (f == null || !f.rule().equals(ruleId)) {
                LOG.warn("rule '{}' returned a finding of another rule for '{}': {}", ruleId, itemId, f);
                out.add(failed(ruleId, "a finding with another rule id"));
                continue;
            }
            Finding g = override == null ? f : f.withSeverity(override);
            if (g.span().isPresent() && g.span().get().end() > text.length()) {
                TextSpan s = g.span().get();
                int start = Math.min(s.start(), text.length());
                g = new Finding(g.rule(), g.severity(), g.message(), Optional.of(new TextSpan(start, text.length())));
            }
            out.add(g);
        }
        return out;
    }

    private static Finding failed(String ruleId, String why) {
        return Finding.of(ruleId, FindingSeverity.WARNING,
                "This check could not run (" + why + "): look at it yourself before it goes out.");
    }
}
