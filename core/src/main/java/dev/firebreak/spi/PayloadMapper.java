package dev.firebreak.spi;

import dev.firebreak.mention.Platform;

/**
 * Turns one payload of a platform (an API response page, a stream record, a webhook body) into
 * mentions. All of a platform's format quirks live behind this interface.
 *
 * <p>Items that cannot be read are {@linkplain MappedPayload#rejected() rejected} one by one, with a
 * reason, while the good items are still returned. A payload that cannot be read at all (not JSON, an
 * API error body) raises a {@link PayloadException}. Implementations never throw anything else for
 * bad input, and are safe to call from many threads.
 */
public interface PayloadMapper {

    /** The platform whose payloads this maps. */
    Platform platform();

    /**
     * Maps one payload.
     *
     * @param payload the raw bytes, UTF-8 JSON for the shipped platforms
     * @return the mentions it holds and the items that were rejected
     * @throws PayloadException if the payload as a whole cannot be read, or is an error from the platform
     */
    MappedPayload map(byte[] payload);
}
