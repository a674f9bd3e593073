package dev.firebreak.check;

import dev.firebreak.check.internal.TextScan;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.Topic;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the checks need to know about an incident that is still open.
 *
 * @param id the incident
 * @param brand the brand it is about
 * @param severity its current severity; {@link Severity#isCrisis()} puts the brand in crisis mode
 * @param hashtags the hashtags that are part of it, in normal form (no {@code #}, lower case, no accents)
 * @param brandAtFault whether the team has established that the brand is at fault: replies must then apologise
 */
public record ActiveIncident(IncidentId id, String brand, Severity severity, Set<String> hashtags,
        boolean brandAtFault) {

    /** Validates and normalises the hashtags. */
    public ActiveIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(hashtags, "hashtags");
        if (brand.isBlank()) {
            throw new IllegalArgumentException("brand of incident " + id + " must not be blank");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : hashtags) {
            String n = TextScan.normaliseTag(Objects.requireNonNull(t, "hashtag"));
            if (!n.isEmpty()) {
                tags.add(n);
            }
        }
        hashtags = Set.copyOf(tags);
    }

    /** An incident with hashtags. */
    public static ActiveIncident of(IncidentId id, String brand, Severity severity, Collection<String> hashtags,
            boolean brandAtFault) {
        return new ActiveIncident(id, brand, severity, Set.copyOf(hashtags), brandAtFault);
    }

    /**
     * The check's view of an engine incident: its hashtag topic and the hashtags among its top terms
     * (terms starting with {@code #}) are its hashtags. The caller decides it is still active.
     */
    public static ActiveIncident of(Incident incident, boolean brandAtFault) {
        Objects.requireNonNull(incident, "incident");
        Set<String> tags = new LinkedHashSet<>();
        if (incident.topic().kind() == Topic.Kind.HASHTAG) {
            tags.add(incident.topic().value());
        }
        for (String term : incident.topTerms()) {
            if (term.startsWith("#")) {
                tags.add(term);
            }
        }
        return new ActiveIncident(incident.id(), incident.brand(), incident.severity(), tags, brandAtFault);
    }

    /** Whether it is on the crisis side of the line. */
    public boolean isCrisis() {
        return severity.isCrisis();
    }
}
