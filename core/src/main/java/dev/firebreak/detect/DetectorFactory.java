package dev.firebreak.detect;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes the {@link SeriesDetector} of each series the engine watches, and optionally saves and
 * restores their state so that an engine's state can be persisted (see
 * {@code dev.firebreak.engine.BrandStateCodec}).
 *
 * <p>A factory that cannot snapshot returns {@link Optional#empty()}: a restored engine then starts
 * that series' detector afresh and it learns its baseline again.
 */
@FunctionalInterface
public interface DetectorFactory {

    /** A new detector for one series. */
    SeriesDetector create();

    /** The state of a detector this factory made, as a string, if the factory can save it. */
    default Optional<String> snapshot(SeriesDetector detector) {
        return Optional.empty();
    }

    /**
     * A detector restored from {@link #snapshot}; by default a fresh one.
     *
     * @throws IllegalArgumentException if the snapshot cannot be read
     */
    default SeriesDetector restore(String snapshot) {
        return create();
    }

    /** A factory of detectors that cannot be saved. */
    static DetectorFactory of(Supplier<? extends SeriesDetector> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return supplier::get;
    }
}
