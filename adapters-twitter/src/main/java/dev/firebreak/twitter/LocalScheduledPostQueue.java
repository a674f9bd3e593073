package dev.firebreak.twitter;

import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled-post queue kept by the application, because X has no scheduling API: posts wait here
 * and {@link #publishDue(Instant)} hands the ones that are due to a {@link Publisher} (typically
 * {@link TwitterActions#post(String)}). Call {@code publishDue} from your own scheduler, for example
 * once a minute; the queue has no thread.
 *
 * <p>It is the {@link PublishingControl} of X: {@link #pause(String)} holds every waiting post (and
 * every post scheduled while paused), so nothing goes out during a crisis; {@link #resume()} releases
 * them. Resume policy ({@link ResumePolicy}): by default ({@link ResumePolicy#SHIFT_BY_PAUSE}) a post
 * whose time passed during the pause is moved later by the length of the pause, so the backlog keeps
 * its spacing instead of going out in one burst; with {@link ResumePolicy#PUBLISH_PAST_DUE} it keeps
 * its time and goes out on the next {@code publishDue}. Posts due after the resume keep their time.
 *
 * <p>Nothing is lost or published twice: every post stays recorded with its state (waiting, held,
 * being published, published with its X id, cancelled); a post is handed to the publisher by one
 * {@code publishDue} call only; a failed publish puts it back (held if a pause began meanwhile) and is
 * reported; scheduling an id again is a no-op. A post being published when a pause begins cannot be
 * held: the pause reports it as a failure. The queue lives in memory: persist {@link #scheduled()},
 * {@link #held()} and {@link #published()} yourself if it must survive a restart.
 *
 * <p>Thread-safe; the publisher is called outside the queue's lock. Times come from the injected clock.
 */
public final class LocalScheduledPostQueue implements PublishingControl {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduledPostQueue.class);

    /** Publishes one due post. */
    @FunctionalInterface
    public interface Publisher {
        /**
         * Publishes the post.
         *
         * @param id the queue's id of the post (stable: use it to make publishing idempotent)
         * @param text the text to publish
         * @return the platform's id of the published post
         * @throws Exception if it was not published; the queue keeps the post and reports the failure
         */
        String publish(String id, String text) throws Exception;
    }

    /** What {@link #resume()} does with posts whose time passed during the pause. */
    public enum ResumePolicy {
        /** Move them later by the length of the pause, keeping their spacing (the default). */
        SHIFT_BY_PAUSE,
        /** Keep their time: they go out on the next {@link #publishDue(Instant)}. */
        PUBLISH_PAST_DUE
    }

    /**
     * A post that went out.
     *
     * @param post the post as it was scheduled
     * @param platformId the id X gave it
     * @param at when it was published
     */
    public record Published(ScheduledPost post, String platformId, Instant at) {
        public Published {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(platformId, "platformId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * What one {@link #publishDue(Instant)} did.
     *
     * @param published the posts that went out
     * @param failures the posts the publisher refused, kept for the next call
     */
    public record PublishReport(List<Published> published, List<PauseReport.Failure> failures) {
        public PublishReport {
            published = List.copyOf(published);
            failures = List.copyOf(failures);
        }
    }

    private enum State { WAITING, HELD, PUBLISHING, PUBLISHED, CANCELLED }

    private static final class Entry {
        final String id;
        final String text;
        Instant publishAt;
        State state;
        String platformId;
        Instant publishedAt;

        Entry(String id, String text, Instant publishAt, State state) {
            this.id = id;
            this.text = text;
            this.publishAt = publishAt;
            this.state = state;
        }
    }

    private final String account;
    private final Publisher publisher;
    private final Clock clock;
    private final ResumePolicy policy;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long nextId = 1;
    private boolean paused;
    private Instant pausedAt;
    private String pauseReason;

    private LocalScheduledPostQueue(Builder b) {
        this.account = b.account;
        this.publisher = b.publisher;
        this.clock = b.clock;
        this.policy = b.policy;
    }

    /**
     * A builder for the queue of one account.
     *
     * @param account the account the posts go out on, for example {@code "@acme"}
     * @param publisher what publishes a due post, for example {@code (id, text) -> actions.post(text).id()}
     */
    public static Builder builder(String account, Publisher publisher) {
        return new Builder(account, publisher);
    }

    @Override
    public String name() {
        return "twitter:" + account + " local scheduled posts";
    }

    /**
     * Schedules a post under a new id.
     *
     * @return the post as queued (held at once if the queue is paused)
     */
    public synchronized ScheduledPost schedule(String text, Instant publishAt) {
        String id;
        do {
            id = "local-" + nextId++;
        } while (entries.containsKey(id));
        return schedule(id, text, publishAt);
    }

    /**
     * Schedules a post under the caller's id. Idempotent: scheduling an id already known returns the
     * post as it is (even if it was published or cancelled) and changes nothing.
     *
     * @throws IllegalArgumentException if the id is known with another text
     */
    public synchronized ScheduledPost schedule(String id, String text, Instant publishAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishAt, "publishAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        Entry existing = entries.get(id);
        if (existing != null) {
            if (!existing.text.equals(text)) {
                throw new IllegalArgumentException("post '" + id + "' is already queued with another text");
            }
            return view(existing);
        }
        Entry e = new Entry(id, text, publishAt, paused ? State.HELD : State.WAITING);
        entries.put(id, e);
        return view(e);
    }

    /**
     * Cancels a post that has not gone out.
     *
     * @return whether it was waiting or held and is now cancelled
     */
    public synchronized boolean cancel(String id) {
        Entry e = entries.get(id);
        if (e == null || (e.state != State.WAITING && e.state != State.HELD)) {
            return false;
        }
        e.state = State.CANCELLED;
        return true;
    }

    @Override
    public synchronized List<ScheduledPost> scheduled() {
        return list(State.WAITING);
    }

    @Override
    public synchronized List<ScheduledPost> held() {
        return list(State.HELD);
    }

    /** The posts that went out, oldest first. */
    public synchronized List<Published> published() {
        List<Published> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state == State.PUBLISHED) {
                out.add(new Published(view(e), e.platformId, e.publishedAt));
            }
        }
        out.sort(Comparator.comparing(Published::at));
        return out;
    }

    /** Whether a pause is in force. */
    public synchronized boolean isPaused() {
        return paused;
    }

    /** The reason given to the pause in force. */
    public synchronized Optional<String> pauseReason() {
        return paused ? Optional.of(pauseReason) : Optional.empty();
    }

    @Override
    public synchronized PauseReport pause(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!paused) {
            paused = true;
            pausedAt = clock.instant();
            pauseReason = reason;
            LOG.info("{}: paused ({})", name(), reason);
        }
        List<ScheduledPost> affected = new ArrayList<>();
        List<PauseReport.Failure> failures = new ArrayList<>();
        for (Entry e : sorted()) {
            if (e.state == State.WAITING) {
                e.state = State.HELD;
                affected.add(view(e));
            } else if (e.state == State.PUBLISHING) {
                failures.add(new PauseReport.Failure(view(e), "being published at this moment; it may go out"));
            }
        }
        return new PauseReport(affected, failures);
    }

    @Override
    public synchronized PauseReport resume() {
        if (!paused) {
            return new PauseReport(List.of(), List.of());
        }
        Instant now = clock.instant();
        Duration pause = Duration.between(pausedAt, now);
        if (pause.isNegative()) {
            pause = Duration.ZERO;
        }
        List<ScheduledPost> affected = new ArrayList<>();
        for (Entry e : sorted()) {
            if (e.state != State.HELD) {
                continue;
            }
            if (policy == ResumePolicy.SHIFT_BY_PAUSE && !e.publishAt.isAfter(now)) {
                e.publishAt = e.publishAt.plus(pause);
            }
            e.state = State.WAITING;
            affected.add(view(e));
        }
        paused = false;
        pausedAt = null;
        LOG.info("{}: resumed after {} ({}), {} posts released", name(), pause, pauseReason, affected.size());
        pauseReason = null;
        return new PauseReport(affected, List.of());
    }

    /** Publishes the posts due at the clock's current time; see {@link #publishDue(Instant)}. */
    public PublishReport publishDue() {
        return publishDue(clock.instant());
    }

    /**
     * Publishes every waiting post due at {@code now}, oldest first. Does nothing while paused.
     *
     * @return what went out and what the publisher refused
     */
    public PublishReport publishDue(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            if (paused) {
                return new PublishReport(List.of(), List.of());
            }
            for (Entry e : sorted()) {
                if (e.state == State.WAITING && !e.publishAt.isAfter(now)) {
                    e.state = State.PUBLISHING;
                    due.add(e);
                }
            }
        }
        List<Published> published = new ArrayList<>();
        List<PauseReport.Failure> failures = new ArrayList<>();
        for (Entry e : due) {
            boolean holdRest;
            synchronized (this) {
                holdRest = paused;
            }
            if (holdRest) {
                synchronized (this) {
                    e.state = State.HELD;
                }
                continue;
            }
            String platformId = null;
            String failure = null;
            try {
                platformId = publisher.publish(e.id, e.text);
                if (platformId == null || platformId.isBlank()) {
                    failure = "the publisher returned no platform id";
                }
            } catch (Exception ex) {
                failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            }
            synchronized (this) {
                if (failure == null) {
                    e.state = State.PUBLISHED;
                    e.platformId = platformId;
                    e.publishedAt = clock.instant();
                    published.add(new Published(view(e), platformId, e.publishedAt));
                } else {
                    e.state = paused ? State.HELD : State.WAITING;
                    failures.add(new PauseReport.Failure(view(e), failure));
                    LOG.warn("{}: post {} was not published: {}", name(), e.id, failure);
                }
            }
        }
        return new PublishReport(published, failures);
    }

    private List<ScheduledPost> list(State state) {
        List<ScheduledPost> out = new ArrayList<>();
        for (Entry e : sorted()) {
            if (e.state == state) {
                out.add(view(e));
            }
        }
        return out;
    }

    private List<Entry> sorted() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Entry e) -> e.publishAt));
        return list;
    }

    private ScheduledPost view(Entry e) {
        int cut = Math.min(e.text.length(), 80);
        if (cut > 0 && cut < e.text.length() && Character.isHighSurrogate(e.text.charAt(cut - 1))) {
            cut--;
        }
        return new ScheduledPost(e.id, account, e.publishAt, e.text.substring(0, cut));
    }

    @Override
    public synchronized String toString() {
        return "LocalScheduledPostQueue[" + account + ", " + entries.size() + " posts, " + (paused ? "paused" : "running")
                + "]";
    }

    /** Builds a {@link LocalScheduledPostQueue}. */
    public static final class Builder {
        private final String account;
        private final Publisher publisher;
        private Clock clock = Clock.systemUTC();
        private ResumePolicy policy = ResumePolicy.SHIFT_BY_PAUSE;

        private Builder(String account, Publisher publisher) {
            Objects.requireNonNull(account, "account");
            if (account.isBlank()) {
                throw new IllegalArgumentException("account must not be blank");
            }
            this.account = account;
            this.publisher = Objects.requireNonNull(publisher, "publisher");
        }

        /** The clock for pause and publish times; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What resume does with posts that fell due during the pause; default {@link ResumePolicy#SHIFT_BY_PAUSE}. */
        public Builder resumePolicy(ResumePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The queue. */
        public LocalScheduledPostQueue build() {
            return new LocalScheduledPostQueue(this);
        }
    }
}
