package dev.firebreak.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.facebook.internal.GraphValues;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pauses a Page's scheduled posts during a crisis and releases them afterwards.
 *
 * <h2>How a post is held</h2>
 * Facebook lets a scheduled post be moved with {@code POST /{post-id}} and a new
 * {@code scheduled_publish_time}, which must be between 10 minutes and 30 days ahead. Holding moves
 * the post {@link Builder#holdFor(Duration) holdFor} ahead (28 days by default); the post itself stays
 * on Facebook, untouched, with its text, links and media. Deleting it and keeping a local copy, the
 * other option Facebook documents, would lose media and could publish a copy twice, so it is not used.
 *
 * <h2>Nothing lost, nothing published twice</h2>
 * <ul>
 *   <li>{@link #pause(String)} writes a {@link HeldPost} (with the original publish time) to the
 *       {@link HoldStore} <em>before</em> it moves the post, and removes it again if Facebook refuses;
 *       a post that cannot be held is in the report's failures, still scheduled at its time.</li>
 *   <li>{@link #resume()} moves each held post back and removes its record only <em>after</em>
 *       Facebook accepted; one that cannot be released stays held and recorded, in the failures,
 *       and the next {@code resume()} tries again.</li>
 *   <li>A post is never re-created, only rescheduled, so there is never a second copy to publish.</li>
 *   <li>Both calls are idempotent: held posts are not held again, and an empty store releases nothing.</li>
 *   <li>Facebook will not schedule more than 30 days ahead, so a hold runs out: every {@code pause()}
 *       also pushes back holds that are less than half of {@code holdFor} from going out. Call
 *       {@code pause()} again more often than every half of {@code holdFor} while a crisis lasts
 *       (weekly is safe with the default 28 days); a renewal that fails is reported.</li>
 * </ul>
 *
 * <h2>Posts whose time passed while held</h2>
 * A post whose original time is still at least {@link Builder#releaseLead(Duration) releaseLead}
 * (15 minutes by default) away goes back to that time. One whose time has passed, or is closer than
 * that, follows the {@link LateRelease} policy: {@link LateRelease#PUBLISH_SOON} (the default)
 * schedules it {@code releaseLead} after the release, so the team still has a few minutes to stop
 * it; {@link LateRelease#SHIFT_BY_PAUSE} moves it by the length of the pause, keeping the spacing
 * between posts (and never sooner than {@code releaseLead}).
 *
 * <p>Thread-safe: pause, resume and renewals are serialised.
 */
public final class FacebookScheduledPosts implements PublishingControl {

    /** What to do with a held post whose time passed (or nearly) while it was held. */
    public enum LateRelease {
        /** Publish it {@code releaseLead} after the release. */
        PUBLISH_SOON,
        /** Delay it by the length of the pause; at least {@code releaseLead} after the release. */
        SHIFT_BY_PAUSE
    }

    /** The fields read from {@code /{page-id}/scheduled_posts}. */
    static final String FIELDS = "id,message,scheduled_publish_time,created_time,is_published";
    private static final int PREVIEW = 80;

    private final FacebookClient client;
    private final HoldStore store;
    private final Duration holdFor;
    private final Duration releaseLead;
    private final LateRelease lateRelease;

    private FacebookScheduledPosts(Builder b) {
        this.client = b.client;
        this.store = b.store;
        this.holdFor = b.holdFor;
        this.releaseLead = b.releaseLead;
        this.lateRelease = b.lateRelease;
    }

    /** A builder over this client's Page. */
    public static Builder builder(FacebookClient client) {
        return new Builder(client);
    }

    @Override
    public String name() {
        return "facebook:page " + client.pageId() + " scheduled posts";
    }

    /** The Page's scheduled posts that are not held, from {@code GET /{page-id}/scheduled_posts}. */
    @Override
    public List<ScheduledPost> scheduled() {
        Map<String, HeldPost> held = heldById();
        List<ScheduledPost> out = new ArrayList<>();
        for (ScheduledPost p : list()) {
            if (!held.containsKey(p.id())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The held posts, with their original publish times, soonest first. */
    @Override
    public List<ScheduledPost> held() {
        return holds().stream().map(HeldPost::toScheduledPost).toList();
    }

    /** The hold records, soonest original publish time first. */
    public List<HeldPost> holds() {
        List<HeldPost> all = new ArrayList<>(store.all());
        all.sort(Comparator.comparing(HeldPost::originalPublishAt).thenComparing(HeldPost::postId));
        return all;
    }

    /**
     * Holds every scheduled post that is not held yet, and renews holds that run out within half of
     * {@code holdFor}.
     *
     * @param reason recorded with each new hold, for example the incident id
     * @return the posts held now (with their original times) and those that could not be held or renewed
     * @throws FacebookException if the scheduled posts cannot be listed at all (nothing was changed)
     */
    @Override
    public synchronized PauseReport pause(String reason) {
        Objects.requireNonNull(reason, "reason");
        List<ScheduledPost> posts = list();
        Map<String, HeldPost> held = heldById();
        Instant now = client.clock().instant();
        List<ScheduledPost> affected = new ArrayList<>();
        List<PauseReport.Failure> failures = new ArrayList<>();
        for (ScheduledPost post : posts) {
            HeldPost existing = held.get(post.id());
            if (existing != null) {
                continue;
            }
            if (post.publishAt().equals(Instant.EPOCH)) {
                failures.add(new PauseReport.Failure(post, "Facebook did not say when it is scheduled; not held"));
                continue;
            }
            HeldPost hold = new HeldPost(post.id(), client.pageId(), post.publishAt(), now.plus(holdFor), now, reason,
                    post.preview());
            store.put(hold);
            try {
                reschedule(post.id(), hold.heldUntil());
                affected.add(post);
            } catch (FacebookException e) {
                store.remove(post.id());
                failures.add(new PauseReport.Failure(post, "not held, still scheduled: " + e.getMessage()));
            }
        }
        for (HeldPost hold : held.values()) {
            if (Duration.between(now, hold.heldUntil()).compareTo(holdFor.dividedBy(2)) < 0) {
                HeldPost renewed = hold.renewed(now.plus(holdFor), now);
                try {
                    reschedule(hold.postId(), renewed.heldUntil());
                    store.put(renewed);
                } catch (FacebookException e) {
                    failures.add(new PauseReport.Failure(hold.toScheduledPost(), "hold not renewed, it goes out at "
                            + hold.heldUntil() + " unless released: " + e.getMessage()));
                }
            }
        }
        return new PauseReport(affected, failures);
    }

    /**
     * Releases every held post: back to its original time, or as {@link LateRelease} says when that
     * time has passed or is closer than {@code releaseLead}.
     *
     * @return the released posts with the time each will now go out, and those still held
     */
    @Override
    public synchronized PauseReport resume() {
        Instant now = client.clock().instant();
        List<ScheduledPost> affected = new ArrayList<>();
        List<PauseReport.Failure> failures = new ArrayList<>();
        for (HeldPost hold : holds()) {
            Instant at = releaseTime(hold, now);
            try {
                reschedule(hold.postId(), at);
            } catch (FacebookException e) {
                failures.add(new PauseReport.Failure(hold.toScheduledPost(), "still held until " + hold.heldUntil()
                        + ": " + e.getMessage()));
                continue;
            }
            store.remove(hold.postId());
            affected.add(new ScheduledPost(hold.postId(), hold.pageId(), at, hold.preview()));
        }
        return new PauseReport(affected, failures);
    }

    /**
     * Drops the hold record of a post without touching the post (for one deleted or published by hand
     * since it was held).
     *
     * @return whether there was a record
     */
    public synchronized boolean forget(String postId) {
        boolean known = heldById().containsKey(postId);
        store.remove(postId);
        return known;
    }

    /** When a held post goes out if released at {@code now}. */
    Instant releaseTime(HeldPost hold, Instant now) {
        Instant earliest = now.plus(releaseLead);
        if (!hold.originalPublishAt().isBefore(earliest)) {
            return hold.originalPublishAt();
        }
        if (lateRelease == LateRelease.SHIFT_BY_PAUSE) {
            Instant shifted = hold.originalPublishAt().plus(Duration.between(hold.heldAt(), now));
            return shifted.isAfter(earliest) ? shifted : earliest;
        }
        return earliest;
    }

    private void reschedule(String postId, Instant at) {
        JsonNode r = client.post(FacebookClient.checkId(postId, "postId"),
                Map.of("scheduled_publish_time", Long.toString(at.getEpochSecond())), true);
        boolean ok = r.isBoolean() ? r.booleanValue()
                : GraphValues.bool(r.get("success")).orElse(GraphValues.id(r, "id").isPresent());
        if (!ok) {
            throw new FacebookException("Facebook did not confirm moving post " + postId + " to " + at);
        }
    }

    private List<ScheduledPost> list() {
        List<ScheduledPost> out = new ArrayList<>();
        for (JsonNode item : client.items(client.pageId() + "/scheduled_posts", Map.of("fields", FIELDS))) {
            Optional<String> id = GraphValues.id(item, "id");
            if (id.isEmpty() || GraphValues.bool(item.get("is_published")).orElse(false)) {
                continue;
            }
            Instant at;
            try {
                at = GraphValues.time(item.get("scheduled_publish_time")).orElse(Instant.EPOCH);
            } catch (IllegalArgumentException e) {
                at = Instant.EPOCH;
            }
            out.add(new ScheduledPost(id.get(), client.pageId(), at, preview(GraphValues.text(item, "message").orElse(""))));
        }
        return out;
    }

    private Map<String, HeldPost> heldById() {
        Map<String, HeldPost> m = new LinkedHashMap<>();
        for (HeldPost h : store.all()) {
            m.put(h.postId(), h);
        }
        return m;
    }

    private static String preview(String text) {
        if (text.codePointCount(0, text.length()) <= PREVIEW) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW)) + "...";
    }

    @Override
    public String toString() {
        return "FacebookScheduledPosts[" + name() + ", holdFor=" + holdFor + ", releaseLead=" + releaseLead + ", "
                + lateRelease + "]";
    }

    /** Builds a {@link FacebookScheduledPosts}. */
    public static final class Builder {
        private final FacebookClient client;
        private HoldStore store = HoldStore.inMemory();
        private Duration holdFor = Duration.ofDays(28);
        private Duration releaseLead = Duration.ofMinutes(15);
        private LateRelease lateRelease = LateRelease.PUBLISH_SOON;

        private Builder(FacebookClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where holds are recorded (default: in memory; use {@link HoldStore#file} or your own to survive restarts). */
        public Builder holdStore(HoldStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** How far ahead a held post is moved: 1 hour to 29 days (Facebook allows at most 30). */
        public Builder holdFor(Duration holdFor) {
            Objects.requireNonNull(holdFor, "holdFor");
            if (holdFor.compareTo(Duration.ofHours(1)) < 0 || holdFor.compareTo(Duration.ofDays(29)) > 0) {
                throw new IllegalArgumentException("holdFor must be between PT1H and 29 days (P29D), was " + holdFor);
            }
            this.holdFor = holdFor;
            return this;
        }

        /**
         * The least time between a release and a released post going out: 11 minutes (Facebook needs
         * 10) to 1 day.
         */
        public Builder releaseLead(Duration releaseLead) {
            Objects.requireNonNull(releaseLead, "releaseLead");
            if (releaseLead.compareTo(Duration.ofMinutes(11)) < 0 || releaseLead.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("releaseLead must be between PT11M and PT24H, was " + releaseLead);
            }
            this.releaseLead = releaseLead;
            return this;
        }

        /** The policy for posts whose time passed while held (default {@link LateRelease#PUBLISH_SOON}). */
        public Builder lateRelease(LateRelease lateRelease) {
            this.lateRelease = Objects.requireNonNull(lateRelease, "lateRelease");
            return this;
        }

        /** The publishing control. */
        public FacebookScheduledPosts build() {
            return new FacebookScheduledPosts(this);
        }
    }
}
