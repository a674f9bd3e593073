package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "X (Twitter) adapter" snippet of docs/adapters.md compiles and does what it says. */
class ReadmeSnippetTest {

    static List<Mention> readme(TwitterConfig config, WebhookRequest request) {
        List<Mention> engine = new ArrayList<>();
        // --- README snippet start
        TwitterClient client = TwitterClient.builder(config).build();

        // Polling: each poll returns only posts it has not returned before (since_id + next_token).
        TwitterPoller poller = client.searchPoller("acme -is:retweet");
        for (Mention m : poller.poll().mentions()) {
            engine.add(m);
        }

        // Webhooks: answers X's CRC check and verifies x-twitter-webhooks-signature over the raw body.
        TwitterWebhookHandler webhook = TwitterWebhookHandler.builder(config).build();
        WebhookResult result = webhook.handle(request);
        if (result instanceof WebhookResult.Accepted) {
            engine.addAll(((WebhookResult.Accepted) result).payload().mentions());
        }
        // reply with result.status(), result.contentType() and result.responseBody()
        // --- README snippet end
        return engine;
    }

    @Test
    void theSnippetPollsAndReadsASignedDelivery() throws Exception {
        try (FakeX x = new FakeX()) {
            x.on("/2/tweets/search/recent", FakeX.json(200, Fixtures.text("search-page-2.json")));
            TwitterConfig config = TwitterAdapterContractTest.config().toBuilder().baseUri(x.baseUri()).build();
            byte[] body = Fixtures.bytes("aaa-tweet-create.json");
            WebhookRequest request = TwitterAdapterContractTest.post(body,
                    TwitterAdapterContractTest.sign(TwitterAdapterContractTest.SECRET, body));

            List<Mention> mentions = readme(config, request);

            assertEquals(4, mentions.size());
            assertEquals("acme -is:retweet", x.requests().get(0).query().get("query"));
        }
    }
}
