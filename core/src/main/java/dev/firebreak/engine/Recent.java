package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.mention.Mention;
import java.util.List;

/** A recent mention of a brand with what the engine derived from it, kept to explain alerts. */
final class Recent {
    final Mention mention;
    final boolean negative;
    final boolean complaint;
    final List<Category> categories;
    final List<String> hashtags;
    /** Start of the bucket it was counted in, epoch seconds. */
    final long bucket;

    Recent(Mention mention, boolean negative, boolean complaint, List<Category> categories, List<String> hashtags,
            long bucket) {
        this.mention = mention;
        this.negative = negative;
        this.complaint = complaint;
        this.categories = categories;
        this.hashtags = hashtags;
        this.bucket = bucket;
    }

    boolean sensitive() {
        for (Category c : categories) {
            if (c.isSensitive()) {
                return true;
            }
        }
        return false;
    }
}
