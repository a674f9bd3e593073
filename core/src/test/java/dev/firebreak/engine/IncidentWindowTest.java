package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.SeverityInputs;
import dev.firebreak.incident.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An incident's severity figures over the recent window, kept as the window moves (a bucket joins, a bucket
 * leaves), always equal the figures summed afresh over its timeline: as buckets are added, the newest one
 * grows, the window's start moves forward (and, with a clock set back, backward), a merge rewrites the
 * timeline and the oldest buckets drop off a full timeline.
 */
class IncidentWindowTest {

    private static final long BUCKET = 300;

    @Property(tries = 30, seed = "11")
    void windowFiguresEqualTheFiguresSummedAfresh(@ForAll long seed) {
        Random rnd = new Random(seed);
        IncidentTracker t = new IncidentTracker(new IncidentId("b-0001"), "b", Topic.BRAND,
                Instant.ofEpochSecond(1_700_000_100L), Instant.ofEpochSecond(1_700_000_100L));
        Duration window = Duration.ofSeconds(BUCKET * (1 + rnd.nextInt(rnd.nextBoolean() ? 6 : 80)));
        long now = 1_700_000_100L;
        long bucket = now - now % BUCKET;
        boolean fullTimeline = rnd.nextInt(4) == 0; // fill it beyond MAX_TIMELINE: the oldest drop off
        int steps = fullTimeline ? IncidentTracker.MAX_TIMELINE + 300 : 600;
        for (int step = 0; step < steps; step++) {
            int op = rnd.nextInt(20);
            if (op < 6 || t.timeline.isEmpty()) { // a new bucket, as IncidentTracker.add makes it
                bucket += BUCKET * (1 + (rnd.nextInt(8) == 0 ? rnd.nextInt(40) : 0));
                IncidentTracker.Bucket b = new IncidentTracker.Bucket(bucket);
                fill(b, rnd);
                t.append(b);
                now = Math.max(now, bucket + rnd.nextInt((int) BUCKET));
            } else if (op < 12) { // the newest bucket grows
                fill(t.timeline.peekLast(), rnd);
            } else if (op < 13) { // a merge adds to older buckets in place and says so
                for (IncidentTracker.Bucket b : t.timeline) {
                    if (rnd.nextInt(3) == 0) {
                        fill(b, rnd);
                    }
                }
                t.timelineChanged();
            } else if (op < 14) { // the clock is set back
                now -= rnd.nextInt((int) BUCKET * 4);
            } else { // time passes
                now += rnd.nextInt((int) BUCKET * (op < 18 ? 1 : 6));
            }
            Instant at = Instant.ofEpochSecond(now, rnd.nextInt(1_000_000_000));
            assertEquals(afresh(t, at, window), t.inputs(at, window), "step " + step);
        }
    }

    private static void fill(IncidentTracker.Bucket b, Random rnd) {
        if (rnd.nextInt(3) == 0) {
            return; // a quiet bucket: no negative figures
        }
        int n = 1 + rnd.nextInt(5);
        b.mentions += n;
        b.negatives += n;
        b.newNegativeAuthors += rnd.nextInt(n + 1);
        b.negativeReach += rnd.nextInt(10_000);
        b.negativeSpread += rnd.nextInt(50);
        b.maxNegativeFollowers = Math.max(b.maxNegativeFollowers, rnd.nextInt(rnd.nextInt(10) == 0 ? 500_000 : 2000));
        b.sensitive |= rnd.nextInt(30) == 0;
    }

    /** The figures summed over the timeline, newest first, down to the first bucket before the window. */
    private static SeverityInputs afresh(IncidentTracker t, Instant now, Duration window) {
        long from = now.minus(window).getEpochSecond();
        long negs = 0;
        long authors = 0;
        long peak = 0;
        long reach = 0;
        long spread = 0;
        long followers = 0;
        boolean sensitive = false;
        for (Iterator<IncidentTracker.Bucket> it = t.timeline.descendingIterator(); it.hasNext(); ) {
            IncidentTracker.Bucket b = it.next();
            if (b.start < from) {
                break;
            }
            negs += b.negatives;
            authors += b.newNegativeAuthors;
            peak = Math.max(peak, b.negatives);
            reach += b.negativeReach;
            spread += b.negativeSpread;
            followers = Math.max(followers, b.maxNegativeFollowers);
            sensitive |= b.sensitive;
        }
        return new SeverityInputs(negs, authors, peak, reach, spread, followers, sensitive);
    }
}
