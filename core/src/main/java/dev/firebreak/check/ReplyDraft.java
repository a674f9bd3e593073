package dev.firebreak.check;

import dev.firebreak.incident.IncidentId;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply someone on the team is about to send to a customer.
 *
 * @param id the draft's id in the caller's tool, not blank
 * @param incidentId the incident it answers in, when it is part of one: enables the checks that need the
 *     incident (a missing apology when the brand is at fault, the same text sent to many people)
 * @param inReplyTo the id of the mention it answers, when known
 * @param text the text of the reply; may be empty
 */
public record ReplyDraft(String id, Optional<IncidentId> incidentId, Optional<String> inReplyTo, String text) {

    /** Validates the fields. */
    public ReplyDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        inReplyTo = inReplyTo.filter(s -> !s.isBlank());
    }

    /** A draft outside any incident. */
    public static ReplyDraft of(String id, String text) {
        return new ReplyDraft(id, Optional.empty(), Optional.empty(), text);
    }

    /** A draft answering in an incident. */
    public static ReplyDraft inIncident(String id, IncidentId incident, String text) {
        return new ReplyDraft(id, Optional.of(Objects.requireNonNull(incident, "incident")), Optional.empty(), text);
    }

    /** This draft answering the mention with this id. */
    public ReplyDraft inReplyTo(String mentionId) {
        return new ReplyDraft(id, incidentId, Optional.of(Objects.requireNonNull(mentionId, "mentionId")), text);
    }
}
