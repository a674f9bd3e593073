package dev.firebreak.store;

import dev.firebreak.engine.BrandState;
import java.util.List;
import java.util.function.Consumer;

/**
 * The narrow view of an engine that its {@link IncidentStore} gets: enough to decode saved states and to
 * read the live states consistently, nothing else. Implemented by the engine.
 */
public interface StoreContext {

    /** The names of the brands the engine watches. */
    List<String> brands();

    /**
     * Reads a state written by {@link dev.firebreak.engine.BrandStateCodec#encode}, with the engine's
     * escalation policy.
     *
     * @throws dev.firebreak.json.JsonFormatException naming what is wrong
     */
    BrandState decode(String encoded);

    /**
     * Calls {@code visitor} with each watched brand's state in turn, each under its brand's lock, so that
     * the visitor sees a state between two changes (and every change committed for that brand so far).
     * The visitor must not keep the state, change it or call the engine; it should be quick for one brand
     * (encode it with {@link dev.firebreak.engine.BrandStateCodec}, say).
     */
    void forEachState(Consumer<BrandState> visitor);
}
