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

    @Override
    public String toString() {
        return platform.name() + ":" + id;
    }
}
