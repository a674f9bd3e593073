package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.mention.Mention;
import java.util.List;

/**
 * A recent mention of a brand with what the engine derived from it, kept to explain alerts. When a brand's
 * {@link RecentRing} is full, the oldest one's object is {@linkplain #set reused} for the newest mention, so
 * that a mention costs no object that lives for hundreds of mentions (EngineBenchmark, {@code -prof gc}):
 * nothing may hold a {@code Recent} beyond the call that got it.
 */
final class Recent {
    Mention mention;
    boolean negative;
    boolean complaint;
    List<Category> categories;
    List<String> hashtags;
    /** Start of the bucket it was counted in, epoch seconds. */
    long bucket;

    Recent(Mention mention, boolean negative, boolean complaint, List<Category> categories, List<String> hashtags,
            long bucket) {
        set(mention, negative, complaint, categories, hashtags, bucket);
    }

    /** Makes this the record of another mention; returns this. */
    Recent set(Mention mention, boolean negative, boolean complaint, List<Category> categories,
            List<String> hashtags, long bucket) {
        this.mention = mention;
        this.negative = negative;
        this.complaint = complaint;
        this.categories = categories;
        this.hashtags = hashtags;
        this.bucket = bucket;
        return this;
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
