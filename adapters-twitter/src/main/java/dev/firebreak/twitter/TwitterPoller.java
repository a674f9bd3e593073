package dev.firebreak.twitter;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.RejectedItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Polls one X timeline (recent search or a mention timeline) for new posts with {@code since_id},
 * following {@code next_token} across pages. Each post is returned once: a poll asks only for posts
 * newer than the newest one of the last complete poll, and drops any it already returned.
 *
 * <p>A poll reads at most {@link TwitterConfig#maxPagesPerPoll()} pages; when more are waiting it
 * returns with {@link PollResult#caughtUp()} {@code false} and the next poll continues from the saved
 * {@code next_token} (tokens do not expire) before it moves {@code since_id} forward, so a burst is
 * read completely, newest first, over several polls. A poll that fails (a {@link TwitterException})
 * changes nothing: the next poll asks again for the same pages.
 *
 * <p>Save {@link #sinceId()} to resume after a restart ({@link TwitterClient#searchPoller(String,
 * Optional)}). Thread-safe; polls are serialised. Get one from {@link TwitterClient#searchPoller} or
 * {@link TwitterClient#mentionsPoller}.
 */
public final class TwitterPoller {

    /** Fetches one page. */
    @FunctionalInterface
    interface Fetcher {
        TwitterPage fetch(Optional<String> sinceId, Optional<String> token);
    }

    /**
     * What one poll found.
     *
     * @param payload the new mentions, newest first, and the items that could not be read
     * @param pages how many pages were read
     * @param caughtUp {@code false} if more pages are waiting for the next poll
     * @param sinceId the {@code since_id} the next cycle will use
     */
    public record PollResult(MappedPayload payload, int pages, boolean caughtUp, Optional<String> sinceId) {
        /** Validates the fields. */
        public PollResult {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(sinceId, "sinceId");
        }

        /** The new mentions. */
        public List<Mention> mentions() {
            return payload.mentions();
        }
    }

    private final String name;
    private final Fetcher fetcher;
    private final int maxPages;
    private Optional<String> sinceId;
    private Optional<String> pendingToken = Optional.empty();
    private Optional<String> cycleNewest = Optional.empty();
    private Set<String> deliveredThisCycle = new HashSet<>();

    TwitterPoller(String name, Fetcher fetcher, int maxPages, Optional<String> sinceId) {
        this.name = name;
        this.fetcher = fetcher;
        this.maxPages = maxPages;
        this.sinceId = Objects.requireNonNull(sinceId, "sinceId");
    }

    /**
     * Reads the posts that are new since the last poll.
     *
     * @throws TwitterException if a request fails; the poller's state is unchanged
     */
    public synchronized PollResult poll() {
        Optional<String> since = sinceId;
        Optional<String> token = pendingToken;
        Optional<String> newest = cycleNewest;
        Set<String> delivered = new HashSet<>(deliveredThisCycle);
        List<Mention> mentions = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        int pages = 0;
        boolean caughtUp = false;
        while (pages < maxPages) {
            TwitterPage page = fetcher.fetch(since, token);
            pages++;
            if (newest.isEmpty()) {
                newest = page.newestId();
            }
            for (Mention m : page.payload().mentions()) {
                newest = max(newest, m.id());
                if ((since.isEmpty() || newer(m.id(), since.get())) && delivered.add(m.id())) {
                    mentions.add(m);
                }
            }
            for (RejectedItem r : page.payload().rejected()) {
                rejected.add(new RejectedItem("page " + pages + " " + r.location(), r.reason(), r.raw()));
            }
            token = page.nextToken();
            if (token.isEmpty()) {
                if (newest.isPresent()) {
                    since = since.isEmpty() ? newest : max(since, newest.get());
                }
                newest = Optional.empty();
                delivered.clear();
                caughtUp = true;
                break;
            }
        }
        sinceId = since;
        pendingToken = token;
        cycleNewest = newest;
        deliveredThisCycle = delivered;
        return new PollResult(new MappedPayload(mentions, rejected), pages, caughtUp, since);
    }

    /** The {@code since_id} of the next cycle: the newest post id of the last complete poll. */
    public synchronized Optional<String> sinceId() {
        return sinceId;
    }

    /** Whether pages of the current cycle are still waiting to be read. */
    public synchronized boolean hasPendingPages() {
        return pendingToken.isPresent();
    }

    @Override
    public String toString() {
        return "TwitterPoller[" + name + "]";
    }

    /** Whether numeric id {@code a} is newer (greater) than {@code b}; non-numeric ids are always new. */
    static boolean newer(String a, String b) {
        if (!isNumber(a) || !isNumber(b)) {
            return true;
        }
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? x.length() > y.length() : x.compareTo(y) > 0;
    }

    private static Optional<String> max(Optional<String> current, String candidate) {
        if (!isNumber(candidate)) {
            return current;
        }
        return current.isEmpty() || newer(candidate, current.get()) ? Optional.of(candidate) : current;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
