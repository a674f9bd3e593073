package dev.firebreak.check;

import dev.firebreak.check.internal.TextScan;
import dev.firebreak.incident.IncidentId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable {@link CrisisContext} built by {@link CrisisContext#builder()}. */
final class SnapshotCrisisContext implements CrisisContext {

    static final SnapshotCrisisContext NONE = new SnapshotCrisisContext(new CrisisContext.Builder());

    private final List<ActiveIncident> incidents;
    private final Map<String, HashtagStats> stats;
    private final Map<IncidentId, List<String>> sent;

    SnapshotCrisisContext(CrisisContext.Builder b) {
        this.incidents = List.copyOf(b.incidents.values());
        this.stats = Map.copyOf(b.stats);
        Map<IncidentId, List<String>> s = new LinkedHashMap<>();
        b.sent.forEach((k, v) -> s.put(k, List.copyOf(v)));
        this.sent = Map.copyOf(s);
    }

    @Override
    public List<ActiveIncident> activeIncidents() {
        return incidents;
    }

    @Override
    public Optional<HashtagStats> hashtagStats(String hashtag) {
        return Optional.ofNullable(stats.get(TextScan.normaliseTag(hashtag)));
    }

    @Override
    public List<String> sentReplies(IncidentId incident) {
        return sent.getOrDefault(incident, List.of());
    }

    @Override
    public String toString() {
        return "CrisisContext[" + incidents.size() + " active incidents, " + stats.size() + " hashtag stats, "
                + sent.values().stream().mapToInt(List::size).sum() + " sent replies]";
    }
}
