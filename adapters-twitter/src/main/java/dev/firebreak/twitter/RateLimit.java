package dev.firebreak.twitter;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rate-limit window as X reports it in every response's {@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (Unix epoch seconds) headers.
 *
 * @param limit requests allowed in the window, {@code >= 0}
 * @param remaining requests left in the window, {@code >= 0}
 * @param reset when the window resets
 */
public record RateLimit(long limit, long remaining, Instant reset) {

    /** Validates the fields. */
    public RateLimit {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must be >= 0, was " + remaining);
        }
        java.util.Objects.requireNonNull(reset, "reset");
    }

    /** Whether no request is left in the window. */
    public boolean isExhausted() {
        return remaining == 0;
    }

    /**
     * Reads the three headers; empty unless {@code x-rate-limit-reset} is present and valid. A missing
     * limit or remaining count reads as 0.
     *
     * @param header the first value of a header by lower-case name
     */
    static Optional<RateLimit> fromHeaders(Function<String, Optional<String>> header) {
        Optional<Long> reset = number(header.apply("x-rate-limit-reset"));
        if (reset.isEmpty() || reset.get() < 0) {
            return Optional.empty();
        }
        long limit = number(header.apply("x-rate-limit-limit")).filter(n -> n >= 0).orElse(0L);
        long remaining = number(header.apply("x-rate-limit-remaining")).filter(n -> n >= 0).orElse(0L);
        return Optional.of(new RateLimit(limit, remaining, Instant.ofEpochSecond(Math.min(reset.get(), 1L << 40))));
    }

    private static Optional<Long> number(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
