package dev.firebreak.twitter;

import dev.firebreak.spi.MappedPayload;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an X API v2 list response.
 *
 * @param payload the mentions on the page and the items that could not be read (partial errors included)
 * @param newestId {@code meta.newest_id}: the newest post id on the page
 * @param oldestId {@code meta.oldest_id}: the oldest post id on the page
 * @param nextToken {@code meta.next_token}: pass it back to get the next (older) page; empty on the last page
 * @param resultCount {@code meta.result_count}
 * @param rateLimit the rate-limit window after this request, from the response headers
 */
public record TwitterPage(MappedPayload payload, Optional<String> newestId, Optional<String> oldestId,
        Optional<String> nextToken, int resultCount, Optional<RateLimit> rateLimit) {

    /** Validates the fields. */
    public TwitterPage {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(newestId, "newestId");
        Objects.requireNonNull(oldestId, "oldestId");
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (resultCount < 0) {
            throw new IllegalArgumentException("resultCount must be >= 0, was " + resultCount);
        }
    }
}
