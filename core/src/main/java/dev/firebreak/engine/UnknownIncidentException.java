package dev.firebreak.engine;

import dev.firebreak.incident.IncidentId;
import java.util.NoSuchElementException;

/** A human action named an incident the engine does not know (or no longer keeps). */
public final class UnknownIncidentException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /** For this id. */
    public UnknownIncidentException(IncidentId id) {
        super("unknown incident '" + id.value() + "'");
    }
}
