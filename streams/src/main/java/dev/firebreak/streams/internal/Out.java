package dev.firebreak.streams.internal;

import java.util.Objects;

/**
 * A record on its way to a sink inside the topology: what it is (which decides the topic) and its JSON bytes.
 *
 * @param kind where it goes
 * @param value the record value
 */
public record Out(Kind kind, byte[] value) {

    /** Where a record goes. */
    public enum Kind {
        /** To the engine of its brand (the repartition topic). */
        ROUTE,
        /** To the dead-letter topic. */
        DEAD_LETTER,
        /** To the unmatched topic. */
        UNMATCHED,
        /** To the alerts topic. */
        ALERT,
        /** To the incidents topic. */
        INCIDENT,
        /** To the escalations topic. */
        ESCALATION,
        /** To the events topic. */
        EVENT
    }

    /** Validates. */
    public Out {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
