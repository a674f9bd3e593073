package dev.firebreak.mention;

import java.util.Objects;
import java.util.Optional;

/**
 * Who wrote a mention, with the reach that makes an author influential.
 *
 * @param id the author's id on the platform; empty string when the platform did not say
 * @param handle the author's handle without {@code @}; empty string when unknown
 * @param name the display name, if known
 * @param followers followers or fans, {@code >= 0}; the author's reach
 * @param verified whether the platform marks the account as verified
 */
public record Author(String id, String handle, Optional<String> name, long followers, boolean verified) {

    /** An author the platform did not describe. */
    public static final Author UNKNOWN = new Author("", "", Optional.empty(), 0, false);

    /** Validates the fields. */
    public Author {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(name, "name");
        if (followers < 0) {
            throw new IllegalArgumentException("followers must be >= 0, was " + followers);
        }
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
    }

    /** An author with an id, a handle and a follower count. */
    public static Author of(String id, String handle, long followers) {
        return new Author(id, handle, Optional.empty(), followers, false);
    }

    /** A stable key for counting unique authors: the id, else the handle, else empty. */
    public String key() {
        return !id.isEmpty() ? id : handle.toLowerCase(java.util.Locale.ROOT);
    }
}
