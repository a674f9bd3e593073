package dev.firebreak.streams.internal;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.BrandMatching;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.EngineSettings;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.plan.Playbook;
import dev.firebreak.streams.StreamsSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a task needs to build its engines and route its records; immutable and shared by every task of
 * the topology.
 */
public final class EngineSetup {

    private final MentionClassifier classifier;
    private final BrandMatching matching;
    private final EngineSettings settings;
    private final DetectionSettings detection;
    private final SeverityPolicy severity;
    private final EscalationPolicy escalation;
    private final Playbook playbook;
    private final StreamsSettings streams;

    /** Validates and keeps. */
    public EngineSetup(MentionClassifier classifier, List<Brand> brands, EngineSettings settings,
            DetectionSettings detection, SeverityPolicy severity, EscalationPolicy escalation, Playbook playbook,
            StreamsSettings streams) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.matching = BrandMatching.of(brands);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.detection = Objects.requireNonNull(detection, "detection");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.escalation = Objects.requireNonNull(escalation, "escalation");
        this.playbook = Objects.requireNonNull(playbook, "playbook");
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /** The classifier of the first stage. */
    public MentionClassifier classifier() {
        return classifier;
    }

    /** The engine's matching, over the watched brands. */
    public BrandMatching matching() {
        return matching;
    }

    /** Topics, stores, time. */
    public StreamsSettings streams() {
        return streams;
    }


    /** The watched brand with this name. */
    public Optional<Brand> brand(String name) {
        return Optional.ofNullable(matching.brands().get(name));
    }

    /** The watched brands by name. */
    public Map<String, Brand> brands() {
        return matching.brands();
    }

    /**
     * An engine builder for one brand, configured like every other engine of the topology; the caller adds its
     * store and listener.
     */
    public CrisisEngine.Builder engine(Brand brand, Clock clock) {
        return CrisisEngine.builder().clock(clock).classifier(classifier).brand(brand).settings(settings)
                .detection(detection).severityPolicy(severity).escalationPolicy(escalation).playbook(playbook);
    }
}
