package dev.firebreak.check;

import dev.firebreak.check.internal.TextScan;
import dev.firebreak.incident.IncidentId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only view of the crisis engine's state that the checks need, and nothing more: the incidents
 * still open, recent hashtag sentiment, and the replies already sent in each incident.
 *
 * <p>The engine supplies a snapshot of its state ({@code CrisisEngine.crisisContext(brand)}), or a caller builds
 * one with {@link #builder()}; {@link #none()} is the calm state. Implementations must be safe to read from several
 * threads and must not return {@code null}.
 */
public interface CrisisContext {

    /** The incidents not yet resolved, for every brand. */
    List<ActiveIncident> activeIncidents();

    /**
     * Recent use of a hashtag, if known.
     *
     * @param hashtag in normal form (see {@link HashtagStats#hashtag()})
     */
    Optional<HashtagStats> hashtagStats(String hashtag);

    /** The texts of the replies already sent in an incident, oldest first; empty when none or unknown. */
    List<String> sentReplies(IncidentId incident);

    /** An active incident by id. */
    default Optional<ActiveIncident> incident(IncidentId id) {
        for (ActiveIncident i : activeIncidents()) {
            if (i.id().equals(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The active incidents at crisis severity for a brand (case is ignored), or for every brand when the
     * brand is not known: a post whose brand cannot be told is checked against every crisis.
     */
    default List<ActiveIncident> crises(Optional<String> brand) {
        List<ActiveIncident> out = new ArrayList<>();
        for (ActiveIncident i : activeIncidents()) {
            if (i.isCrisis() && (brand.isEmpty() || i.brand().equalsIgnoreCase(brand.get()))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The active incidents this hashtag is part of, whatever their brand or severity. */
    default List<ActiveIncident> incidentsWithHashtag(String hashtag) {
        String tag = TextScan.normaliseTag(hashtag);
        List<ActiveIncident> out = new ArrayList<>();
        for (ActiveIncident i : activeIncidents()) {
            if (i.hashtags().contains(tag)) {
                out.add(i);
            }
        }
        return out;
    }

    /** No incident, no statistics, nothing sent. */
    static CrisisContext none() {
        return SnapshotCrisisContext.NONE;
    }

    /** A builder of an immutable snapshot. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an immutable {@link CrisisContext}; not thread-safe itself. */
    final class Builder {
        final Map<IncidentId, ActiveIncident> incidents = new LinkedHashMap<>();
        final Map<String, HashtagStats> stats = new LinkedHashMap<>();
        final Map<IncidentId, List<String>> sent = new LinkedHashMap<>();

        Builder() {
        }

        /** Adds or replaces an active incident. */
        public Builder incident(ActiveIncident incident) {
            Objects.requireNonNull(incident, "incident");
            incidents.put(incident.id(), incident);
            return this;
        }

        /** Adds or replaces a hashtag's statistics. */
        public Builder hashtagStats(HashtagStats s) {
            Objects.requireNonNull(s, "hashtagStats");
            stats.put(s.hashtag(), s);
            return this;
        }

        /** Records a reply already sent in an incident. */
        public Builder sent(IncidentId incident, String text) {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(text, "text");
            sent.computeIfAbsent(incident, k -> new ArrayList<>()).add(text);
            return this;
        }

        /** Records replies already sent in an incident, oldest first. */
        public Builder sent(IncidentId incident, Collection<String> texts) {
            for (String t : texts) {
                sent(incident, t);
            }
            return this;
        }

        /** The snapshot. */
        public CrisisContext build() {
            return new SnapshotCrisisContext(this);
        }
    }
}
