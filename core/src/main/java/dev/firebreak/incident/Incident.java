package dev.firebreak.incident;

import dev.firebreak.mention.MentionKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of an incident: related mentions about one brand and topic, grouped by the engine, with
 * the figures that decide its severity. Snapshots are immutable; the engine hands out a new one after
 * every change.
 *
 * @param id the incident's identity
 * @param brand the watched brand it is about
 * @param topic what it is about within the brand
 * @param severity the current severity
 * @param state where its handling stands
 * @param watch whether it is flagged to watch: still a problem, but close to the crisis line
 * @param openedAt when the first related mention was posted
 * @param updatedAt when it last changed
 * @param mentions how many distinct mentions it holds
 * @param uniqueAuthors how many distinct authors wrote them
 * @param reach the sum of the distinct authors' followers
 * @param negativeShare the share of negative mentions, in [0, 1]
 * @param peakRate the most mentions seen in one time bucket
 * @param topTerms the most frequent terms and hashtags, most frequent first
 * @param sampleMentions a few representative mentions, most influential first
 */
public record Incident(
        IncidentId id,
        String brand,
        Topic topic,
        Severity severity,
        IncidentState state,
        boolean watch,
        Instant openedAt,
        Instant updatedAt,
        long mentions,
        long uniqueAuthors,
        long reach,
        double negativeShare,
        long peakRate,
        List<String> topTerms,
        List<MentionKey> sampleMentions) {

    /** Validates the fields and copies the lists. */
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (mentions < 0 || uniqueAuthors < 0 || reach < 0 || peakRate < 0) {
            throw new IllegalArgumentException("counts must be >= 0: mentions=" + mentions + ", uniqueAuthors="
                    + uniqueAuthors + ", reach=" + reach + ", peakRate=" + peakRate);
        }
        if (uniqueAuthors > mentions) {
            throw new IllegalArgumentException("uniqueAuthors (" + uniqueAuthors + ") cannot exceed mentions ("
                    + mentions + ")");
        }
        if (!(negativeShare >= 0 && negativeShare <= 1)) {
            throw new IllegalArgumentException("negativeShare must be in [0, 1], was " + negativeShare);
        }
        topTerms = List.copyOf(topTerms);
        sampleMentions = List.copyOf(sampleMentions);
    }

    /** Whether the incident is currently on the crisis side of the line. */
    public boolean isCrisis() {
        return severity.isCrisis();
    }
}
