package dev.firebreak.mention;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One item about a brand on one platform: a post, reply, comment, review, share or message.
 *
 * <p>Adapters build mentions from platform payloads; users build them with {@link #builder(Platform,
 * String)}. The JSON form is the Mention JSON of the command line (see {@code FirebreakJson}).
 * Two mentions with the same {@link #key()} are the same mention, possibly seen at different times
 * (with other engagement counts or another visibility).
 *
 * @param id the platform's id, as a string
 * @param platform where it was posted
 * @param kind post, reply, comment, review, share or message
 * @param author who wrote it and their reach
 * @param text the text as posted, HTML entities already decoded by the adapter; may be empty
 * @param language the language the platform reported (a BCP-47 code such as {@code "en"}); a hint
 *     only, the classifier identifies the language itself
 * @param createdAt when it was posted
 * @param engagement shares, replies, likes and quotes when it was read
 * @param inReplyTo the id of the post or comment this answers, on the same platform
 * @param conversationId the id of the thread's root post
 * @param sharedFrom the id of the post this shares or quotes
 * @param url a link to it
 * @param rating a review's rating from 1 (worst) to 5 (best)
 * @param brand the watched brand this mention was collected for, when the source knows it
 * @param ownedAccount whether it was posted by one of the brand's own accounts
 * @param visibility whether it is still visible, or hidden or removed since
 */
public record Mention(
        String id,
        Platform platform,
        MentionKind kind,
        Author author,
        String text,
        Optional<String> language,
        Instant createdAt,
        Engagement engagement,
        Optional<String> inReplyTo,
        Optional<String> conversationId,
        Optional<String> sharedFrom,
        Optional<String> url,
        OptionalInt rating,
        Optional<String> brand,
        boolean ownedAccount,
        Visibility visibility) {

    /** Validates the fields: nothing null, id not blank, rating in 1..5. */
    public Mention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sharedFrom, "sharedFrom");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(visibility, "visibility");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (rating.isPresent() && (rating.getAsInt() < 1 || rating.getAsInt() > 5)) {
            throw new IllegalArgumentException("rating must be between 1 and 5, was " + rating.getAsInt());
        }
    }

    /** A builder for a mention with this platform and id; text defaults to empty, time to the epoch. */
    public static Builder builder(Platform platform, String id) {
        return new Builder(platform, id);
    }

    /** A builder that starts from this mention's values. */
    public Builder toBuilder() {
        Builder b = new Builder(platform, id);
        b.kind = kind;
        b.author = author;
        b.text = text;
        b.language = language;
        b.createdAt = createdAt;
        b.engagement = engagement;
        b.inReplyTo = inReplyTo;
        b.conversationId = conversationId;
        b.sharedFrom = sharedFrom;
        b.url = url;
        b.rating = rating;
        b.brand = brand;
        b.ownedAccount = ownedAccount;
        b.visibility = visibility;
        return b;
    }

    /** The identity of this mention: platform and id. */
    public MentionKey key() {
        return new MentionKey(platform, id);
    }

    /**
     * A short description for logs: key, kind and the text's length, never the text itself (it can
     * be long and it is the author's words).
     */
    @Override
    public String toString() {
        return "Mention[" + platform.name() + ":" + id + ", " + kind.jsonName() + ", " + text.length() + " chars]";
    }

    /** Builds a {@link Mention}; every setter rejects {@code null}. */
    public static final class Builder {
        private final Platform platform;
        private final String id;
        private MentionKind kind = MentionKind.POST;
        private Author author = Author.UNKNOWN;
        private String text = "";
        private Optional<String> language = Optional.empty();
        private Instant createdAt = Instant.EPOCH;
        private Engagement engagement = Engagement.NONE;
        private Optional<String> inReplyTo = Optional.empty();
        private Optional<String> conversationId = Optional.empty();
        private Optional<String> sharedFrom = Optional.empty();
        private Optional<String> url = Optional.empty();
        private OptionalInt rating = OptionalInt.empty();
        private Optional<String> brand = Optional.empty();
        private boolean ownedAccount;
        private Visibility visibility = Visibility.VISIBLE;

        private Builder(Platform platform, String id) {
            this.platform = Objects.requireNonNull(platform, "platform");
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder kind(MentionKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        public Builder author(Author author) {
            this.author = Objects.requireNonNull(author, "author");
            return this;
        }

        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder language(String language) {
            this.language = Optional.of(language);
            return this;
        }

        public Builder language(Optional<String> language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        public Builder engagement(Engagement engagement) {
            this.engagement = Objects.requireNonNull(engagement, "engagement");
            return this;
        }

        public Builder inReplyTo(String inReplyTo) {
            this.inReplyTo = Optional.of(inReplyTo);
            return this;
        }

        public Builder inReplyTo(Optional<String> inReplyTo) {
            this.inReplyTo = Objects.requireNonNull(inReplyTo, "inReplyTo");
            return this;
        }

        public Builder conversationId(String conversationId) {
            this.conversationId = Optional.of(conversationId);
            return this;
        }

        public Builder conversationId(Optional<String> conversationId) {
            this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
            return this;
        }

        public Builder sharedFrom(String sharedFrom) {
            this.sharedFrom = Optional.of(sharedFrom);
            return this;
        }

        public Builder sharedFrom(Optional<String> sharedFrom) {
            this.sharedFrom = Objects.requireNonNull(sharedFrom, "sharedFrom");
            return this;
        }

        public Builder url(String url) {
            this.url = Optional.of(url);
            return this;
        }

        public Builder url(Optional<String> url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder rating(int rating) {
            this.rating = OptionalInt.of(rating);
            return this;
        }

        public Builder rating(OptionalInt rating) {
            this.rating = Objects.requireNonNull(rating, "rating");
            return this;
        }

        public Builder brand(String brand) {
            this.brand = Optional.of(brand);
            return this;
        }

        public Builder brand(Optional<String> brand) {
            this.brand = Objects.requireNonNull(brand, "brand");
            return this;
        }

        public Builder ownedAccount(boolean ownedAccount) {
            this.ownedAccount = ownedAccount;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = Objects.requireNonNull(visibility, "visibility");
            return this;
        }

        /** @throws IllegalArgumentException if a value is out of range (blank id, rating outside 1..5) */
        public Mention build() {
            return new Mention(id, platform, kind, author, text, language, createdAt, engagement, inReplyTo,
                    conversationId, sharedFrom, url, rating, brand, ownedAccount, visibility);
        }
    }
}
