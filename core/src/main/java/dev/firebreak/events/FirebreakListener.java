package dev.firebreak.events;

/**
 * Receives the engine's events, after the change they describe and outside any engine lock. Events
 * of one brand arrive in the order they happened; events of different brands may interleave.
 *
 * <p>A listener that throws is logged and skipped; the other listeners still get the event. A
 * listener may call back into the engine (to acknowledge an incident, say).
 */
@FunctionalInterface
public interface FirebreakListener {

    /** Called once per event. */
    void onEvent(FirebreakEvent event);
}
