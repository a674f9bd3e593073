package dev.firebreak.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A post waiting to be published by a brand's account.
 *
 * @param id the id of the scheduled item where it is queued (the platform's, or the local queue's)
 * @param account the account that will publish it
 * @param publishAt when it is (or was, before it was held) due to go out
 * @param preview the first characters of its text, for a human to recognise it
 */
public record ScheduledPost(String id, String account, Instant publishAt, String preview) {

    /** Validates the fields. */
    public ScheduledPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(publishAt, "publishAt");
        Objects.requireNonNull(preview, "preview");
    }
}
