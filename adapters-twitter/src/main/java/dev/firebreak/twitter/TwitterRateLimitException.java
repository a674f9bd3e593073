package dev.firebreak.twitter;

import java.time.Instant;
import java.util.Optional;

/**
 * X answered 429 (rate limit, usage cap, or too many stream connections) and the client did not wait
 * it out: the reset was further away than {@link TwitterConfig#maxRateLimitWait()}, the retries were
 * used up, or the call was a write (writes never wait). {@link #reset()} says when to try again.
 */
public class TwitterRateLimitException extends TwitterApiException {

    private static final long serialVersionUID = 1L;

    private final RateLimit rateLimit;

    /**
     * A 429 response.
     *
     * @param rateLimit the {@code x-rate-limit-*} headers of the response, if it had them
     */
    public TwitterRateLimitException(Optional<String> problemType, String title, String detail, String endpoint,
            Optional<RateLimit> rateLimit) {
        super(429, problemType, title, detail, endpoint);
        this.rateLimit = rateLimit.orElse(null);
    }

    /** When the rate-limit window resets, from {@code x-rate-limit-reset}, if the response said. */
    public Optional<Instant> reset() {
        return rateLimit().map(RateLimit::reset);
    }

    /** The rate-limit headers of the response, if it had them. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }
}
