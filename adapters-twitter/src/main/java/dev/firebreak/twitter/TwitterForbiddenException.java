package dev.firebreak.twitter;

import java.util.Optional;

/**
 * X answered 403: the credentials are valid but not allowed to do this, for example an app not
 * enrolled for the endpoint ({@code client-forbidden}), an app-only token on an endpoint that needs
 * user context ({@code unsupported-authentication}), or hiding a reply outside the user's own
 * conversations. Retrying will not help.
 */
public class TwitterForbiddenException extends TwitterApiException {

    private static final long serialVersionUID = 1L;

    /** A 403 response; see {@link TwitterApiException#TwitterApiException}. */
    public TwitterForbiddenException(Optional<String> problemType, String title, String detail, String endpoint) {
        super(403, problemType, title, detail, endpoint);
    }
}
