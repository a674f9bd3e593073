package dev.firebreak.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared test kit for every {@link PublishingControl} (a platform's scheduled posts, a local
 * queue, a user's ad or e-mail tool). Extend it and supply a fresh control with some posts scheduled;
 * JUnit runs the contract of the SPI:
 *
 * <ul>
 *   <li>a pause holds every scheduled post and reports each one; a resume releases them all;</li>
 *   <li>both are idempotent: a second pause or resume affects nothing, a resume without a pause
 *       affects nothing;</li>
 *   <li>nothing is lost or duplicated across pause and resume cycles (compared by account and
 *       preview, since a platform may give a released post a new id);</li>
 *   <li>the name is not blank.</li>
 * </ul>
 */
public abstract class PublishingControlContract {

    /**
     * A fresh control with exactly {@code count} posts scheduled in the future, with distinct texts, none
     * held and no pause in force.
     */
    protected abstract PublishingControl controlWithScheduledPosts(int count);

    private static List<String> ids(List<ScheduledPost> posts) {
        return posts.stream().map(ScheduledPost::id).sorted().toList();
    }

    private static List<String> contents(List<ScheduledPost> posts) {
        return posts.stream().map(p -> p.account() + "|" + p.preview()).sorted().toList();
    }

    @Test
    void nameIsNotBlank() {
        assertFalse(controlWithScheduledPosts(1).name().isBlank());
    }

    @Test
    void pauseHoldsEveryScheduledPost() {
        PublishingControl control = controlWithScheduledPosts(3);
        List<ScheduledPost> before = control.scheduled();
        assertEquals(3, before.size(), "the fixture should schedule 3 posts");

        PauseReport report = control.pause("test crisis");

        assertTrue(report.isComplete(), "failures: " + report.failures());
        assertEquals(ids(before), ids(report.affected()), "every scheduled post is reported as held");
        assertEquals(ids(report.affected()), ids(control.held()));
        assertEquals(List.of(), control.scheduled(), "nothing is left to go out");
    }

    @Test
    void pauseIsIdempotent() {
        PublishingControl control = controlWithScheduledPosts(2);
        control.pause("first");
        List<ScheduledPost> held = control.held();

        PauseReport again = control.pause("second");

        assertEquals(List.of(), again.affected());
        assertTrue(again.isComplete());
        assertEquals(ids(held), ids(control.held()));
    }

    @Test
    void resumeReleasesEveryHeldPost() {
        PublishingControl control = controlWithScheduledPosts(3);
        List<String> before = contents(control.scheduled());
        control.pause("test crisis");

        PauseReport report = control.resume();

        assertTrue(report.isComplete(), "failures: " + report.failures());
        assertEquals(3, report.affected().size());
        assertEquals(List.of(), control.held());
        assertEquals(before, contents(control.scheduled()));
    }

    @Test
    void resumeIsIdempotentAndDoesNothingWithoutAPause() {
        PublishingControl control = controlWithScheduledPosts(2);
        assertEquals(List.of(), control.resume().affected(), "resume without a pause");
        control.pause("crisis");
        control.resume();

        PauseReport again = control.resume();

        assertEquals(List.of(), again.affected());
        assertEquals(2, control.scheduled().size());
    }

    @Test
    void nothingIsLostOrDuplicatedAcrossPauseAndResumeCycles() {
        PublishingControl control = controlWithScheduledPosts(4);
        List<String> before = contents(control.scheduled());
        for (int i = 0; i < 3; i++) {
            control.pause("crisis " + i);
            assertEquals(before, contents(control.held()), "cycle " + i + ": held");
            control.resume();
            assertEquals(before, contents(control.scheduled()), "cycle " + i + ": released");
        }
    }

    @Test
    void anEmptyControlPausesAndResumesCleanly() {
        PublishingControl control = controlWithScheduledPosts(0);
        assertEquals(List.of(), control.pause("crisis").affected());
        assertEquals(List.of(), control.held());
        assertEquals(List.of(), control.resume().affected());
    }
}
