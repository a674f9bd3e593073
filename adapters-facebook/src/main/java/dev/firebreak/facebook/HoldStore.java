package dev.firebreak.facebook;

import dev.firebreak.facebook.internal.FileHoldStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link FacebookScheduledPosts} records the posts it holds. A hold is written here before the
 * post is moved, and removed only after it is released, so a crash in between loses nothing: the
 * next {@code resume()} releases it. Implement it over your own database to share holds between
 * processes; every method must be durable when it returns.
 */
public interface HoldStore {

    /** Every hold, in no particular order. */
    List<HeldPost> all();

    /** Records a hold, replacing any with the same post id. */
    void put(HeldPost hold);

    /** Removes the hold of this post, if any. */
    void remove(String postId);

    /** Holds in memory only: lost when the process ends. */
    static HoldStore inMemory() {
        Map<String, HeldPost> map = new ConcurrentHashMap<>();
        return new HoldStore() {
            @Override
            public List<HeldPost> all() {
                return List.copyOf(map.values());
            }

            @Override
            public void put(HeldPost hold) {
                map.put(Objects.requireNonNull(hold, "hold").postId(), hold);
            }

            @Override
            public void remove(String postId) {
                map.remove(Objects.requireNonNull(postId, "postId"));
            }

            @Override
            public String toString() {
                return "HoldStore.inMemory[" + map.size() + " holds]";
            }
        };
    }

    /**
     * Holds in a file of JSON lines ({@link HeldPost#toJson()}), rewritten atomically on every change
     * (written to a temporary file, forced to disk, then moved over the old one).
     *
     * @throws java.io.UncheckedIOException if an existing file cannot be read
     * @throws IllegalArgumentException naming the line if an existing file holds a line that is not a hold
     */
    static HoldStore file(Path path) {
        return new FileHoldStore(Objects.requireNonNull(path, "path"));
    }
}
