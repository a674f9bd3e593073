package dev.firebreak.mention;

import java.util.Objects;

/**
 * What identifies a mention: its platform and its id there. The same key seen twice is one mention.
 *
 * @param platform where the mention lives
 * @param id the platform's id for it, kept as a string even where the platform uses numbers
 */
public record MentionKey(Platform platform, String id) {

    /** Validates the fields: both present, id not blank. */
    public MentionKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
    }

    // equals and hashCode by hand: the same values as a record's generated ones, without the indirection of
    // its bootstrap method (a key is hashed on every mention the engine takes; EngineBenchmark.ingest)

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MentionKey)) {
            return false;
        }
        MentionKey k = (MentionKey) o;
        return k.id.equals(id) && (k.platform == platform || k.platform.equals(platform));
    }

    @Override
    public int hashCode() {
        return 31 * platform.hashCode() + id.hashCode();
    }

    @Override
    public String toString() {
        return platform.name() + ":" + id;
    }
}
