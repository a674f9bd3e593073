package dev.firebreak.incident;

import java.util.Locale;
import java.util.Objects;

/**
 * What an incident is about within a brand: a category, a hashtag, one of the brand's own posts
 * being answered, or the brand as a whole.
 *
 * @param kind the kind of topic
 * @param value the category id, the hashtag without {@code #} (lower-case), the owned post's id, or
 *     empty for {@link Kind#BRAND}
 */
public record Topic(Kind kind, String value) {

    /** Kinds of topic. */
    public enum Kind {
        /** The brand as a whole. */
        BRAND,
        /** A category such as {@code delivery}. */
        CATEGORY,
        /** A hashtag. */
        HASHTAG,
        /** Reactions to one of the brand's own posts. */
        OWN_POST;

        /** The lower-case name used in JSON. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The whole brand. */
    public static final Topic BRAND = new Topic(Kind.BRAND, "");

    /** Validates and normalises (hashtags lose {@code #} and are lower-cased). */
    public Topic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (kind == Kind.HASHTAG) {
            value = (value.startsWith("#") ? value.substring(1) : value).toLowerCase(Locale.ROOT);
        }
        if (kind == Kind.BRAND && !value.isEmpty()) {
            throw new IllegalArgumentException("a brand topic has no value, was '" + value + "'");
        }
        if (kind != Kind.BRAND && value.isBlank()) {
            throw new IllegalArgumentException("a " + kind.jsonName() + " topic needs a value");
        }
    }

    /** A category topic. */
    public static Topic category(String categoryId) {
        return new Topic(Kind.CATEGORY, categoryId);
    }

    /** A hashtag topic. */
    public static Topic hashtag(String tag) {
        return new Topic(Kind.HASHTAG, tag);
    }

    /** Reactions to the brand's own post with this id. */
    public static Topic ownPost(String postId) {
        return new Topic(Kind.OWN_POST, postId);
    }

    /**
     * Parses the form of {@link #toString()}: {@code brand}, {@code category:delivery},
     * {@code hashtag:boycottacme} or {@code own_post:123}.
     *
     * @throws IllegalArgumentException when the form is not one of these
     */
    public static Topic parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("brand")) {
            return BRAND;
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String kind = text.substring(0, colon);
            for (Kind k : Kind.values()) {
                if (k != Kind.BRAND && k.jsonName().equals(kind)) {
                    return new Topic(k, text.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("topic must be 'brand', 'category:ID', 'hashtag:TAG' or 'own_post:ID'; was '"
                + text + "'");
    }

    @Override
    public String toString() {
        return kind == Kind.BRAND ? "brand" : kind.jsonName() + ":" + value;
    }
}
