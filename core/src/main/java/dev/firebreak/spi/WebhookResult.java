package dev.firebreak.spi;

import java.util.Objects;

/**
 * What a {@link WebhookHandler} decided about a request. Consume with {@code instanceof}:
 * <pre>{@code
 * WebhookResult r = handler.handle(request);
 * if (r instanceof WebhookResult.Accepted) { ((WebhookResult.Accepted) r).payload().mentions().forEach(engine::ingest); }
 * }</pre>
 */
public sealed interface WebhookResult {

    /** The HTTP status to answer with. */
    int status();

    /** The response body to answer with. */
    String responseBody();

    /** The content type of the response body. */
    String contentType();

    /**
     * A verification handshake (X's CRC check, Facebook's {@code hub.challenge}) answered; nothing to
     * ingest.
     *
     * @param responseBody what to answer: the platform's expected challenge response
     * @param contentType its content type
     */
    record Challenge(String responseBody, String contentType) implements WebhookResult {
        public Challenge {
            Objects.requireNonNull(responseBody, "responseBody");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public int status() {
            return 200;
        }
    }

    /**
     * A verified event delivery; the payload holds its mentions.
     *
     * @param payload what the body held
     */
    record Accepted(MappedPayload payload) implements WebhookResult {
        public Accepted {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public int status() {
            return 200;
        }

        @Override
        public String responseBody() {
            return "";
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }
    }

    /**
     * A request refused: a bad or missing signature, a wrong verify token, an unreadable body. Nothing
     * from it may be ingested.
     *
     * @param status the HTTP status (401 or 403 for signatures and tokens, 400 for bad bodies)
     * @param reason why, for the log and the response; never holds the secret or the expected signature
     */
    record Rejected(int status, String reason) implements WebhookResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a rejection needs a 4xx or 5xx status, was " + status);
            }
        }

        @Override
        public String responseBody() {
            return reason;
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }
    }
}
