package dev.firebreak.plan;

import dev.firebreak.classify.Category;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The response plan written in advance, as data: an ordered list of {@link PlaybookEntry entries} that
 * turn an incident's severity, topic, main category, main platform and fault into a
 * {@link ResponsePlan}. When two entries of the same kind apply, the first one wins.
 *
 * <p>The {@linkplain #defaults() defaults} encode the practitioners' rules:
 * <ul>
 *   <li>a <b>problem</b> (low, moderate) gets the standard customer-service response: acknowledge
 *       personally within 30 minutes, move to a private channel, apologise (at fault) or explain the
 *       policy (not at fault), fix it (replacement, refund, coupon); a moderate problem also makes a
 *       manager aware and answers every unhappy customer one by one;</li>
 *   <li>a <b>crisis</b> (high, critical) calls in the contact list and pauses scheduled posts, ads and
 *       e-mails within 15 minutes, acknowledges publicly and puts out a holding statement within 30
 *       minutes, apologises or explains, publishes the official statement on an owned channel first
 *       (communications within 4 hours; the executive within 2 hours when critical), answers the most
 *       negative and influential voices one by one, takes individual cases private, takes corrective
 *       action and ends with a post-mortem review;</li>
 *   <li>a reaction to the brand's <b>own post</b>, or offensive brand content, adds "weigh deletion
 *       (screenshots persist)".</li>
 * </ul>
 *
 * <p>Whether the brand is at fault: set by a person on the incident, else presumed from the topic and
 * category: the brand's own post, or a main category in {@link #faultCategories()} (by default every
 * built-in category except boycott and legal).
 */
public final class Playbook {

    private final List<PlaybookEntry> entries;
    private final Set<Category> faultCategories;

    private Playbook(List<PlaybookEntry> entries, Set<Category> faultCategories) {
        this.entries = List.copyOf(entries);
        this.faultCategories = Set.copyOf(faultCategories);
    }

    /** A playbook of these entries, in order, presuming fault for these categories. */
    public static Playbook of(List<PlaybookEntry> entries, Set<Category> faultCategories) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(faultCategories, "faultCategories");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a playbook needs at least one entry");
        }
        return new Playbook(entries, faultCategories);
    }

    /** The entries, in order. */
    public List<PlaybookEntry> entries() {
        return entries;
    }

    /** The main categories for which the brand is presumed at fault. */
    public Set<Category> faultCategories() {
        return faultCategories;
    }

    /** This playbook with these entries instead. */
    public Playbook withEntries(List<PlaybookEntry> entries) {
        return of(entries, faultCategories);
    }

    /** This playbook presuming fault for these categories instead. */
    public Playbook withFaultCategories(Set<Category> categories) {
        return of(entries, categories);
    }

    /** Whether the brand is presumed at fault for an incident with this topic and main category. */
    public boolean presumedAtFault(Topic topic, Optional<Category> category) {
        return topic.kind() == Topic.Kind.OWN_POST || category.isPresent() && faultCategories.contains(category.get());
    }

    /** The plan for a context: the applicable steps in entry order, due from {@code context.basis()}. */
    public ResponsePlan plan(PlanContext context) {
        Objects.requireNonNull(context, "context");
        List<PlanStep> steps = new ArrayList<>();
        Set<StepKind> seen = EnumSet.noneOf(StepKind.class);
        for (PlaybookEntry e : entries) {
            if (e.appliesTo(context) && seen.add(e.kind())) {
                steps.add(PlanStep.open(e.kind(), e.owner(), context.basis().plus(e.dueAfter()), e.guidance()));
            }
        }
        return new ResponsePlan(context.incident(), context.severity(), steps);
    }

    /**
     * Remakes a plan for a new context (after a severity change) at {@code now}. Done steps stay done
     * (a done step the new plan no longer lists is kept at the end); a step both plans list keeps the
     * earlier of its old due time and {@code now + dueAfter}; a new step is due {@code dueAfter} after
     * {@code now}; open steps the new plan does not list are dropped.
     */
    public ResponsePlan update(ResponsePlan previous, PlanContext context, Instant now) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
        ResponsePlan fresh = plan(new PlanContext(context.incident(), context.severity(), context.topic(),
                context.category(), context.platform(), context.atFault(), now));
        List<PlanStep> steps = new ArrayList<>(fresh.steps().size() + 2);
        Set<StepKind> listed = EnumSet.noneOf(StepKind.class);
        for (PlanStep s : fresh.steps()) {
            listed.add(s.kind());
            Optional<PlanStep> old = previous.step(s.kind());
            if (old.isPresent() && old.get().isDone()) {
                steps.add(old.get());
            } else if (old.isPresent() && old.get().due().isBefore(s.due())) {
                steps.add(PlanStep.open(s.kind(), s.owner(), old.get().due(), s.guidance()));
            } else {
                steps.add(s);
            }
        }
        for (PlanStep s : previous.steps()) {
            if (s.isDone() && !listed.contains(s.kind())) {
                steps.add(s);
            }
        }
        return new ResponsePlan(context.incident(), context.severity(), steps);
    }

    /** The kinds in {@code now} that were not in {@code before}. */
    public static List<StepKind> added(ResponsePlan before, ResponsePlan now) {
        Set<StepKind> had = EnumSet.noneOf(StepKind.class);
        for (PlanStep s : before.steps()) {
            had.add(s.kind());
        }
        List<StepKind> out = new ArrayList<>();
        for (PlanStep s : now.steps()) {
            if (!had.contains(s.kind())) {
                out.add(s.kind());
            }
        }
        return out;
    }

    /** The default playbook described in the class comment. */
    public static Playbook defaults() {
        Severity low = Severity.LOW;
        Severity moderate = Severity.MODERATE;
        Severity high = Severity.HIGH;
        Severity critical = Severity.CRITICAL;
        List<PlaybookEntry> e = new ArrayList<>();
        // ---- the standard customer-service response to a problem
        e.add(PlaybookEntry.of(StepKind.ACKNOWLEDGE, Role.CUSTOMER_SERVICE, Duration.ofMinutes(30), low, moderate,
                "Reply to the customer personally and directly: thank them, say you are looking into it and when "
                        + "they will hear back. Use their name; no pasted template."));
        e.add(PlaybookEntry.of(StepKind.MOVE_TO_PRIVATE, Role.CUSTOMER_SERVICE, Duration.ofHours(1), low, moderate,
                "Offer to continue in a private channel (direct message, e-mail or phone) for order numbers and "
                        + "personal details."));
        e.add(PlaybookEntry.of(StepKind.APOLOGISE, Role.CUSTOMER_SERVICE, Duration.ofHours(2), low, moderate,
                "Apologise plainly where the brand is at fault, say what you will do and when. Do not blame others "
                        + "or 'technology'.").when(PlaybookEntry.Fault.AT_FAULT));
        e.add(PlaybookEntry.of(StepKind.EXPLAIN_POLICY, Role.CUSTOMER_SERVICE, Duration.ofHours(2), low, moderate,
                "Explain the policy politely and truthfully where the brand is not at fault; do not argue.")
                .when(PlaybookEntry.Fault.NOT_AT_FAULT));
        e.add(PlaybookEntry.of(StepKind.NOTIFY_CONTACTS, Role.MANAGER, Duration.ofHours(1), moderate, moderate,
                "Make the manager aware: the problem is growing or recurring. Be ready to escalate."));
        e.add(PlaybookEntry.of(StepKind.ANSWER_KEY_VOICES, Role.CUSTOMER_SERVICE, Duration.ofHours(4), moderate,
                moderate, "Answer each unhappy customer one by one with a specific reply; no copy-pasted answers."));
        // ---- the coordinated response to a crisis
        e.add(PlaybookEntry.of(StepKind.NOTIFY_CONTACTS, Role.COMMUNICATIONS, Duration.ofMinutes(15), high, critical,
                "Call in the contact list now: communications, management and, as the case needs, HR, legal, "
                        + "marketing, logistics. Assess the damage so far, the affected accounts, the trends in the "
                        + "comments and who is affected."));
        e.add(PlaybookEntry.of(StepKind.PAUSE_SCHEDULED, Role.COMMUNICATIONS, Duration.ofMinutes(15), high, critical,
                "Pause scheduled posts, ads and marketing e-mails: unrelated cheerful content during a crisis looks "
                        + "like indifference. Until the statement is out, silence beats business as usual."));
        e.add(PlaybookEntry.of(StepKind.ACKNOWLEDGE, Role.CUSTOMER_SERVICE, Duration.ofMinutes(30), high, critical,
                "Acknowledge publicly where the storm is, quickly and personally: you have seen it and are working "
                        + "on it. Answer before someone else does, even before every fact is known."));
        e.add(PlaybookEntry.of(StepKind.HOLDING_STATEMENT, Role.COMMUNICATIONS, Duration.ofMinutes(30), high,
                critical, "Publish a short holding statement: what you know, that you are on it, when the next "
                        + "update comes."));
        e.add(PlaybookEntry.of(StepKind.WEIGH_DELETION, Role.COMMUNICATIONS, Duration.ofHours(1), low, critical,
                "Weigh deleting the offending post: it stops spreading on this platform, but screenshots remain. If "
                        + "you delete it, say so openly; never delete critics' comments to hide the storm.")
                .forTopics(Set.of(Topic.Kind.OWN_POST)));
        e.add(PlaybookEntry.of(StepKind.WEIGH_DELETION, Role.COMMUNICATIONS, Duration.ofHours(1), high, critical,
                "Weigh deleting the offending content: it stops spreading on this platform, but screenshots "
                        + "remain. Deleting is a decision, not a fix.")
                .forCategories(Set.of(Category.OFFENSIVE_CONTENT)));
        e.add(PlaybookEntry.of(StepKind.APOLOGISE, Role.COMMUNICATIONS, Duration.ofHours(2), high, critical,
                "Apologise right away and own the mistake in plain words ('We were wrong'); say what you are doing "
                        + "about it and when it will improve. Do not blame others, do not disqualify yourself, no "
                        + "humour.").when(PlaybookEntry.Fault.AT_FAULT));
        e.add(PlaybookEntry.of(StepKind.EXPLAIN_POLICY, Role.COMMUNICATIONS, Duration.ofHours(2), high, critical,
                "Explain the facts and the policy calmly and truthfully: professional and prompt, never the first "
                        + "knee-jerk reaction.").when(PlaybookEntry.Fault.NOT_AT_FAULT));
        e.add(PlaybookEntry.of(StepKind.OFFICIAL_STATEMENT, Role.EXECUTIVE, Duration.ofHours(2), critical, critical,
                "Publish the official statement on an owned channel first (website or blog), signed by the "
                        + "executive, then link it from every affected account. An apology 48 hours later is too late."));
        e.add(PlaybookEntry.of(StepKind.OFFICIAL_STATEMENT, Role.COMMUNICATIONS, Duration.ofHours(4), high, high,
                "Publish the official statement on an owned channel first (website or blog), then link it from "
                        + "every affected account."));
        e.add(PlaybookEntry.of(StepKind.ANSWER_KEY_VOICES, Role.CUSTOMER_SERVICE, Duration.ofHours(6), high, critical,
                "Answer genuine reviewers one by one with specific replies; report coordinated fake reviews to the "
                        + "store instead of arguing with them.").forPlatforms(Set.of(Platform.REVIEWS)));
        e.add(PlaybookEntry.of(StepKind.ANSWER_KEY_VOICES, Role.CUSTOMER_SERVICE, Duration.ofHours(6), high, critical,
                "Answer the most negative and most influential voices one by one, each reply specific (templates "
                        + "only to start one). Do not argue or take it personally; never use fake accounts."));
        e.add(PlaybookEntry.of(StepKind.MOVE_TO_PRIVATE, Role.CUSTOMER_SERVICE, Duration.ofHours(6), high, critical,
                "Take individual affected customers to a private channel to solve their case."));
        e.add(PlaybookEntry.of(StepKind.CORRECTIVE_ACTION, Role.CUSTOMER_SERVICE, Duration.ofHours(24), low, moderate,
                "Fix it with the standard remedy: a replacement, a refund, a coupon or a discount."));
        e.add(PlaybookEntry.of(StepKind.CORRECTIVE_ACTION, Role.EXECUTIVE, Duration.ofHours(72), critical, critical,
                "Take corrective action, which speaks loudest: fix the cause, withdraw the offending content, train "
                        + "staff, make amends; say publicly what changed."));
        e.add(PlaybookEntry.of(StepKind.CORRECTIVE_ACTION, Role.MANAGER, Duration.ofHours(72), high, high,
                "Take corrective action, which speaks loudest: fix the cause, withdraw the offending content, train "
                        + "staff, make amends; say publicly what changed."));
        e.add(PlaybookEntry.of(StepKind.POST_MORTEM, Role.MANAGER, Duration.ofDays(7), high, critical,
                "After the crisis: stay vigilant, review this incident's timeline, adjust the guidelines, the "
                        + "pre-publication protocol and the escalation plan."));
        Set<Category> fault = new LinkedHashSet<>(Category.BUILT_IN);
        fault.remove(Category.BOYCOTT);
        fault.remove(Category.LEGAL);
        return new Playbook(e, fault);
    }
}
