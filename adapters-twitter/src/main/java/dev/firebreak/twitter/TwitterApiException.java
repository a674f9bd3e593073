package dev.firebreak.twitter;

import java.util.Objects;
import java.util.Optional;

/**
 * X answered a request with an error status. The fields come from the platform's problem format
 * ({@code type}, {@code title}, {@code detail}); bodies that are not problems (plain text, the older
 * {@code {"errors":[{"code":88,"message":...}]}}) fill what they can. Subclasses name the statuses
 * a caller handles differently: {@link TwitterAuthenticationException} (401),
 * {@link TwitterForbiddenException} (403) and {@link TwitterRateLimitException} (429).
 */
public class TwitterApiException extends TwitterException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;
    private final String title;
    private final String detail;
    private final String endpoint;

    /**
     * An error response.
     *
     * @param status the HTTP status
     * @param problemType the problem {@code type} URI (or the older error code), if the body had one
     * @param title the problem title, or the HTTP reason when the body had none
     * @param detail the problem detail, or the body's text (shortened)
     * @param endpoint the method and path that failed, for example {@code GET /2/tweets/search/recent}
     */
    public TwitterApiException(int status, Optional<String> problemType, String title, String detail, String endpoint) {
        super(describe(status, problemType, title, detail, endpoint));
        this.status = status;
        this.problemType = problemType.orElse(null);
        this.title = Objects.requireNonNull(title, "title");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    private static String describe(int status, Optional<String> type, String title, String detail, String endpoint) {
        StringBuilder sb = new StringBuilder("X API ").append(endpoint).append(" failed with ").append(status);
        if (!title.isBlank()) {
            sb.append(' ').append(title);
        }
        type.ifPresent(t -> sb.append(" (").append(t).append(')'));
        if (!detail.isBlank() && !detail.equals(title)) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem type URI, for example {@code https://api.twitter.com/2/problems/client-forbidden}. */
    public Optional<String> problemType() {
        return Optional.ofNullable(problemType);
    }

    /** The problem title, for example {@code Unauthorized}. */
    public String title() {
        return title;
    }

    /** The problem detail: what X said was wrong. */
    public String detail() {
        return detail;
    }

    /** The method and path that failed. */
    public String endpoint() {
        return endpoint;
    }
}
