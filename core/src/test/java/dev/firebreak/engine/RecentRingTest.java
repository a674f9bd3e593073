package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.firebreak.classify.Category;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The flat ring of recent mentions keeps, in order, what a deque of {@link Recent} objects kept. */
class RecentRingTest {

    @Property(tries = 20, seed = "9")
    void keepsTheLastMentionsInOrderAsADequeOfRecentObjects(@ForAll long seed) {
        Random rnd = new Random(seed);
        RecentRing ring = new RecentRing();
        ArrayDeque<Recent> model = new ArrayDeque<>();
        int limit = 16 + rnd.nextInt(300);
        List<List<Category>> cats = List.of(List.of(), List.of(Category.DELIVERY), List.of(Category.SAFETY,
                Category.LEGAL));
        for (int i = 0; i < 1500; i++) {
            Mention m = Mention.builder(Platform.TWITTER, "m" + i).author(Author.of("u", "u", 1)).text("t")
                    .createdAt(Instant.EPOCH).build();
            long bucket = (rnd.nextBoolean() ? -1 : 1) * (long) rnd.nextInt(Integer.MAX_VALUE) * 300;
            Recent r = new Recent(m, rnd.nextBoolean(), rnd.nextBoolean(), cats.get(rnd.nextInt(3)),
                    rnd.nextBoolean() ? List.of() : List.of("tag" + rnd.nextInt(5)), bucket);
            if (ring.size() < limit) {
                ring.addLast(r);
            } else {
                ring.replaceFirst(r);
                model.removeFirst();
            }
            model.addLast(r);
            if (rnd.nextInt(200) == 0 && !ring.isEmpty()) {
                assertSame(model.removeFirst().mention, ring.removeFirst().mention);
            }
            assertEquals(model.size(), ring.size());
        }
        List<Recent> kept = new ArrayList<>();
        ring.forEach(kept::add);
        Iterator<Recent> want = model.iterator();
        for (Recent got : kept) {
            Recent w = want.next();
            assertSame(w.mention, got.mention);
            assertEquals(w.negative, got.negative);
            assertEquals(w.complaint, got.complaint);
            assertSame(w.categories, got.categories);
            assertSame(w.hashtags, got.hashtags);
            assertEquals(w.bucket, got.bucket);
        }
        assertSame(model.peekFirst().mention, ring.first().mention);
    }
}
