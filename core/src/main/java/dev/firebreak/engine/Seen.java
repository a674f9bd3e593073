package dev.firebreak.engine;

import dev.firebreak.mention.Visibility;
import java.time.Instant;

/** What a brand remembers of a mention it took: enough to dedup, update and link. */
final class Seen {
    final Instant seenAt;
    /** {@link #seenAt} as numbers, so that the dedup window's expiry need not read the instant. */
    private final long seenSecond;
    private final int seenNano;
    long spread;
    Visibility visibility;
    /** The incident it belongs to (its id's value), or null. */
    String incident;
    boolean owned;
    boolean negative;

    Seen(Instant seenAt, long spread, Visibility visibility, String incident, boolean owned, boolean negative) {
        this.seenAt = seenAt;
        this.seenSecond = seenAt.getEpochSecond();
        this.seenNano = seenAt.getNano();
        this.spread = spread;
        this.visibility = visibility;
        this.incident = incident;
        this.owned = owned;
        this.negative = negative;
    }

    /** {@code seenAt.isBefore(t)}, given {@code t}'s epoch second and nanosecond. */
    boolean seenBefore(long second, int nano) {
        return seenSecond < second || seenSecond == second && seenNano < nano;
    }
}
