package dev.firebreak.classify;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a discovered classifier is given when it is created: the clock and its own settings, never
 * the whole engine.
 *
 * @param clock the clock to read time from
 * @param settings string settings for this provider (for example a model path), possibly empty
 */
public record ClassifierContext(Clock clock, Map<String, String> settings) {

    /** Validates and copies. */
    public ClassifierContext {
        Objects.requireNonNull(clock, "clock");
        settings = Map.copyOf(settings);
    }

    /** A context with the system UTC clock and no settings. */
    public static ClassifierContext defaults() {
        return new ClassifierContext(Clock.systemUTC(), Map.of());
    }

    /** A setting, if present. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
