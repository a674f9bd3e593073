package dev.firebreak.twitter;

/**
 * Something went wrong talking to X: the server could not be reached, the exchange was interrupted,
 * or (as a {@link TwitterApiException}) X answered with an error. Messages never hold tokens or
 * secrets.
 */
public class TwitterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error described by the message. */
    public TwitterException(String message) {
        super(message);
    }

    /** An error described by the message, with its cause (for example an {@link java.io.IOException}). */
    public TwitterException(String message, Throwable cause) {
        super(message, cause);
    }
}
