package dev.firebreak.facebook;

/**
 * A call to Facebook failed: the network, an unexpected response, or (in the subclasses) an error
 * Facebook reported. Messages never contain access tokens or the app secret.
 *
 * <ul>
 *   <li>{@link FacebookApiException}: Facebook answered with a Graph error object;
 *       {@link FacebookAuthException} when the token is invalid or expired (code 190).</li>
 *   <li>{@link FacebookRateLimitException}: throttled, by Facebook or by the client before Facebook
 *       would have blocked it.</li>
 * </ul>
 */
public class FacebookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by the message. */
    public FacebookException(String message) {
        super(message);
    }

    /** A failure with its cause (never a cause whose message holds a secret). */
    public FacebookException(String message, Throwable cause) {
        super(message, cause);
    }
}
