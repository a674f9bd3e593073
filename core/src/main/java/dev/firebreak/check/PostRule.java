package dev.firebreak.check;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A pre-publish check of planned posts. Firebreak's rules implement it, and so can a team's own rules,
 * added with {@link PostChecker.Builder#addRule(PostRule)}.
 *
 * <p>Implementations must be stateless (or thread-safe) and should create their findings with
 * {@link CheckContext#finding(String, TextSpan)}, which stamps the rule's id and configured severity. A rule
 * that throws does not stop the check: the checker reports a {@link FindingSeverity#WARNING} finding saying
 * the rule failed, so the post gets a human look.
 */
public interface PostRule {

    /** The rule's id: 1 to 64 characters of a-z, 0-9 and '-', unique within a checker. */
    String id();

    /** The severity of its findings unless the checker's builder says otherwise. */
    FindingSeverity defaultSeverity();

    /** One line saying what it looks for. */
    default String description() {
        return id();
    }

    /**
     * Checks one post.
     *
     * @return the findings, possibly empty, never {@code null}
     */
    List<Finding> check(PlannedPost post, CheckContext context);

    /** A rule from a function. */
    static PostRule of(String id, FindingSeverity defaultSeverity, String description,
            BiFunction<PlannedPost, CheckContext, List<Finding>> check) {
        return new FunctionRule.Post(id, defaultSeverity, description, check);
    }
}
