package dev.firebreak.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post about to be published by one of the brand's accounts (now or on a schedule).
 *
 * @param id the post's id in the caller's tool, not blank
 * @param account the account it will go out on: {@code "twitter:acme"}, {@code "twitter:@acme"}, or a handle
 *     alone ({@code "@acme"}) when the platform does not matter; see {@code AccountRegistry.find(String)}
 * @param text the text as it will be published; may be empty (an image post)
 * @param hashtags hashtags attached outside the text, with or without {@code #}; hashtags inside the text are
 *     found by the checker
 * @param links links attached outside the text; links inside the text are found by the checker
 * @param poster who is about to publish it, when known: checked against the account's owner and delegates
 * @param approvedBy who approved it, when someone did: crisis mode requires it
 * @param brand the brand it speaks for, when the caller knows; otherwise taken from the account registry
 */
public record PlannedPost(String id, String account, String text, List<String> hashtags, List<String> links,
        Optional<String> poster, Optional<String> approvedBy, Optional<String> brand) {

    /** Validates the fields and copies the lists; blank optional strings count as absent. */
    public PlannedPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(brand, "brand");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (account.isBlank()) {
            throw new IllegalArgumentException("account of post '" + id + "' must not be blank");
        }
        int colon = account.indexOf(':'); // "platform:handle", or a handle alone (colon -1)
        String handle = account.substring(colon + 1).strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (colon >= 0 && account.substring(0, colon).isBlank() || handle.isBlank()) {
            throw new IllegalArgumentException("account of post '" + id + "' must be a handle or 'platform:handle',"
                    + " was '" + account + "'");
        }
        hashtags = List.copyOf(hashtags);
        links = List.copyOf(links);
        poster = poster.filter(s -> !s.isBlank());
        approvedBy = approvedBy.filter(s -> !s.isBlank());
        brand = brand.filter(s -> !s.isBlank());
    }

    /** A post with just an id, an account and a text. */
    public static PlannedPost of(String id, String account, String text) {
        return builder(id, account, text).build();
    }

    /** A builder for a post; lists default to empty, optional fields to absent. */
    public static Builder builder(String id, String account, String text) {
        return new Builder(id, account, text);
    }

    /** A builder holding this post's fields. */
    public Builder toBuilder() {
        Builder b = new Builder(id, account, text);
        b.hashtags.addAll(hashtags);
        b.links.addAll(links);
        b.poster = poster;
        b.approvedBy = approvedBy;
        b.brand = brand;
        return b;
    }

    /** Builds a {@link PlannedPost}. */
    public static final class Builder {
        private final String id;
        private final String account;
        private final String text;
        private final List<String> hashtags = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private Optional<String> poster = Optional.empty();
        private Optional<String> approvedBy = Optional.empty();
        private Optional<String> brand = Optional.empty();

        private Builder(String id, String account, String text) {
            this.id = id;
            this.account = account;
            this.text = text;
        }

        /** Adds hashtags attached outside the text. */
        public Builder hashtags(List<String> tags) {
            for (String t : tags) {
                hashtags.add(Objects.requireNonNull(t, "hashtag"));
            }
            return this;
        }

        /** Adds links attached outside the text. */
        public Builder links(List<String> urls) {
            for (String u : urls) {
                links.add(Objects.requireNonNull(u, "link"));
            }
            return this;
        }

        /** Who is about to publish it. */
        public Builder poster(String person) {
            this.poster = Optional.of(Objects.requireNonNull(person, "poster"));
            return this;
        }

        /** Who approved it. */
        public Builder approvedBy(String person) {
            this.approvedBy = Optional.of(Objects.requireNonNull(person, "approvedBy"));
            return this;
        }

        /** The brand it speaks for. */
        public Builder brand(String name) {
            this.brand = Optional.of(Objects.requireNonNull(name, "brand"));
            return this;
        }

        /** The post. */
        public PlannedPost build() {
            return new PlannedPost(id, account, text, hashtags, links, poster, approvedBy, brand);
        }
    }
}
