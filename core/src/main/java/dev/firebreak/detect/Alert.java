package dev.firebreak.detect;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An early warning, with everything needed to judge it: which signal, the numbers (observed against
 * expected), the top terms and hashtags, sample mentions, the most influential authors, the brand's
 * own accounts that are affected, and a hint at the story's origin.
 *
 * @param brand the brand
 * @param signal which signal fired
 * @param topic the topic it fired on
 * @param platform the platform, or empty when across platforms
 * @param at when it fired, by the engine's clock
 * @param observed the observed figure (mentions in the bucket, negative share, shares per hour, followers...)
 * @param expected what was expected for it (the baseline or the threshold)
 * @param score the detector's anomaly score in [0, 1], or 1 for threshold signals
 * @param summary one line saying why, for people
 * @param topTerms the most frequent terms of the recent mentions behind it
 * @param hashtags the most frequent hashtags, without {@code #}
 * @param samples a few of those mentions, most influential first
 * @param influentialAuthors their most influential authors
 * @param ownedAccounts the brand's own accounts affected (whose posts are answered or shared)
 * @param origin offline or online origin hint
 * @param incident the incident it opened or joined, if any (a positive spike opens none)
 */
public record Alert(String brand, AlertSignal signal, Topic topic, Optional<Platform> platform, Instant at,
        double observed, double expected, double score, String summary, List<String> topTerms, List<String> hashtags,
        List<MentionKey> samples, List<AuthorSummary> influentialAuthors, List<String> ownedAccounts,
        OriginHint origin, Optional<IncidentId> incident) {

    /** Validates and copies. */
    public Alert {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(incident, "incident");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        if (!Double.isFinite(observed) || !Double.isFinite(expected)) {
            throw new IllegalArgumentException("observed and expected must be finite");
        }
        topTerms = List.copyOf(topTerms);
        hashtags = List.copyOf(hashtags);
        samples = List.copyOf(samples);
        influentialAuthors = List.copyOf(influentialAuthors);
        ownedAccounts = List.copyOf(ownedAccounts);
    }

    /** This alert attached to an incident. */
    public Alert withIncident(IncidentId id) {
        return new Alert(brand, signal, topic, platform, at, observed, expected, score, summary, topTerms, hashtags,
                samples, influentialAuthors, ownedAccounts, origin, Optional.of(id));
    }
}
