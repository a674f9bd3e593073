package dev.firebreak.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwitterMapperTest {

    private final FakeTime time = new FakeTime(Instant.parse("2024-06-01T00:00:00Z"));
    private final TwitterMapper mapper = new TwitterMapper(time);

    private MappedPayload map(String fixture) {
        return mapper.map(Fixtures.bytes(fixture));
    }

    private static MappedPayload mapJson(TwitterMapper mapper, String json) {
        return mapper.map(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void searchPageJoinsAuthorsFromIncludesAndReadsEngagement() {
        List<Mention> ms = map("search-page-1.json").mentions();
        assertEquals(List.of("1785651234567890004", "1785651234567890003", "1785651234567890002"),
                ms.stream().map(Mention::id).toList());
        Mention first = ms.get(0);
        assertEquals(Platform.TWITTER, first.platform());
        assertEquals(MentionKind.POST, first.kind());
        assertEquals("2244994945", first.author().id());
        assertEquals("jane_doe", first.author().handle());
        assertEquals(Optional.of("Jane Doe"), first.author().name());
        assertEquals(120500, first.author().followers());
        assertTrue(first.author().verified());
        assertEquals(12, first.engagement().shares());
        assertEquals(3, first.engagement().replies());
        assertEquals(40, first.engagement().likes());
        assertEquals(2, first.engagement().quotes());
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), first.createdAt());
        assertEquals(Optional.of("en"), first.language());
        assertEquals(Optional.of("1785651234567890004"), first.conversationId());
        assertEquals(Optional.of("https://x.com/jane_doe/status/1785651234567890004"), first.url());
    }

    @Test
    void htmlEntitiesInTextAreDecoded() {
        assertEquals("@acme my order never arrived & support won't answer <3 weeks> now",
                map("search-page-1.json").mentions().get(0).text());
    }

    @Test
    void referencedTweetsDecideReplyAndShare() {
        List<Mention> page1 = map("search-page-1.json").mentions();
        Mention reply = page1.get(1);
        assertEquals(MentionKind.REPLY, reply.kind());
        assertEquals(Optional.of("1785650000000000001"), reply.inReplyTo());
        assertEquals(Optional.of("1785650000000000001"), reply.conversationId());
        Mention quote = page1.get(2);
        assertEquals(MentionKind.SHARE, quote.kind());
        assertEquals(Optional.of("1785640000000000009"), quote.sharedFrom());
        assertEquals(Optional.empty(), quote.inReplyTo());
        assertEquals("Ceci est inacceptable, @acme 😡 https://t.co/abc123", quote.text());

        Mention retweet = map("search-page-2.json").mentions().get(0);
        assertEquals(MentionKind.SHARE, retweet.kind());
        assertEquals(Optional.of("1785640000000000001"), retweet.sharedFrom());

        Mention replyThatQuotes = map("mentions-page.json").mentions().get(1);
        assertEquals(MentionKind.REPLY, replyThatQuotes.kind());
        assertEquals(Optional.of("1785600000000000000"), replyThatQuotes.inReplyTo());
        assertEquals(Optional.of("1785500000000000000"), replyThatQuotes.sharedFrom());
    }

    @Test
    void undeterminedLanguageAndMissingAuthorAreUnknownNotInvented() {
        Mention m = map("search-page-2.json").mentions().get(1);
        assertEquals(Optional.empty(), m.language());
        assertEquals("66666", m.author().id(), "author id kept even without includes");
        assertEquals("", m.author().handle());
        assertEquals(0, m.author().followers());
        assertEquals(Optional.of("https://x.com/i/web/status/1785651234567890000"), m.url());
    }

    @Test
    void numericIdsAreReadAsStrings() {
        List<Mention> ms = map("mentions-page.json").mentions();
        assertEquals("1785700000000000002", ms.get(0).id());
        assertEquals("2244994945", ms.get(0).author().id());
        assertEquals("jane_doe", ms.get(0).author().handle());
        assertEquals("angry_customer", ms.get(1).author().handle(), "user id given as a number still joins");
        assertEquals(Optional.empty(), ms.get(1).author().name(), "blank name is no name");
        MappedPayload big = mapJson(mapper, "{\"data\":[{\"id\":123456789012345678901234567890,\"text\":\"x\","
                + "\"created_at\":\"2024-05-01T10:15:00.000Z\"}]}");
        assertEquals("123456789012345678901234567890", big.mentions().get(0).id());
    }

    @Test
    void partialErrorsYieldTheGoodPostsAndReportTheRest() {
        MappedPayload r = map("lookup-partial-errors.json");
        assertEquals(1, r.mentions().size());
        assertEquals(52, r.mentions().get(0).engagement().likes());
        assertEquals(1, r.rejected().size());
        assertEquals("errors[0]", r.rejected().get(0).location());
        assertTrue(r.rejected().get(0).reason().contains("Could not find tweet"), r.rejected().get(0).reason());
        assertTrue(r.rejected().get(0).reason().contains("1785651234567899999"));
        assertTrue(r.rejected().get(0).raw().contains("resource-not-found"));
    }

    @Test
    void errorBodiesRaiseWithTheProblemTypeTitleAndDetail() {
        PayloadException e = assertThrows(PayloadException.class, () -> map("error-403-client-forbidden.json"));
        assertEquals(Optional.of("https://api.twitter.com/2/problems/client-forbidden"), e.errorCode());
        assertTrue(e.getMessage().contains("Client Forbidden"), e.getMessage());
        assertTrue(e.getMessage().contains("enrolled in the requested endpoint"), e.getMessage());

        PayloadException invalid = assertThrows(PayloadException.class, () -> map("error-400-invalid-request.json"));
        assertEquals(Optional.of("https://api.twitter.com/2/problems/invalid-request"), invalid.errorCode());
        assertTrue(invalid.getMessage().contains("is not between 10 and 100"), invalid.getMessage());

        PayloadException old = assertThrows(PayloadException.class, () -> map("error-v1-88.json"));
        assertEquals(Optional.of("88"), old.errorCode());
        assertTrue(old.getMessage().contains("Rate limit exceeded"));

        PayloadException stream = assertThrows(PayloadException.class,
                () -> map("error-stream-too-many-connections.json"));
        assertEquals(Optional.of("https://api.twitter.com/2/problems/streaming-connection"), stream.errorCode());
        assertTrue(stream.getMessage().contains("TooManyConnections"), stream.getMessage());
    }

    @Test
    void streamRecordTakesTheBrandFromTheMatchingRuleTag() {
        String line = Fixtures.text("stream-records.txt").split("\r\n")[0];
        Mention m = mapJson(mapper, line).mentions().get(0);
        assertEquals("1785800000000000001", m.id());
        assertEquals(Optional.of("acme"), m.brand());
        assertEquals("@acme outage again?! & no status page", m.text());
        assertEquals(120500, m.author().followers());
    }

    @Test
    void accountActivityEventsReadTheOlderPostFormat() {
        MappedPayload r = map("aaa-tweet-create.json");
        assertEquals(2, r.mentions().size());
        Mention customer = r.mentions().get(0);
        assertEquals("1785900000000000001", customer.id());
        assertEquals("@acme your app logs me out every 5 min >:(", customer.text());
        assertEquals("devuser", customer.author().handle());
        assertEquals("6253282", customer.author().id());
        assertEquals(2100, customer.author().followers());
        assertEquals(Instant.ofEpochMilli(1714572000000L), customer.createdAt());
        assertEquals(1, customer.engagement().shares());
        assertEquals(3, customer.engagement().likes());
        assertFalse(customer.ownedAccount());
        Mention brandReply = r.mentions().get(1);
        assertEquals(MentionKind.REPLY, brandReply.kind());
        assertEquals(Optional.of("1785900000000000001"), brandReply.inReplyTo());
        assertEquals(Instant.parse("2024-05-01T14:02:00Z"), brandReply.createdAt(), "v1.1 created_at format");
        assertTrue(brandReply.ownedAccount(), "posted by for_user_id, the subscribed account");
    }

    @Test
    void accountActivityEventsWithoutPostsYieldNothing() {
        MappedPayload r = mapJson(mapper, "{\"for_user_id\":\"2244994945\",\"favorite_events\":[{\"id\":\"x\"}]}");
        assertEquals(MappedPayload.empty(), r);
    }

    @Test
    void extendedV1TextWinsOverTheTruncatedOne() {
        MappedPayload r = mapJson(mapper, "{\"for_user_id\":\"1\",\"tweet_create_events\":[{\"id_str\":\"5\","
                + "\"text\":\"short…\",\"truncated\":true,\"extended_tweet\":{\"full_text\":\"short and the rest &amp; more\"},"
                + "\"created_at\":\"Wed May 01 14:00:00 +0000 2024\",\"user\":{\"id_str\":\"2\",\"screen_name\":\"a\"}}]}");
        assertEquals("short and the rest & more", r.mentions().get(0).text());
    }

    @Test
    void badPostsAreRejectedOneByOneWithTheReason() {
        MappedPayload r = mapJson(mapper, "{\"data\":["
                + "{\"id\":\"1\",\"text\":\"ok\",\"created_at\":\"2024-05-01T10:15:00.000Z\"},"
                + "{\"text\":\"no id\"},"
                + "{\"id\":\"3\"},"
                + "{\"id\":\"4\",\"text\":\"bad time\",\"created_at\":\"yesterday\"},"
                + "{\"id\":\"5\",\"text\":\"bad metrics\",\"public_metrics\":{\"like_count\":-3}},"
                + "{\"id\":1.5,\"text\":\"float id\"},"
                + "{\"id\":\"1\",\"text\":\"duplicate\"},"
                + "42]}");
        assertEquals(List.of("1"), r.mentions().stream().map(Mention::id).toList());
        List<String> reasons = r.rejected().stream().map(x -> x.location() + ": " + x.reason()).toList();
        assertEquals(7, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("data[1]: post without 'id'"), reasons.get(0));
        assertTrue(reasons.get(1).contains("without 'text'"), reasons.get(1));
        assertTrue(reasons.get(2).contains("not an ISO-8601 time"), reasons.get(2));
        assertTrue(reasons.get(3).contains("like_count"), reasons.get(3));
        assertTrue(reasons.get(4).contains("'id' must be a string or a non-negative integer"), reasons.get(4));
        assertTrue(reasons.get(5).contains("duplicate"), reasons.get(5));
        assertTrue(reasons.get(6).startsWith("data[7]: expected a post object"), reasons.get(6));
    }

    @Test
    void postWithoutCreatedAtIsDatedByItsSnowflakeId() {
        // X's documented example post: id 1212092628029698048, created_at 2019-12-31T19:26:16.000Z
        Mention v2 = mapJson(mapper, "{\"data\":{\"id\":\"1212092628029698048\",\"text\":\"hi\"}}")
                .mentions().get(0);
        assertEquals(Instant.parse("2019-12-31T19:26:16.771Z"), v2.createdAt());
        Mention v1 = mapJson(mapper, "{\"for_user_id\":\"1\",\"tweet_create_events\":[{"
                + "\"id_str\":\"1445880548472328192\",\"text\":\"hi\",\"user\":{\"id_str\":\"2\"}}]}").mentions().get(0);
        assertEquals(Instant.parse("2021-10-06T22:36:00.574Z"), v1.createdAt(), "v1.1 post without a time");
        Mention dated = mapJson(mapper, "{\"data\":{\"id\":\"1212092628029698048\",\"text\":\"hi\","
                + "\"created_at\":\"2024-05-01T10:15:00Z\"}}").mentions().get(0);
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), dated.createdAt(), "created_at wins over the id");
    }

    @Test
    void postWithoutCreatedAtWhoseIdHoldsNoTimeIsDatedWithTheMappersClock() {
        for (String id : List.of("7", "20", "29700859247", "9999999999999999999", "00000000000000000000042")) {
            Mention m = mapJson(mapper, "{\"data\":{\"id\":\"" + id + "\",\"text\":\"hi\"}}").mentions().get(0);
            assertEquals(time.instant(), m.createdAt(), id);
        }
    }

    @Test
    void payloadsThatAreNotXPayloadsAreRefusedWithWhatWasFound() {
        PayloadException e = assertThrows(PayloadException.class, () -> mapJson(mapper, "{\"entry\":[]}"));
        assertTrue(e.getMessage().contains("not an X API payload"), e.getMessage());
        assertTrue(e.getMessage().contains("'entry'"), e.getMessage());
        assertTrue(e.errorCode().isEmpty());
        PayloadException trailing = assertThrows(PayloadException.class,
                () -> mapJson(mapper, "{\"meta\":{}} {\"meta\":{}}"));
        assertTrue(trailing.getMessage().contains("not valid JSON"), trailing.getMessage());
    }
}
