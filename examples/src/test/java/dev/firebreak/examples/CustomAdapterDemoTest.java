package dev.firebreak.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.detect.AlertSignal;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.spi.WebhookResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomAdapterDemoTest {

    @Test
    void theRateboardAdapterFeedsTheEngineByPollingAndByWebhook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CustomAdapterDemo.Result r;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            r = CustomAdapterDemo.run(out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(2, r.poll().pages(), "two pages, after the rate limit was waited out");
        assertEquals(10, r.poll().mentions().size());
        assertEquals(1, r.poll().rejected().size(), "the review with a rating of 7");
        WebhookResult.Accepted accepted = assertInstanceOf(WebhookResult.Accepted.class, r.signed());
        assertEquals(5, accepted.payload().mentions().size());
        assertEquals(401, r.tampered().status());
        assertTrue(r.events().stream().anyMatch(e -> e instanceof FirebreakEvent.AlertRaised
                && ((FirebreakEvent.AlertRaised) e).alert().signal() == AlertSignal.ONE_STAR_RUN),
                "ten one-star reviews within the hour: " + printed);
        assertTrue(r.events().stream().anyMatch(e -> e instanceof FirebreakEvent.PublicReplyRecorded),
                "the business's reply came by webhook and counts as the brand's public reply");
        assertFalse(r.incidents().isEmpty());
        assertTrue(printed.contains("dead letter events[6]: unknown event type 'badge.awarded'"), printed);
        assertTrue(printed.contains("Tampered copy: refused (401)"), printed);
        assertFalse(printed.contains("rb_live_demo_key"), "the API key is never printed");
    }
}
