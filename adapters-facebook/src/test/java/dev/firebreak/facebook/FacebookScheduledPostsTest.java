package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.facebook.GraphServer.Reply;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.ScheduledPost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause and release of scheduled posts against a fake Graph API that keeps the posts' schedule. */
class FacebookScheduledPostsTest {

    private static final String PAGE = Fixtures.PAGE_ID;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String A = PAGE + "_9001";
    private static final String B = PAGE + "_9002";
    private static final String C = PAGE + "_9003";

    private final GraphServer server = new GraphServer();
    private final FakeTime time = new FakeTime(NOW);
    /** The Page's scheduled posts as Facebook holds them: id to publish time. */
    private final Map<String, Instant> schedule = new ConcurrentHashMap<>();
    /** Posts Facebook refuses to move. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    FacebookScheduledPostsTest() {
        schedule.put(A, NOW.plus(Duration.ofHours(2)));
        schedule.put(B, NOW.plus(Duration.ofDays(3)));
        schedule.put(C, NOW.plus(Duration.ofMinutes(40)));
        server.route("GET", "/v25.0/" + PAGE + "/scheduled_posts", call -> {
            StringBuilder items = new StringBuilder();
            for (Map.Entry<String, Instant> e : new TreeMap<>(schedule).entrySet()) {
                if (items.length() > 0) {
                    items.append(',');
                }
                items.append("{\"id\":\"").append(e.getKey()).append("\",\"message\":\"Happy Friday from Acme! Post ")
                        .append(e.getKey()).append("\",\"scheduled_publish_time\":").append(e.getValue().getEpochSecond())
                        .append(",\"is_published\":false}");
            }
            return Reply.ok("{\"data\":[" + items + "],\"paging\":{\"cursors\":{\"before\":\"x\",\"after\":\"y\"}}}");
        });
        for (String id : List.of(A, B, C)) {
            server.route("POST", "/v25.0/" + id, call -> {
                if (refused.contains(id)) {
                    return Reply.of(400, "{\"error\":{\"message\":\"(#100) The specified scheduled publish time is "
                            + "invalid.\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"Asched\"}}");
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(call.form().get("scheduled_publish_time")));
                Duration ahead = Duration.between(time.instant(), at);
                if (ahead.compareTo(Duration.ofMinutes(10)) < 0 || ahead.compareTo(Duration.ofDays(30)) > 0) {
                    return Reply.of(400, "{\"error\":{\"message\":\"(#100) The specified scheduled publish time is "
                            + "invalid.\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"Awindow\"}}");
                }
                schedule.put(id, at);
                return Reply.ok("{\"success\":true}");
            });
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FacebookClient client() {
        return FacebookClient.builder(Fixtures.config().toBuilder().baseUrl(server.baseUrl()).build())
                .clock(time).sleeper(time).build();
    }

    private FacebookScheduledPosts control(HoldStore store) {
        return FacebookScheduledPosts.builder(client()).holdStore(store).build();
    }

    private static List<String> ids(List<ScheduledPost> posts) {
        return posts.stream().map(ScheduledPost::id).sorted().toList();
    }

    @Test
    void pauseHoldsEveryScheduledPostFarAheadAndRecordsItsOriginalTime() {
        Map<String, Instant> original = Map.copyOf(schedule);
        FacebookScheduledPosts control = control(HoldStore.inMemory());

        PauseReport report = control.pause("incident-7");

        assertTrue(report.isComplete(), report.failures().toString());
        assertEquals(List.of(A, B, C), ids(report.affected()));
        for (String id : List.of(A, B, C)) {
            assertEquals(NOW.plus(Duration.ofDays(28)), schedule.get(id), id + " moved 28 days ahead");
        }
        assertEquals(List.of(), control.scheduled(), "nothing left scheduled that is not held");
        for (ScheduledPost held : control.held()) {
            assertEquals(original.get(held.id()), held.publishAt(), "held posts show their original time");
        }
        assertEquals(List.of(C, A, B), control.holds().stream().map(HeldPost::postId).toList(), "soonest first");
        assertEquals("incident-7", control.holds().get(0).reason());
        assertTrue(control.holds().get(0).preview().startsWith("Happy Friday"));
    }

    @Test
    void pauseAndResumeAreIdempotent() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        int calls = server.calls("POST", "/v25.0/" + A).size();

        PauseReport again = control.pause("incident-7");

        assertEquals(List.of(), again.affected());
        assertTrue(again.isComplete());
        assertEquals(calls, server.calls("POST", "/v25.0/" + A).size(), "a held post is not moved again");

        control.resume();
        PauseReport resumeAgain = control.resume();
        assertEquals(List.of(), resumeAgain.affected());
        assertEquals(List.of(), control.held());
    }

    @Test
    void aPostThatCannotBeHeldIsReportedStillScheduledAndNotRecorded() {
        refused.add(B);
        Instant bTime = schedule.get(B);
        FacebookScheduledPosts control = control(HoldStore.inMemory());

        PauseReport report = control.pause("incident-7");

        assertFalse(report.isComplete());
        assertEquals(List.of(A, C), ids(report.affected()));
        assertEquals(1, report.failures().size());
        PauseReport.Failure failure = report.failures().get(0);
        assertEquals(B, failure.post().id());
        assertTrue(failure.reason().contains("not held") && failure.reason().contains("100"), failure.reason());
        assertEquals(bTime, schedule.get(B), "still at its time");
        assertEquals(List.of(A, C), ids(control.held()));
        assertEquals(List.of(B), ids(control.scheduled()), "it is still visible as scheduled and not held");

        refused.clear();
        PauseReport retry = control.pause("incident-7");
        assertEquals(List.of(B), ids(retry.affected()), "a later pause holds it");
    }

    @Test
    void resumePutsEveryPostBackAtItsOriginalTime() {
        Map<String, Instant> original = Map.copyOf(schedule);
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        time.advance(Duration.ofMinutes(20));

        PauseReport report = control.resume();

        assertTrue(report.isComplete(), report.failures().toString());
        assertEquals(original, Map.copyOf(schedule));
        assertEquals(List.of(), control.held());
        assertEquals(List.of(A, B, C), ids(control.scheduled()));
    }

    @Test
    void postsWhoseTimePassedWhileHeldGoOutSoonAfterTheRelease() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        Instant bTime = schedule.get(B);
        control.pause("incident-7");
        time.advance(Duration.ofHours(6));

        PauseReport report = control.resume();

        Instant soon = NOW.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(15));
        assertEquals(soon, schedule.get(A), "2 h post, 6 h pause: out 15 minutes after the release");
        assertEquals(soon, schedule.get(C));
        assertEquals(bTime, schedule.get(B), "a post still in the future keeps its time");
        assertEquals(soon, report.affected().stream().filter(p -> p.id().equals(A)).findFirst().orElseThrow().publishAt(),
                "the report says when each post goes out now");
    }

    @Test
    void shiftByPauseKeepsTheSpacingBetweenLatePosts() {
        FacebookScheduledPosts control = FacebookScheduledPosts.builder(client()).holdStore(HoldStore.inMemory())
                .lateRelease(FacebookScheduledPosts.LateRelease.SHIFT_BY_PAUSE).build();
        control.pause("incident-7");
        time.advance(Duration.ofHours(6));

        control.resume();

        assertEquals(NOW.plus(Duration.ofHours(8)), schedule.get(A), "2 h after the pause started, 2 h after release");
        assertEquals(NOW.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(40)), schedule.get(C));
    }

    @Test
    void aPostThatCannotBeReleasedStaysHeldForTheNextResume() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        refused.add(A);

        PauseReport report = control.resume();

        assertEquals(List.of(A), report.failures().stream().map(f -> f.post().id()).toList());
        assertTrue(report.failures().get(0).reason().contains("still held"), report.failures().get(0).reason());
        assertEquals(List.of(A), ids(control.held()));

        refused.clear();
        PauseReport retry = control.resume();
        assertEquals(List.of(A), ids(retry.affected()));
        assertEquals(NOW.plus(Duration.ofHours(2)), schedule.get(A));
        assertEquals(List.of(), control.held());
    }

    @Test
    void holdsSurviveARestartWhenRecordedInAFile() throws Exception {
        Path file = dir.resolve("holds.jsonl");
        Map<String, Instant> original = Map.copyOf(schedule);
        control(HoldStore.file(file)).pause("incident-7");
        assertEquals(3, Files.readAllLines(file).size());

        FacebookScheduledPosts afterRestart = control(HoldStore.file(file));
        assertEquals(List.of(A, B, C), ids(afterRestart.held()));
        afterRestart.resume();

        assertEquals(original, Map.copyOf(schedule));
        assertEquals(List.of(), HoldStore.file(file).all());
    }

    @Test
    void holdsAreRenewedBeforeFacebooksThirtyDayLimitLetsThemOut() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        time.advance(Duration.ofDays(15));

        PauseReport report = control.pause("incident-7");

        assertTrue(report.isComplete(), report.failures().toString());
        assertEquals(List.of(), report.affected(), "renewals are not new holds");
        for (String id : List.of(A, B, C)) {
            assertEquals(NOW.plus(Duration.ofDays(15 + 28)), schedule.get(id), id);
        }
        assertEquals(NOW.plus(Duration.ofHours(2)), control.holds().stream().filter(h -> h.postId().equals(A))
                .findFirst().orElseThrow().originalPublishAt(), "the original time survives renewals");
    }

    @Test
    void aFailedRenewalIsReported() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        time.advance(Duration.ofDays(20));
        refused.add(B);

        PauseReport report = control.pause("incident-7");

        assertEquals(List.of(B), report.failures().stream().map(f -> f.post().id()).toList());
        assertTrue(report.failures().get(0).reason().contains("not renewed"), report.failures().get(0).reason());
    }

    @Test
    void forgetDropsARecordWithoutTouchingThePost() {
        FacebookScheduledPosts control = control(HoldStore.inMemory());
        control.pause("incident-7");
        int before = server.calls().size();

        assertTrue(control.forget(A));
        assertFalse(control.forget(A));

        assertEquals(before, server.calls().size());
        assertEquals(List.of(B, C), ids(control.held()));
    }

    @Test
    void heldPostRecordsRoundTripThroughJson() {
        HeldPost h = new HeldPost(A, PAGE, NOW, NOW.plus(Duration.ofDays(28)), NOW, "incident \"7\"\n", "Happy 😀 Friday");

        assertEquals(h, HeldPost.fromJson(h.toJson()));
        assertFalse(h.toJson().contains("\n"), "one line");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeldPost.fromJson("{\"postId\":\"1\"}"));
        assertTrue(e.getMessage().contains("pageId"), e.getMessage());
    }

    @Test
    void aCorruptHoldsFileIsRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("holds.jsonl");
        HeldPost h = new HeldPost(A, PAGE, NOW, NOW, NOW, "r", "p");
        Files.writeString(file, h.toJson() + "\nnot json\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldStore.file(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void builderRefusesHoldsFacebookWouldReject() {
        FacebookScheduledPosts.Builder b = FacebookScheduledPosts.builder(client());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> b.holdFor(Duration.ofDays(31)));
        assertTrue(tooLong.getMessage().contains("holdFor"));
        IllegalArgumentException tooSoon = assertThrows(IllegalArgumentException.class,
                () -> b.releaseLead(Duration.ofMinutes(5)));
        assertTrue(tooSoon.getMessage().contains("releaseLead"));
    }

    @Test
    void nameSaysWhichPage() {
        assertEquals("facebook:page " + PAGE + " scheduled posts", control(HoldStore.inMemory()).name());
    }
}
