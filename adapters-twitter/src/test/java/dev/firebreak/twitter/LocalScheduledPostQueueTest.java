package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.ScheduledPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalScheduledPostQueueTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private final FakeTime time = new FakeTime(T0);
    private final List<String> sent = new ArrayList<>();

    private LocalScheduledPostQueue queue(LocalScheduledPostQueue.ResumePolicy policy) {
        return LocalScheduledPostQueue.builder("@acme", (id, text) -> {
            synchronized (sent) {
                sent.add(text);
                return "x-" + sent.size();
            }
        }).clock(time).resumePolicy(policy).build();
    }

    private static List<String> ids(List<ScheduledPost> posts) {
        return posts.stream().map(ScheduledPost::id).toList();
    }

    @Test
    void duePostsArePublishedOnceInTimeOrder() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.SHIFT_BY_PAUSE);
        q.schedule("b", "Second post", T0.plusSeconds(600));
        q.schedule("a", "First post", T0.plusSeconds(300));
        q.schedule("c", "Later post", T0.plusSeconds(3600));

        LocalScheduledPostQueue.PublishReport r = q.publishDue(T0.plusSeconds(900));
        q.publishDue(T0.plusSeconds(900));

        assertEquals(List.of("First post", "Second post"), sent);
        assertEquals(List.of("x-1", "x-2"), r.published().stream().map(LocalScheduledPostQueue.Published::platformId).toList());
        assertEquals(List.of("c"), ids(q.scheduled()));
        assertEquals(2, q.published().size());
    }

    @Test
    void aPauseDuringACrisisHoldsEverythingIncludingPostsScheduledDuringIt() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.SHIFT_BY_PAUSE);
        q.schedule("promo", "Big summer sale!", T0.plusSeconds(600));
        q.schedule("quiz", "Friday quiz time", T0.plusSeconds(7200));

        PauseReport report = q.pause("incident 42: delivery outage");
        q.schedule("late", "New arrivals", T0.plusSeconds(60));

        assertTrue(report.isComplete());
        assertEquals(List.of("promo", "quiz"), ids(report.affected()));
        assertEquals(List.of("late", "promo", "quiz"), ids(q.held()));
        assertEquals(List.of(), q.scheduled());
        assertEquals(java.util.Optional.of("incident 42: delivery outage"), q.pauseReason());
        assertEquals(0, q.publishDue(T0.plus(Duration.ofDays(1))).published().size());
        assertEquals(List.of(), sent, "nothing goes out during the pause");
    }

    @Test
    void resumeShiftsPostsThatFellDueDuringThePauseByItsLength() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.SHIFT_BY_PAUSE);
        q.schedule("a", "ten minutes in", T0.plus(Duration.ofMinutes(10)));
        q.schedule("b", "thirty minutes in", T0.plus(Duration.ofMinutes(30)));
        q.schedule("c", "tomorrow", T0.plus(Duration.ofDays(1)));
        q.pause("crisis");
        time.advance(Duration.ofHours(2));

        PauseReport r = q.resume();

        assertEquals(3, r.affected().size());
        Instant resumed = T0.plus(Duration.ofHours(2));
        assertEquals(List.of(resumed.plus(Duration.ofMinutes(10)), resumed.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofDays(1))), q.scheduled().stream().map(ScheduledPost::publishAt).toList());
        assertEquals(0, q.publishDue(resumed).published().size(), "the backlog does not go out in one burst");
        assertEquals(1, q.publishDue(resumed.plus(Duration.ofMinutes(10))).published().size());
    }

    @Test
    void resumeCanPublishPastDuePostsAtOnceWhenConfiguredTo() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.PUBLISH_PAST_DUE);
        q.schedule("a", "ten minutes in", T0.plus(Duration.ofMinutes(10)));
        q.schedule("b", "thirty minutes in", T0.plus(Duration.ofMinutes(30)));
        q.pause("crisis");
        time.advance(Duration.ofHours(2));
        q.resume();

        assertEquals(2, q.publishDue(time.instant()).published().size());
        assertEquals(List.of("ten minutes in", "thirty minutes in"), sent);
    }

    @Test
    void pauseResumeAndScheduleAreIdempotent() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.SHIFT_BY_PAUSE);
        q.schedule("a", "hello", T0.plusSeconds(60));
        assertEquals("hello", q.schedule("a", "hello", T0.plusSeconds(999)).preview(), "same id: no-op");
        assertEquals(1, q.scheduled().size());
        assertThrows(IllegalArgumentException.class, () -> q.schedule("a", "other text", T0));

        assertEquals(1, q.pause("one").affected().size());
        assertEquals(0, q.pause("two").affected().size());
        assertEquals(java.util.Optional.of("one"), q.pauseReason(), "the first pause's reason stays");
        assertEquals(1, q.resume().affected().size());
        assertEquals(0, q.resume().affected().size());
        assertFalse(q.isPaused());

        q.publishDue(T0.plusSeconds(60));
        q.schedule("a", "hello", T0.plusSeconds(60));
        q.publishDue(T0.plusSeconds(120));
        assertEquals(List.of("hello"), sent, "a published id scheduled again is not published twice");
    }

    @Test
    void aFailedPublishKeepsThePostAndReportsIt() {
        int[] calls = {0};
        LocalScheduledPostQueue q = LocalScheduledPostQueue.builder("@acme", (id, text) -> {
            if (calls[0]++ == 0) {
                throw new TwitterApiException(503, java.util.Optional.empty(), "Service Unavailable", "", "POST /2/tweets");
            }
            return "x-9";
        }).clock(time).build();
        q.schedule("a", "hello", T0);

        LocalScheduledPostQueue.PublishReport failed = q.publishDue(T0);
        assertEquals(1, failed.failures().size());
        assertTrue(failed.failures().get(0).reason().contains("503"), failed.failures().get(0).reason());
        assertEquals(List.of("a"), ids(q.scheduled()), "kept for the next call");

        assertEquals("x-9", q.publishDue(T0).published().get(0).platformId());
        assertEquals(List.of(), q.scheduled());
    }

    @Test
    void aPostBeingPublishedWhenThePauseBeginsIsReportedNotSilentlyLetOut() throws Exception {
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LocalScheduledPostQueue q = LocalScheduledPostQueue.builder("@acme", (id, text) -> {
            publishing.countDown();
            release.await(5, TimeUnit.SECONDS);
            return "x-1";
        }).clock(time).build();
        q.schedule("a", "first", T0);
        q.schedule("b", "second", T0);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<LocalScheduledPostQueue.PublishReport> running = executor.submit(() -> q.publishDue(T0));
            assertTrue(publishing.await(5, TimeUnit.SECONDS));
            PauseReport pause = q.pause("crisis");
            release.countDown();
            LocalScheduledPostQueue.PublishReport r = running.get(5, TimeUnit.SECONDS);

            assertFalse(pause.isComplete());
            assertEquals("a", pause.failures().get(0).post().id());
            assertEquals(1, r.published().size(), "only the post already in flight went out");
            assertEquals(List.of("b"), ids(q.held()), "the rest of the batch is held");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void cancelledPostsNeverGoOut() {
        LocalScheduledPostQueue q = queue(LocalScheduledPostQueue.ResumePolicy.SHIFT_BY_PAUSE);
        ScheduledPost p = q.schedule("Oops, wrong text", T0);
        assertTrue(q.cancel(p.id()));
        assertFalse(q.cancel(p.id()));
        q.publishDue(T0.plusSeconds(1));
        assertEquals(List.of(), sent);
        assertTrue(q.name().contains("@acme"));
    }
}
