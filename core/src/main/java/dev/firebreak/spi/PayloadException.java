package dev.firebreak.spi;

import dev.firebreak.mention.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * A payload that cannot be read at all: not valid JSON, not a shape the adapter knows, or an error
 * response from the platform. The message says what was wrong; for platform errors the platform's
 * own error code is kept in {@link #errorCode()}.
 */
public class PayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final String errorCode;

    /** A payload that could not be read, for a reason given in the message. */
    public PayloadException(Platform platform, String message) {
        this(platform, null, message, null);
    }

    /** A payload that could not be read, with the underlying cause. */
    public PayloadException(Platform platform, String message, Throwable cause) {
        this(platform, null, message, cause);
    }

    /**
     * An error reported by the platform itself.
     *
     * @param errorCode the platform's error code or problem type, for example {@code "190"}
     */
    public PayloadException(Platform platform, String errorCode, String message, Throwable cause) {
        super(platform.name() + ": " + Objects.requireNonNull(message, "message"), cause);
        this.platform = platform;
        this.errorCode = errorCode;
    }

    /** The platform whose payload it was. */
    public Platform platform() {
        return platform;
    }

    /** The platform's error code or problem type, when the payload was an error from the platform. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
