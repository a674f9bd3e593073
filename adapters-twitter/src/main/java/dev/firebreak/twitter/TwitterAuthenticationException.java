package dev.firebreak.twitter;

import java.util.Optional;

/** X answered 401: the token is missing, wrong, revoked or expired. Retrying will not help. */
public class TwitterAuthenticationException extends TwitterApiException {

    private static final long serialVersionUID = 1L;

    /** A 401 response; see {@link TwitterApiException#TwitterApiException}. */
    public TwitterAuthenticationException(Optional<String> problemType, String title, String detail, String endpoint) {
        super(401, problemType, title, detail, endpoint);
    }
}
