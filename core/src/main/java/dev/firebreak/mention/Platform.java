package dev.firebreak.mention;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The platform a mention came from: an open value, so that a custom adapter can add its own
 * ({@code Platform.of("trustpilot")}) next to the ones Firebreak ships.
 *
 * <p>Names are lower-case ASCII letters, digits, {@code _} and {@code -}, 1 to 32 characters;
 * {@link #of(String)} lower-cases its argument, so {@code "Twitter"} and {@code "twitter"} are the
 * same platform.
 *
 * @param name the platform's name, for example {@code "twitter"}
 */
public record Platform(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");


    /** X, formerly Twitter. */
    public static final Platform TWITTER = new Platform("twitter");
    /** Facebook Pages. */
    public static final Platform FACEBOOK = new Platform("facebook");
    /** Instagram. */
    public static final Platform INSTAGRAM = new Platform("instagram");
    /** An app store, a review site or another source of star ratings. */
    public static final Platform REVIEWS = new Platform("reviews");


    /** Validates the name; use {@link #of(String)} to accept any case. */
    public Platform {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "platform name must be 1 to 32 characters of a-z, 0-9, '_' or '-', was '"
                            + abbreviate(name) + "'");
        }
    }

    /** The platform with this name, lower-cased; the shipped platforms return their constant. */
    public static Platform of(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "twitter":
            case "x":
                return TWITTER;
            case "facebook":
                return FACEBOOK;
            case "instagram":
                return INSTAGRAM;
            case "reviews":
                return REVIEWS;
            default:
                return new Platform(lower);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return name;
    }
}
