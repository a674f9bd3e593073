package dev.firebreak.check;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A rule made from a function: what {@link PostRule#of} and {@link ReplyRule#of} return.
 *
 * @param <T> what the rule checks: a {@link PlannedPost} or a {@link ReplyDraft}
 */
abstract class FunctionRule<T> {

    private final String id;
    private final FindingSeverity defaultSeverity;
    private final String description;
    private final BiFunction<T, CheckContext, List<Finding>> check;
    private final String kind;

    FunctionRule(String kind, String id, FindingSeverity defaultSeverity, String description,
            BiFunction<T, CheckContext, List<Finding>> check) {
        this.id = Finding.requireRuleId(id);
        this.defaultSeverity = Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        this.description = Objects.requireNonNull(description, "description");
        this.check = Objects.requireNonNull(check, "check");
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public FindingSeverity defaultSeverity() {
        return defaultSeverity;
    }

    public String description() {
        return description;
    }

    public List<Finding> check(T item, CheckContext context) {
        return check.apply(item, context);
    }

    @Override
    public String toString() {
        return kind + "[" + id + "]";
    }

    /** A {@link PostRule} from a function. */
    static final class Post extends FunctionRule<PlannedPost> implements PostRule {
        Post(String id, FindingSeverity defaultSeverity, String description,
                BiFunction<PlannedPost, CheckContext, List<Finding>> check) {
            super("PostRule", id, defaultSeverity, description, check);
        }
    }

    /** A {@link ReplyRule} from a function. */
    static final class Reply extends FunctionRule<ReplyDraft> implements ReplyRule {
        Reply(String id, FindingSeverity defaultSeverity, String description,
                BiFunction<ReplyDraft, CheckContext, List<Finding>> check) {
            super("ReplyRule", id, defaultSeverity, description, check);
        }
    }
}
