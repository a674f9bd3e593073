package dev.firebreak.twitter;

import dev.firebreak.spi.PublishingControl;
import dev.firebreak.testkit.PublishingControlContract;
import java.time.Duration;
import java.time.Instant;

/** The local queue passes the shared publishing-control kit. */
class LocalScheduledPostQueueContractTest extends PublishingControlContract {

    @Override
    protected PublishingControl controlWithScheduledPosts(int count) {
        FakeTime time = new FakeTime(Instant.parse("2024-05-01T09:00:00Z"));
        LocalScheduledPostQueue q = LocalScheduledPostQueue.builder("@acme", (id, text) -> "x-" + id)
                .clock(time).build();
        for (int i = 0; i < count; i++) {
            q.schedule("Post number " + i, time.instant().plus(Duration.ofHours(i + 1)));
        }
        return q;
    }
}
