package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.firebreak.mention.Mention;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.WebhookRequest;
import dev.firebreak.spi.WebhookResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Keeps the "Facebook adapter" snippet of docs/adapters.md compiling and true to the code. */
class ReadmeSnippetTest {

    // The body of this method is the snippet of docs/adapters.md, line for line. It is compiled, not run: it calls Facebook.
    @SuppressWarnings("unused")
    static void snippet(String pageToken, String appSecret, String verifyToken, Instant lastRun,
            Consumer<Mention> ingest, WebhookRequest request, Mention complaint, Mention abuse) {
        FacebookConfig config = FacebookConfig.builder()
                .pageId("104729381122334")
                .pageAccessToken(pageToken)            // never printed, logged or put in exceptions
                .appSecret(appSecret)                  // verifies X-Hub-Signature-256
                .verifyToken(verifyToken)              // answers the hub.challenge handshake
                .brand("acme")
                .build();
        FacebookClient client = FacebookClient.builder(config).build();

        PollResult feed = client.poll(FacebookEdge.FEED, Optional.of(lastRun));   // posts, visitor posts, comments
        feed.mentions().forEach(ingest);

        WebhookResult delivery = FacebookWebhookHandler.of(config).handle(request);

        FacebookActions actions = FacebookActions.of(client);
        actions.reply(complaint.key(), "Sorry, Jane. We have sent you a message to sort out the refund.");
        actions.setHidden(abuse.key(), true);

        FacebookScheduledPosts scheduled = FacebookScheduledPosts.builder(client)
                .holdStore(HoldStore.file(Path.of("facebook-holds.jsonl")))
                .build();
        PauseReport held = scheduled.pause("incident-42");   // later: scheduled.resume()
    }

    @Test
    void theReadmeSnippetIsTheCompiledOne() throws IOException {
        Path readme = Path.of("..", "docs", "adapters.md");
        Path source = Path.of("src", "test", "java", "dev", "firebreak", "facebook", "ReadmeSnippetTest.java");
        assumeTrue(Files.exists(readme) && Files.exists(source), "docs/adapters.md or this source is not where expected");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("## Facebook adapter");
        assertTrue(section >= 0, "docs/adapters.md has a 'Facebook adapter' section");
        int start = text.indexOf("```java\n", section) + "```java\n".length();
        int end = text.indexOf("```", start);
        String code = Files.readString(source, StandardCharsets.UTF_8);
        for (String line : text.substring(start, end).split("\n")) {
            assertTrue(line.isBlank() || code.contains(line.strip()), "docs/adapters.md line not in the compiled snippet: " + line);
        }
    }
}
