package dev.firebreak.facebook;

/**
 * The access token is invalid or expired (Graph error 190, or 102 for a session): the client does
 * not retry, a person has to issue a new Page access token. {@link #subcode()} says why when
 * Facebook sent one: 458 app not installed, 459 checkpoint, 460 password changed, 463 expired,
 * 464 unconfirmed user, 467 invalid token.
 */
public class FacebookAuthException extends FacebookApiException {

    private static final long serialVersionUID = 1L;

    /** An invalid or expired token, as Facebook reported it. */
    public FacebookAuthException(GraphError error, int httpStatus, String message) {
        super(error, httpStatus, message);
    }

    /** A short reason for the subcode, for example {@code "token expired"}. */
    public String reason() {
        return reason(subcode());
    }

    static String reason(java.util.OptionalInt subcode) {
        if (subcode.isEmpty()) {
            return "token invalid or expired";
        }
        switch (subcode.getAsInt()) {
            case 458:
                return "app not installed";
            case 459:
                return "user checkpointed";
            case 460:
                return "password changed";
            case 463:
                return "token expired";
            case 464:
                return "unconfirmed user";
            case 467:
                return "invalid token";
            default:
                return "token invalid or expired";
        }
    }
}
