package dev.firebreak.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.check.ActiveIncident;
import dev.firebreak.check.CrisisContext;
import dev.firebreak.check.HashtagStats;
import dev.firebreak.check.internal.TextScan;
import dev.firebreak.classify.Classification;
import dev.firebreak.escalation.Transitions;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one brand's engine remembers for the pre-publish and reply checks, beyond its own state, and how
 * it turns that into their {@link CrisisContext}:
 *
 * <ul>
 *   <li>the hashtags of the brand's recent mentions with their polarity, over the last
 *       {@link #HASHTAG_WINDOW} (at most {@link #MAX_TAGGED} mentions with hashtags), for
 *       {@link HashtagStats};</li>
 *   <li>the texts of the replies the brand's own accounts posted inside each incident, as the engine saw
 *       them (the owned mention behind a {@link FirebreakEvent.PublicReplyRecorded}), for the canned-reply
 *       rule: at most {@link #MAX_REPLIES} per incident, for the last {@link #MAX_INCIDENTS} incidents.</li>
 * </ul>
 *
 * The incidents themselves come from the engine's public {@link IncidentDetails}. Part of the brand's
 * {@link BrandState}, so it is saved and restored with it ({@link BrandStateCodec}). Not thread-safe: the
 * engine calls it under the brand's lock.
 */
final class CheckMemory {

    /** How far back hashtag statistics look. */
    static final Duration HASHTAG_WINDOW = Duration.ofHours(24);
    /** At most this many recent mentions with hashtags are remembered per brand. */
    static final int MAX_TAGGED = 100_000;
    /** At most this many reply texts are remembered per incident (the most recent). */
    static final int MAX_REPLIES = 100;
    /** Reply texts are remembered for this many incidents (the most recent). */
    static final int MAX_INCIDENTS = 1_000;
    /** A reply text longer than this is remembered cut to this length. */
    static final int MAX_REPLY_CHARS = 5_000;

    /** A recent mention with hashtags: when (epoch seconds), which tags (normal form, distinct), negative. */
    private static final class Tagged {
        final long at;
        final String[] tags;
        final boolean negative;

        Tagged(long at, String[] tags, boolean negative) {
            this.at = at;
            this.tags = tags;
            this.negative = negative;
        }
    }

    private final ArrayDeque<Tagged> tagged = new ArrayDeque<>();
    /** Per hashtag: {mentions, negative mentions} over {@link #tagged}. */
    private final Map<String, long[]> counts = new HashMap<>();
    private final LinkedHashMap<IncidentId, ArrayDeque<String>> replies = new LinkedHashMap<>();

    /**
     * Takes note of a mention the brand processed.
     *
     * @param status what the engine did with it: only new mentions count
     * @param events the events its processing produced (null when none)
     */
    void observe(Mention m, Classification c, boolean owned, IngestResult.Status status, Instant now,
            List<FirebreakEvent> events) {
        if (status != IngestResult.Status.NEW) {
            return;
        }
        if (owned) {
            rememberReply(m, events);
            return;
        }
        if (m.text().indexOf('#') < 0 && m.text().indexOf('\uFF03') < 0) {
            return;
        }
        List<TextScan.Tag> found = TextScan.hashtags(m.text());
        if (found.isEmpty()) {
            return;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (TextScan.Tag t : found) {
            if (!t.tag().isEmpty()) {
                distinct.add(t.tag());
            }
        }
        if (distinct.isEmpty()) {
            return;
        }
        Instant at = m.createdAt().isAfter(now) ? now : m.createdAt();
        Tagged entry = new Tagged(at.getEpochSecond(), distinct.toArray(new String[0]), c.isNegative());
        tagged.addLast(entry);
        count(entry, 1);
        while (tagged.size() > MAX_TAGGED) {
            count(tagged.removeFirst(), -1);
        }
        expire(now);
    }

    private void rememberReply(Mention m, List<FirebreakEvent> events) {
        if (events == null) {
            return;
        }
        Optional<dev.firebreak.mention.MentionKey> key = Optional.of(m.key());
        for (FirebreakEvent e : events) {
            if (e instanceof FirebreakEvent.PublicReplyRecorded && ((FirebreakEvent.PublicReplyRecorded) e).reply()
                    .equals(key)) {
                IncidentId incident = ((FirebreakEvent.PublicReplyRecorded) e).incident();
                ArrayDeque<String> texts = replies.remove(incident);
                if (texts == null) {
                    texts = new ArrayDeque<>();
                }
                replies.put(incident, texts); // most recently used last
                String text = m.text();
                texts.addLast(text.length() > MAX_REPLY_CHARS ? text.substring(0, MAX_REPLY_CHARS) : text);
                while (texts.size() > MAX_REPLIES) {
                    texts.removeFirst();
                }
                while (replies.size() > MAX_INCIDENTS) {
                    Iterator<IncidentId> it = replies.keySet().iterator();
                    it.next();
                    it.remove();
                }
                return;
            }
        }
    }

    private void count(Tagged entry, int delta) {
        for (String tag : entry.tags) {
            long[] c = counts.computeIfAbsent(tag, k -> new long[2]);
            c[0] += delta;
            if (entry.negative) {
                c[1] += delta;
            }
            if (c[0] <= 0) {
                counts.remove(tag);
            }
        }
    }

    private void expire(Instant now) {
        long oldest = now.minus(HASHTAG_WINDOW).getEpochSecond();
        while (!tagged.isEmpty() && tagged.peekFirst().at < oldest) {
            count(tagged.removeFirst(), -1);
        }
    }

    /**
     * Adds the brand's part of a snapshot: its active incidents (from the engine's details), the replies
     * sent in them, and its hashtag counts (summed into {@code hashtagCounts}, so that several brands add
     * up before {@link #addHashtagStats} turns them into statistics).
     *
     * @param details the details of every incident the brand holds; resolved and reviewed ones are skipped
     */
    void snapshot(List<IncidentDetails> details, Instant now, CrisisContext.Builder into,
            Map<String, long[]> hashtagCounts) {
        for (IncidentDetails d : details) {
            if (!Transitions.isOpen(d.incident().state())) {
                continue;
            }
            Set<String> tags = new LinkedHashSet<>(d.hashtags());
            if (d.incident().topic().kind() == Topic.Kind.HASHTAG) {
                tags.add(d.incident().topic().value());
            }
            into.incident(new ActiveIncident(d.incident().id(), d.incident().brand(), d.incident().severity(), tags,
                    d.atFault()));
            List<IncidentId> ids = new ArrayList<>(d.mergedFrom());
            ids.add(d.incident().id());
            for (IncidentId id : ids) {
                ArrayDeque<String> texts = replies.get(id);
                if (texts != null) {
                    into.sent(d.incident().id(), texts);
                }
            }
        }
        expire(now);
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] sum = hashtagCounts.computeIfAbsent(e.getKey(), k -> new long[2]);
            sum[0] += e.getValue()[0];
            sum[1] += e.getValue()[1];
        }
    }

    /** This memory as JSON, for {@link BrandStateCodec}. */
    ObjectNode toNode(JsonNodeFactory nodes) {
        ObjectNode n = nodes.objectNode();
        ArrayNode t = n.putArray("tagged");
        for (Tagged e : tagged) {
            ArrayNode a = t.addArray();
            a.add(e.at).add(e.negative);
            for (String tag : e.tags) {
                a.add(tag);
            }
        }
        ArrayNode r = n.putArray("replies");
        replies.forEach((id, texts) -> {
            ArrayNode a = r.addArray();
            a.add(id.value());
            texts.forEach(a::add);
        });
        return n;
    }

    /** Reads {@link #toNode} into this (empty) memory; a missing node leaves it empty. */
    void readNode(JsonNode n) {
        for (JsonNode a : n.path("tagged")) {
            String[] tags = new String[Math.max(0, a.size() - 2)];
            for (int i = 0; i < tags.length; i++) {
                tags[i] = a.get(i + 2).asText();
            }
            Tagged e = new Tagged(a.get(0).asLong(), tags, a.get(1).asBoolean());
            tagged.addLast(e);
            count(e, 1);
        }
        for (JsonNode a : n.path("replies")) {
            ArrayDeque<String> texts = new ArrayDeque<>();
            for (int i = 1; i < a.size(); i++) {
                texts.addLast(a.get(i).asText());
            }
            replies.put(new IncidentId(a.get(0).asText()), texts);
        }
    }

    /** Turns summed hashtag counts into statistics. */
    static void addHashtagStats(Map<String, long[]> hashtagCounts, CrisisContext.Builder into) {
        for (Map.Entry<String, long[]> e : hashtagCounts.entrySet()) {
            long mentions = e.getValue()[0];
            if (mentions > 0) {
                into.hashtagStats(new HashtagStats(e.getKey(), mentions,
                        Math.min(1.0, (double) e.getValue()[1] / mentions)));
            }
        }
    }
}
