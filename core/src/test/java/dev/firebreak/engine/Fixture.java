package dev.firebreak.engine;

import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.events.FirebreakListener;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.testkit.MarkerClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Test helpers: a settable clock, mention builders, an event recorder (the marker classifier is the test kit's
 * {@link MarkerClassifier}).
 */
final class Fixture {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records every event. */
    static final class Recorder implements FirebreakListener {
        final List<FirebreakEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(FirebreakEvent event) {
            events.add(event);
        }

        <T extends FirebreakEvent> List<T> of(Class<T> type) {
            List<T> out = new ArrayList<>();
            synchronized (events) {
                for (FirebreakEvent e : events) {
                    if (type.isInstance(e)) {
                        out.add(type.cast(e));
                    }
                }
            }
            return out;
        }
    }

    static Brand kestrel() {
        return Brand.builder("kestrel").handles("kestrelcoffee").keywords("kestrel coffee")
                .ownedAccount(Platform.TWITTER, "kestrelcoffee").ownedAccount(Platform.FACEBOOK, "kestrelcoffee")
                .build();
    }

    static Mention.Builder mention(String id, String author, long followers, String text, Instant at) {
        return Mention.builder(Platform.TWITTER, id).author(Author.of("u-" + author, author, followers)).text(text)
                .createdAt(at).brand("kestrel");
    }

    static Mention complaint(String id, String author, long followers, Instant at) {
        return mention(id, author, followers, "my order is late again ~neg ~complaint ~cat:delivery", at).build();
    }

    static Mention ownedReply(String id, String inReplyTo, Instant at) {
        return Mention.builder(Platform.TWITTER, id).author(Author.of("brand-1", "kestrelcoffee", 50_000))
                .text("So sorry about this, we are on it. DM us your order number?").createdAt(at)
                .kind(MentionKind.REPLY).inReplyTo(inReplyTo).brand("kestrel").ownedAccount(true).build();
    }

    static Mention ownPost(String id, Instant at) {
        return Mention.builder(Platform.TWITTER, id).author(Author.of("brand-1", "kestrelcoffee", 50_000))
                .text("Storm outside? Perfect excuse for a pumpkin latte!").createdAt(at).brand("kestrel")
                .ownedAccount(true).build();
    }

    static Mention shared(Mention m, long shares) {
        return m.toBuilder().engagement(new Engagement(shares, 0, 0, 0)).build();
    }

    static CrisisEngine.Builder engine(MutableClock clock, Recorder recorder) {
        return CrisisEngine.builder().clock(clock).classifier(new MarkerClassifier()).brand(kestrel())
                .listener(recorder);
    }

    private Fixture() {
    }
}
