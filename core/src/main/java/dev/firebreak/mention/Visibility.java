package dev.firebreak.mention;

/**
 * Whether a mention can still be seen on its platform. Adapters report a moderation or deletion
 * of a mention already ingested as the same mention with another visibility, so the engine
 * updates what it has instead of counting a new mention.
 */
public enum Visibility {
    /** Public (the default). */
    VISIBLE,
    /** Hidden by a moderator; still exists, visible only to its author and friends. */
    HIDDEN,
    /** Deleted by its author or the platform. */
    REMOVED
}
