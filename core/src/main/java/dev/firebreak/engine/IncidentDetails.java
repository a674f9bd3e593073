package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.detect.Alert;
import dev.firebreak.detect.AuthorSummary;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.ResponsePlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine knows about an incident, for a dashboard, a report or the post-mortem: the
 * snapshot, its history (highest severity, when it became a crisis, the first alert), what it is made
 * of (platforms, categories, hashtags, influential authors, the brand's affected accounts, samples,
 * the bucket timeline), its alerts, its escalation and its plan.
 *
 * @param incident the snapshot
 * @param highestSeverity the highest severity it reached
 * @param crisisAt when it first crossed the line from problem to crisis, if it did
 * @param detectedAt when the engine opened it
 * @param firstAlertAt when its first alert fired, if one did
 * @param lastMentionAt when its last mention was added
 * @param negativeMentions how many of its mentions are negative
 * @param reasons the rules behind its current severity
 * @param platforms mentions per platform
 * @param categories its categories, most frequent first
 * @param hashtags its hashtags, most frequent first
 * @param influentialAuthors its most influential authors
 * @param ownedAccounts the brand's own accounts affected
 * @param atFault whether the brand is treated as at fault (set by a person, else presumed)
 * @param timeline mentions per bucket, oldest first (bounded)
 * @param alerts its alerts, oldest first (bounded)
 * @param samples sample mentions, most influential first
 * @param escalation its escalation status
 * @param plan its response plan
 * @param mergedFrom incidents merged into it
 */
public record IncidentDetails(Incident incident, Severity highestSeverity, Optional<Instant> crisisAt, Instant detectedAt,
        Optional<Instant> firstAlertAt, Instant lastMentionAt, long negativeMentions, List<String> reasons,
        Map<Platform, Long> platforms, List<Category> categories, List<String> hashtags,
        List<AuthorSummary> influentialAuthors, List<String> ownedAccounts, boolean atFault,
        List<TimelineBucket> timeline, List<Alert> alerts, List<Mention> samples, EscalationStatus escalation,
        ResponsePlan plan, List<IncidentId> mergedFrom) {

    /** Validates and copies. */
    public IncidentDetails {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(highestSeverity, "highestSeverity");
        Objects.requireNonNull(crisisAt, "crisisAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(firstAlertAt, "firstAlertAt");
        Objects.requireNonNull(lastMentionAt, "lastMentionAt");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(plan, "plan");
        reasons = List.copyOf(reasons);
        platforms = Map.copyOf(platforms);
        categories = List.copyOf(categories);
        hashtags = List.copyOf(hashtags);
        influentialAuthors = List.copyOf(influentialAuthors);
        ownedAccounts = List.copyOf(ownedAccounts);
        timeline = List.copyOf(timeline);
        alerts = List.copyOf(alerts);
        samples = List.copyOf(samples);
        mergedFrom = List.copyOf(mergedFrom);
    }

    /** Whether it ever was a crisis. */
    public boolean everCrisis() {
        return crisisAt.isPresent();
    }
}
