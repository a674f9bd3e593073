package dev.firebreak.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/** Makes {@link AdaptiveDetector}s with one configuration and saves their state as JSON. */
final class AdaptiveDetectorFactory implements DetectorFactory {

    private final DetectorConfig config;
    private final ObjectMapper json = new ObjectMapper();

    AdaptiveDetectorFactory(DetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public SeriesDetector create() {
        return config.newDetector();
    }

    @Override
    public Optional<String> snapshot(SeriesDetector detector) {
        if (!(detector instanceof AdaptiveDetector)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.writeValueAsString(((AdaptiveDetector) detector).snapshot()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a detector snapshot", e);
        }
    }

    @Override
    public SeriesDetector restore(String snapshot) {
        try {
            return AdaptiveDetector.restore(config, json.readValue(snapshot, DetectorSnapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a detector snapshot: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AdaptiveDetectorFactory[" + config + "]";
    }
}
