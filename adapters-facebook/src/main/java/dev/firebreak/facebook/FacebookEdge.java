package dev.firebreak.facebook;

/**
 * The Page edges {@link FacebookClient#poll} reads.
 *
 * <p>{@link #FEED} and {@link #RATINGS} are the edges of the project's Graph API digest; the others
 * are standard Page edges that the digest did not check against Meta's current reference.
 */
public enum FacebookEdge {
    /** {@code /{page-id}/feed}: everything on the Page, its own posts and visitors' posts. */
    FEED("feed"),
    /** {@code /{page-id}/posts}: the Page's own posts. */
    POSTS("posts"),
    /** {@code /{page-id}/visitor_posts}: posts by visitors on the Page. */
    VISITOR_POSTS("visitor_posts"),
    /** {@code /{page-id}/tagged}: posts elsewhere that tag (@mention) the Page. */
    TAGGED("tagged"),
    /**
     * {@code /{page-id}/ratings}: reviews and recommendations. Answers error 12 from Graph v22.0 on;
     * set {@link FacebookConfig.Builder#ratingsApiVersion(String)} to an older version, or receive
     * reviews through the {@code ratings} webhook field.
     */
    RATINGS("ratings");

    private final String path;

    FacebookEdge(String path) {
        this.path = path;
    }

    /** The edge's name in the URL, for example {@code visitor_posts}. */
    public String path() {
        return path;
    }
}
