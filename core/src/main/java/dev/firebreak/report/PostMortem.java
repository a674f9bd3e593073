package dev.firebreak.report;

import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.escalation.Role;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The post-mortem of one incident, computed from its audit trail and details: how fast it was detected,
 * acknowledged and answered, which deadlines were missed, how volume, negativity and reach moved over
 * time, which plan steps were done and how late, and what the first public response changed. Export it
 * with {@link PostMortemJson} or {@link PostMortemHtml}.
 *
 * <pre>{@code
 * PostMortem pm = PostMortem.of(engine.details(id).orElseThrow(), engine.auditTrail(id));
 * Files.writeString(Path.of("postmortem.html"), PostMortemHtml.render("Kestrel, March", List.of(pm)));
 * }</pre>
 *
 * @param incident the incident's id
 * @param brand its brand
 * @param topic its topic
 * @param highestSeverity the highest severity it reached
 * @param crisisAt when it became a crisis, if it did
 * @param state its handling state at the time of the report
 * @param firstMentionAt its earliest related mention
 * @param detectedAt when the engine raised the alert on it (its first alert, or its opening when no
 *     signal fired)
 * @param acknowledgedAt the first acknowledgement, if any
 * @param acknowledgedBy who
 * @param firstResponseAt the brand's first public reply, if any
 * @param firstResponseBy who
 * @param deadlinesMet deadlines met
 * @param deadlinesMissed deadlines missed, oldest first
 * @param escalations moves up the ladder and reminders, oldest first
 * @param severities the severity from its opening on, one entry per change
 * @param buckets mentions per detection bucket (buckets with mentions only), oldest first
 * @param mentions mentions in the incident
 * @param negativeShare its share of negative mentions
 * @param reach followers of its distinct authors
 * @param steps its plan's steps, with when they were done
 * @param publishing pauses and resumes of scheduled content
 * @param responseEffect sentiment and negative share before and after the first public response, if
 *     there was one and mentions on both sides
 * @param trail the whole audit trail
 */
public record PostMortem(IncidentId incident, String brand, String topic, Severity highestSeverity,
        Optional<Instant> crisisAt, IncidentState state, Instant firstMentionAt, Instant detectedAt,
        Optional<Instant> acknowledgedAt, Optional<String> acknowledgedBy, Optional<Instant> firstResponseAt,
        Optional<String> firstResponseBy, int deadlinesMet, List<Deadline> deadlinesMissed,
        List<Escalation> escalations, List<SeverityAt> severities, List<Bucket> buckets, long mentions,
        double negativeShare, long reach, List<Step> steps, List<AuditRecord> publishing,
        Optional<ResponseEffect> responseEffect, List<AuditRecord> trail) {

    /** Validates and copies. */
    public PostMortem {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(highestSeverity, "highestSeverity");
        Objects.requireNonNull(crisisAt, "crisisAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firstMentionAt, "firstMentionAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(firstResponseAt, "firstResponseAt");
        Objects.requireNonNull(firstResponseBy, "firstResponseBy");
        Objects.requireNonNull(responseEffect, "responseEffect");
        deadlinesMissed = List.copyOf(deadlinesMissed);
        escalations = List.copyOf(escalations);
        severities = List.copyOf(severities);
        buckets = List.copyOf(buckets);
        steps = List.copyOf(steps);
        publishing = List.copyOf(publishing);
        trail = List.copyOf(trail);
    }

    /** A missed deadline: what was due when, at which level. */
    public record Deadline(String kind, Instant due, Instant missedAt, int level, String role) {
    }

    /** A move up the ladder (or a reminder at the top) and whom it called. */
    public record Escalation(Instant at, int level, String role, String notified, String cause, boolean reminder) {
    }

    /** The severity from {@code at} on. */
    public record SeverityAt(Instant at, Severity severity) {
    }

    /**
     * One detection bucket of the incident.
     *
     * @param start its start
     * @param end its end
     * @param mentions mentions attached in it
     * @param negatives negative ones among them
     * @param sentiment mean sentiment of the attached mentions whose classification was seen, if any
     * @param reach the incident's reach at the end of the bucket
     * @param total the incident's mentions at the end of the bucket
     */
    public record Bucket(Instant start, Instant end, long mentions, long negatives, Optional<Double> sentiment, long reach,
            long total) {
        /** Negative share in the bucket. */
        public double negativeShare() {
            return mentions == 0 ? 0 : (double) negatives / mentions;
        }
    }

    /**
     * A plan step and its outcome.
     *
     * @param late how late it was done (zero when on time), if done
     */
    public record Step(StepKind kind, Role owner, Instant due, Optional<Instant> doneAt, Optional<String> doneBy,
            Optional<Duration> late) {
    }

    /**
     * What the first public response changed: the mentions before it and after it.
     *
     * @param sentimentBefore mean sentiment of the mentions attached before the response
     * @param sentimentAfter mean sentiment of those attached after it
     * @param negativeShareBefore negative share before
     * @param negativeShareAfter negative share after
     * @param mentionsBefore mentions attached before
     * @param mentionsAfter mentions attached after
     */
    public record ResponseEffect(double sentimentBefore, double sentimentAfter, double negativeShareBefore,
            double negativeShareAfter, long mentionsBefore, long mentionsAfter) {
    }

    /** From the first related mention to the engine flagging it. */
    public Duration timeToDetect() {
        return Duration.between(firstMentionAt, detectedAt).isNegative() ? Duration.ZERO
                : Duration.between(firstMentionAt, detectedAt);
    }

    /** From the engine flagging it to the first acknowledgement. */
    public Optional<Duration> timeToAcknowledge() {
        return acknowledgedAt.map(a -> nonNegative(Duration.between(detectedAt, a)));
    }

    /** From the engine flagging it to the first public response. */
    public Optional<Duration> timeToFirstResponse() {
        return firstResponseAt.map(a -> nonNegative(Duration.between(detectedAt, a)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The bucket with the most mentions (the earliest on a tie), if any. */
    public Optional<Bucket> peak() {
        Bucket best = null;
        for (Bucket b : buckets) {
            if (best == null || b.mentions() > best.mentions()) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The post-mortem of an incident.
     *
     * @param details what the engine holds about it ({@code CrisisEngine.details(id)})
     * @param trail its audit trail ({@code CrisisEngine.auditTrail(id)})
     */
    public static PostMortem of(IncidentDetails details, List<AuditRecord> trail) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(trail, "trail");
        Instant detected = details.firstAlertAt().filter(a -> a.isBefore(details.detectedAt()))
                .orElse(details.detectedAt());
        Instant ackAt = null;
        String ackBy = null;
        Instant replyAt = null;
        String replyBy = null;
        int met = 0;
        List<Deadline> missed = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        List<SeverityAt> severities = new ArrayList<>();
        List<Bucket> buckets = new ArrayList<>();
        List<AuditRecord> publishing = new ArrayList<>();
        for (AuditRecord r : trail) {
            switch (r.action()) {
                case OPENED:
                    severities.add(new SeverityAt(r.at(), Severity.fromJson(r.detail("severity").orElse("low"))));
                    break;
                case SEVERITY_CHANGED:
                    severities.add(new SeverityAt(r.at(), Severity.fromJson(r.detail("to").orElseThrow())));
                    break;
                case ACKNOWLEDGED:
                    if (ackAt == null) {
                        ackAt = r.at();
                        ackBy = r.actor();
                    }
                    break;
                case PUBLIC_REPLY:
                    if (replyAt == null) {
                        replyAt = r.at();
                        replyBy = r.actor();
                    }
                    break;
                case DEADLINE_MET:
                    met++;
                    break;
                case DEADLINE_MISSED:
                    missed.add(new Deadline(r.detail("kind").orElse("?"), r.instant("due").orElse(r.at()), r.at(),
                            (int) r.number("level", 0), r.detail("role").orElse("?")));
                    break;
                case ESCALATED:
                case REMINDED:
                    escalations.add(new Escalation(r.at(), (int) r.number("toLevel", 0), r.detail("role").orElse("?"),
                            r.detail("notified").orElse(""), r.detail("cause").orElse(""),
                            r.action() == AuditAction.REMINDED));
                    break;
                case MENTIONS_ATTACHED:
                    long n = r.number("sentimentCount", 0);
                    buckets.add(new Bucket(r.instant("bucket").orElse(r.at()), r.at(), r.number("mentions", 0),
                            r.number("negatives", 0), n == 0 ? Optional.empty()
                            : Optional.of(r.decimal("sentimentSum", 0) / n), r.number("reach", 0),
                            r.number("total", 0)));
                    break;
                case PUBLISHING_PAUSED:
                case PUBLISHING_RESUMED:
                    publishing.add(r);
                    break;
                default:
                    break;
            }
        }
        if (ackAt == null && replyAt != null) {
            // a public reply counts as acknowledgement at its level
            ackAt = replyAt;
            ackBy = replyBy;
        }
        List<Step> steps = new ArrayList<>();
        for (PlanStep s : details.plan().steps()) {
            Optional<Duration> late = s.doneAt().map(d -> nonNegative(Duration.between(s.due(), d)));
            steps.add(new Step(s.kind(), s.owner(), s.due(), s.doneAt(), s.doneBy(), late));
        }
        Optional<ResponseEffect> effect = Optional.empty();
        if (replyAt != null) {
            effect = effect(buckets, replyAt);
        }
        return new PostMortem(details.incident().id(), details.incident().brand(), details.incident().topic().toString(),
                details.highestSeverity(), details.crisisAt(), details.incident().state(),
                details.incident().openedAt(), detected, Optional.ofNullable(ackAt), Optional.ofNullable(ackBy),
                Optional.ofNullable(replyAt), Optional.ofNullable(replyBy), met, missed, escalations, severities,
                buckets, details.incident().mentions(), details.incident().negativeShare(), details.incident().reach(),
                steps, publishing, effect, trail);
    }

    private static Optional<ResponseEffect> effect(List<Bucket> buckets, Instant reply) {
        double sb = 0;
        double sa = 0;
        long nb = 0;
        long na = 0;
        long mb = 0;
        long ma = 0;
        long negb = 0;
        long nega = 0;
        for (Bucket b : buckets) {
            boolean before = b.start().isBefore(reply);
            long count = b.sentiment().isPresent() ? b.mentions() : 0;
            double sum = b.sentiment().orElse(0.0) * count;
            if (before) {
                sb += sum;
                nb += count;
                mb += b.mentions();
                negb += b.negatives();
            } else {
                sa += sum;
                na += count;
                ma += b.mentions();
                nega += b.negatives();
            }
        }
        if (mb == 0 || ma == 0) {
            return Optional.empty();
        }
        return Optional.of(new ResponseEffect(nb == 0 ? 0 : sb / nb, na == 0 ? 0 : sa / na, (double) negb / mb,
                (double) nega / ma, mb, ma));
    }
}
