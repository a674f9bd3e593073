package dev.firebreak.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Visibility;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.RejectedItem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FacebookMapperTest {

    private static final String PAGE = Fixtures.PAGE_ID;
    private final FacebookMapper mapper = FacebookMapper.of(Fixtures.config());

    private static Map<String, Mention> byId(MappedPayload p) {
        return p.mentions().stream().collect(Collectors.toMap(Mention::id, Function.identity()));
    }

    private MappedPayload map(String json) {
        return mapper.map(json.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ Graph pages

    @Test
    void feedPostsCarryAuthorEngagementLinkAndOwnership() {
        Map<String, Mention> m = byId(map(Fixtures.text("feed-page-1.json")));

        Mention own = m.get(PAGE + "_772210398845512");
        assertEquals(MentionKind.POST, own.kind());
        assertEquals("Our summer menu is here! Tell us your favourite.", own.text());
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), own.createdAt(), "+0000 timestamps");
        assertEquals(new Engagement(12, 41, 87, 0), own.engagement());
        assertEquals(Optional.of("https://www.facebook.com/104729381122334/posts/772210398845512"), own.url());
        assertTrue(own.ownedAccount(), "posted by the Page itself");
        assertEquals(Optional.of("acme"), own.brand());
        assertEquals(Optional.of(own.id()), own.conversationId());

        Mention visitor = m.get(PAGE + "_772209911112222");
        assertFalse(visitor.ownedAccount());
        assertEquals("100089912345678", visitor.author().id(), "numeric from.id read as a string");
        assertEquals(Optional.of("Chris Angry"), visitor.author().name());
        assertEquals(Instant.ofEpochSecond(1714550400), visitor.createdAt(), "epoch-second timestamps");

        assertEquals("", m.get(PAGE + "_772209000000001").text(), "a post without a message has empty text");
    }

    @Test
    void embeddedCommentsAndRepliesAreLinkedToTheirParents() {
        Map<String, Mention> m = byId(map(Fixtures.text("feed-page-1.json")));
        String post = PAGE + "_772210398845512";

        Mention comment = m.get("772210398845512_1290384756102938");
        assertEquals(MentionKind.COMMENT, comment.kind());
        assertEquals(Optional.of(post), comment.inReplyTo());
        assertEquals(Optional.of(post), comment.conversationId());
        assertEquals("10158231746339810", comment.author().id());

        Mention reply = m.get("772210398845512_445566778899001");
        assertEquals(Optional.of("772210398845512_998877665544332"), reply.inReplyTo(), "a reply answers its comment");
        assertEquals(Optional.of(post), reply.conversationId(), "and belongs to the post's thread");
        assertTrue(reply.ownedAccount(), "the Page's own reply");
    }

    @Test
    void theEdgeNamedInPagingTellsCommentsFromPosts() {
        MappedPayload p = map(Fixtures.text("comments-page.json"));

        assertTrue(p.mentions().stream().allMatch(x -> x.kind() == MentionKind.COMMENT));
        Map<String, Mention> m = byId(p);
        Mention hidden = m.get("772210398845512_1290384756109999");
        assertEquals(Visibility.HIDDEN, hidden.visibility());
        assertEquals(3, hidden.engagement().likes(), "like_count as a string");
        Mention bare = m.get("772210398845512_1290384756100000");
        assertEquals(Optional.of(PAGE + "_772210398845512"), bare.inReplyTo(), "the object in the paging URL");
        assertEquals(Author.UNKNOWN, bare.author(), "missing from: unknown author, not an error");
        assertEquals(new Engagement(0, 2, 14, 0), m.get("772210398845512_1290384756102938").engagement());
    }

    @Test
    void ratingsAndRecommendationsBecomeReviewsWithARating() {
        Map<String, Mention> m = byId(map(Fixtures.text("ratings-page.json")));

        Mention legacy = m.get("2011223344556677");
        assertEquals(MentionKind.REVIEW, legacy.kind());
        assertEquals(OptionalInt.of(2), legacy.rating(), "the legacy 1-5 rating as given");
        assertEquals("Slow service and the latte was cold.", legacy.text());
        assertEquals("1876543210987654", legacy.author().id());

        Mention negative = m.get("2099887766554433");
        assertEquals(OptionalInt.of(1), negative.rating(), "not recommended counts as one star");
        assertEquals("10158231746339810", negative.author().id());

        Mention positive = m.get("2099887766550000");
        assertEquals(OptionalInt.of(5), positive.rating(), "recommendation type inside the story, upper case");
        assertEquals(Visibility.HIDDEN, positive.visibility());
        assertEquals("", positive.text());

        Mention noStory = m.get("rating:7788990011223344:" + Instant.parse("2024-05-01T13:00:00Z").getEpochSecond());
        assertEquals(OptionalInt.of(5), noStory.rating(), "keyed by reviewer and time when there is no story id");
    }

    @Test
    void aSingleObjectMapsToOneMention() {
        MappedPayload p = map(Fixtures.text("post-single.json"));

        assertEquals(1, p.mentions().size());
        assertEquals(new Engagement(240, 0, 1730, 0), p.mentions().get(0).engagement());
        assertFalse(p.mentions().get(0).ownedAccount());
    }

    @Test
    void scheduledAndUnpublishedPostsAreNotMentions() {
        assertEquals(MappedPayload.empty(), map(Fixtures.text("scheduled-posts-page.json")));
    }

    // ------------------------------------------------------------------ webhooks

    @Test
    void aWebhookBatchMapsTheGoodChangesAndRejectsTheUnknownOnes() {
        MappedPayload p = map(Fixtures.text("webhook-feed-mixed.json"));
        Map<String, Mention> m = byId(p);

        Mention comment = m.get("772210398845512_1290384756112233");
        assertEquals(MentionKind.COMMENT, comment.kind());
        assertEquals("10158231746339810", comment.author().id());
        assertEquals(Instant.ofEpochSecond(1714558490), comment.createdAt());
        assertEquals(Optional.of(PAGE + "_772210398845512"), comment.inReplyTo());
        assertEquals(Optional.of(PAGE + "_772210398845512"), comment.conversationId());

        Mention status = m.get(PAGE + "_772211111111111");
        assertEquals(MentionKind.POST, status.kind());
        assertEquals("Boycott Acme until they fix this #acmefail", status.text());

        Mention mention = m.get("2233445566778899_1122334455667788");
        assertEquals("2233445566778899", mention.author().id(), "numeric sender_id");
        assertEquals(Optional.of("Food Critic Weekly"), mention.author().name());
        assertFalse(mention.ownedAccount());

        Mention review = m.get("2099887766559999");
        assertEquals(MentionKind.REVIEW, review.kind());
        assertEquals(OptionalInt.of(1), review.rating(), "NEGATIVE in upper case");
        assertEquals("10158231746339810", review.author().id(), "numeric reviewer_id");

        assertFalse(m.containsKey(PAGE + "_772212222222222"), "the Page's unpublished post is not a mention");
        List<String> reasons = p.rejected().stream().map(RejectedItem::reason).toList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("unknown item 'poll'"), reasons.get(0));
        assertTrue(reasons.get(1).contains("no 'value'"), reasons.get(1));
        assertTrue(reasons.get(2).contains("leadgen"), reasons.get(2));
        assertEquals("entry[0].changes[8]", p.rejected().get(2).location());
        assertTrue(p.rejected().get(2).raw().contains("leadgen_id"));
    }

    @Test
    void hideAndRemoveUpdateTheSameMentionInsteadOfAddingOne() {
        Map<String, Mention> m = byId(map(Fixtures.text("webhook-feed-mixed.json")));
        Map<String, Mention> feed = byId(map(Fixtures.text("feed-page-1.json")));
        Map<String, Mention> comments = byId(map(Fixtures.text("comments-page.json")));

        Mention removed = m.get(PAGE + "_772209911112222");
        assertEquals(Visibility.REMOVED, removed.visibility());
        assertEquals(feed.get(PAGE + "_772209911112222").key(), removed.key(), "same key as the polled post");

        Mention hidden = m.get("772210398845512_1290384756109999");
        assertEquals(Visibility.HIDDEN, hidden.visibility());
        assertEquals(comments.get("772210398845512_1290384756109999").key(), hidden.key());
        assertEquals(Optional.of("772210398845512_1290384756102938"), hidden.inReplyTo(), "parent_id of a reply");
    }

    @Test
    void aCommentAddedThenHiddenInOneBatchIsOneHiddenMentionWithItsText() {
        MappedPayload p = map(Fixtures.text("webhook-hide-in-batch.json"));

        assertEquals(1, p.mentions().size());
        Mention m = p.mentions().get(0);
        assertEquals(Visibility.HIDDEN, m.visibility());
        assertEquals("Everyone who drinks Acme is an idiot", m.text(), "the hide change carried no text");
        assertEquals(Optional.of("Troll Account"), m.author().name());
        assertEquals(Instant.ofEpochSecond(1714560000), m.createdAt(), "the time it was written");
    }

    @Test
    void verbsSetVisibility() {
        String template = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1714560100,\"changes\":[{"
                + "\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"%s\",\"comment_id\":\"1_2\","
                + "\"post_id\":\"" + PAGE + "_1\",\"message\":\"m\"}}]}]}";
        Map<String, Visibility> expected = Map.of("add", Visibility.VISIBLE, "edited", Visibility.VISIBLE,
                "edit", Visibility.VISIBLE, "hide", Visibility.HIDDEN, "unhide", Visibility.VISIBLE,
                "remove", Visibility.REMOVED, "delete", Visibility.REMOVED, "HIDE", Visibility.HIDDEN);
        expected.forEach((verb, visibility) -> {
            MappedPayload p = map(String.format(template, verb));
            assertEquals(1, p.mentions().size(), verb);
            assertEquals(visibility, p.mentions().get(0).visibility(), verb);
            assertEquals("1_2", p.mentions().get(0).id(), verb);
            assertEquals(Instant.ofEpochSecond(1714560100), p.mentions().get(0).createdAt(),
                    "no created_time: the entry's time");
        });
        for (String skipped : List.of("block", "mute", "follow")) {
            assertEquals(MappedPayload.empty(), map(String.format(template, skipped)), skipped);
        }
        MappedPayload unknown = map(String.format(template, "teleport"));
        assertTrue(unknown.rejected().get(0).reason().contains("unknown verb 'teleport'"));
    }

    @Test
    void reactionsAndLikesAreSkippedNotRejected() {
        MappedPayload p = map("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"changes\":["
                + "{\"field\":\"feed\",\"value\":{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"1_2\"}},"
                + "{\"field\":\"feed\",\"value\":{\"item\":\"like\",\"verb\":\"add\",\"post_id\":\"1_2\"}}]}]}");

        assertEquals(MappedPayload.empty(), p);
    }

    @Test
    void aWebhookForAnotherObjectIsRefusedAsAWhole() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> map("{\"object\":\"instagram\",\"entry\":[]}"));
        assertTrue(e.getMessage().contains("instagram"), e.getMessage());
        assertTrue(e.errorCode().isEmpty());
    }

    @Test
    void messengerEventsAreRejectedWithAReason() {
        MappedPayload p = map("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1714560100,"
                + "\"messaging\":[{\"sender\":{\"id\":\"1\"},\"message\":{\"text\":\"hi\"}}]}]}");

        assertEquals(1, p.rejected().size());
        assertTrue(p.rejected().get(0).reason().contains("Messenger"));
    }

    // ------------------------------------------------------------------ errors, batches, fallbacks

    @Test
    void anErrorBodyRaisesAPayloadExceptionWithTheGraphCode() {
        PayloadException e = assertThrows(PayloadException.class, () -> map(Fixtures.text("error-expired-token.json")));

        assertEquals(Optional.of("190"), e.errorCode());
        assertTrue(e.getMessage().contains("Session has expired"), e.getMessage());
        assertTrue(e.getMessage().contains("190/463"), e.getMessage());
        assertTrue(e.getMessage().contains("AbCdEf123_xYz"), "the trace id helps Meta support: " + e.getMessage());
    }

    @Test
    void aBatchMapsEachBodyAndRejectsErrorItemsWithTheirCode() {
        MappedPayload p = map(Fixtures.text("batch-response.json"));

        assertEquals(List.of(PAGE + "_772208000000777"), p.mentions().stream().map(Mention::id).toList());
        assertEquals("batch[1]", p.rejected().get(0).location());
        assertTrue(p.rejected().get(0).reason().contains("error code 100"), p.rejected().get(0).reason());
        assertTrue(p.rejected().get(1).reason().contains("not executed"));
    }

    @Test
    void anItemWithoutAnyTimeIsDatedWithTheMappersClock() {
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        FacebookMapper clocked = FacebookMapper.of(FacebookConfig.defaults(), Clock.fixed(now, ZoneOffset.UTC));

        MappedPayload p = clocked.map("{\"data\":[{\"id\":\"1_2\",\"message\":\"no time\"}]}"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(now, p.mentions().get(0).createdAt());
    }

    @Test
    void withoutAConfiguredPageTheFeedInThePagingUrlDecidesOwnership() {
        Map<String, Mention> m = byId(FacebookMapper.create().map(Fixtures.bytes("feed-page-1.json")));

        assertTrue(m.get(PAGE + "_772210398845512").ownedAccount());
        assertFalse(m.get(PAGE + "_772209911112222").ownedAccount());
        assertEquals(Optional.empty(), m.get(PAGE + "_772210398845512").brand());
    }

    @Test
    void idsThatAreNotIdsAreRejected() {
        MappedPayload p = map("{\"data\":[{\"id\":1.5,\"message\":\"x\",\"created_time\":1},{\"id\":\"  \"},"
                + "{\"id\":{\"nested\":1}}]}");

        assertEquals(List.of(), p.mentions());
        assertEquals(3, p.rejected().size());
        assertTrue(p.rejected().stream().allMatch(r -> r.reason().contains("no id")), p.rejected().toString());
    }

    @Test
    void shapesTheAdapterDoesNotKnowAreRefusedWithAClearMessage() {
        for (String bad : List.of("{\"success\":true}", "{\"data\":{}}", "{\"entry\":{}}", "[1,2]", "42")) {
            PayloadException e = assertThrows(PayloadException.class, () -> map(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void trailingGarbageAfterTheDocumentIsRefused() {
        assertThrows(PayloadException.class, () -> map(Fixtures.text("post-single.json") + " {\"data\":[]}"));
    }
}
