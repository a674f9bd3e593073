package dev.firebreak.engine;

import dev.firebreak.mention.Visibility;
import java.time.Instant;

/** What a brand remembers of a mention it took: enough to dedup, update and link. */
final class Seen {
    Instant seenAt;
    long spread;
    Visibility visibility;
    /** The incident it belongs to (its id's value), or null. */
    String incident;
    boolean owned;
    boolean negative;

    Seen(Instant seenAt, long spread, Visibility visibility, String incident, boolean owned, boolean negative) {
        this.seenAt = seenAt;
        this.spread = spread;
        this.visibility = visibility;
        this.incident = incident;
        this.owned = owned;
        this.negative = negative;
    }
}
