package dev.firebreak.mention;

import java.util.Locale;

/** What kind of item a mention is on its platform. */
public enum MentionKind {
    /** An original post (a tweet, a Page post, a visitor post). */
    POST,
    /** A reply to a post, in a thread. */
    REPLY,
    /** A comment under a post (Facebook-style comments). */
    COMMENT,
    /** A review or recommendation, usually with a {@linkplain Mention#rating() rating}. */
    REVIEW,
    /** A repost, retweet or quote of another post; see {@link Mention#sharedFrom()}. */
    SHARE,
    /** A private or direct message. */
    MESSAGE;

    /** The lower-case name used in JSON, for example {@code "reply"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a JSON name such as {@code "reply"}.
     *
     * @throws IllegalArgumentException naming the allowed values when the name is unknown
     */
    public static MentionKind fromJson(String name) {
        for (MentionKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be one of post, reply, comment, review, share, message; was '"
                + Platform.abbreviate(String.valueOf(name)) + "'");
    }
}
