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
import java.util.Locale;
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

    /** One hashtag's counts over the remembered mentions; {@code tag} is the instance the entries share. */
    private static final class Count {
        final String tag;
        long mentions;
        long negatives;

        Count(String tag) {
            this.tag = tag;
        }
    }

    /**
     * The recent mentions with hashtags, oldest first, in a ring: per entry, when (epoch seconds) shifted left
     * by one with the negative flag in bit 0, and its tags (normal form, distinct; a {@code String} when it has
     * one, else a {@code String[]}) as the instances {@link #counts} holds. A mention's own tag strings and a
     * per-mention entry object would live for the whole {@link #HASHTAG_WINDOW}, promoted by every young
     * collection on the way (EngineCpuTime: GC pause per mention); this keeps nothing per mention but a slot.
     */
    private long[] taggedAt = new long[16];
    private Object[] taggedTags = new Object[16];
    private int taggedHead;
    private int taggedSize;
    /** Per hashtag: mentions and negative mentions over the remembered ones. */
    private final Map<String, Count> counts = new HashMap<>();
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
        String[] distinct = asciiTags(m.text());
        int n = 0;
        if (distinct != null) {
            n = distinct.length;
        } else {
            distinct = tags(m.text());
            n = distinct.length;
        }
        if (n == 0) {
            return;
        }
        Instant at = m.createdAt().isAfter(now) ? now : m.createdAt();
        addTagged(at.getEpochSecond(), distinct, n, c.isNegative());
        while (taggedSize > MAX_TAGGED) {
            removeOldestTagged();
        }
        expire(now);
    }

    /** The largest text {@link #asciiTags} takes on. */
    private static final int MAX_ASCII_SCAN = 4096;

    /**
     * The distinct hashtags of an ASCII text in the order they first appear, in their normal form: exactly what
     * {@link #tags} finds, for the texts nearly all mentions have, without the scan's per-tag records, builders and
     * copies ({@code TextScan.hashtags} takes a tag's code points one by one, folds each and keeps a record of each
     * tag). Null when the text has a character beyond ASCII or is long: {@link #tags} then reads it.
     *
     * <p>For ASCII, {@code TextScan}'s rules come down to: a {@code #} not after a letter, digit, {@code _} or
     * {@code &}; then letters, digits and {@code _}, with at least one letter; at most {@value TextScan#MAX_ITEMS}
     * tags, repeats included; a tag's normal form is its lower case (no marks, nothing to fold).
     */
    static String[] asciiTags(String text) {
        int n = text.length();
        if (n > MAX_ASCII_SCAN) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        String[] out = null;
        int count = 0;
        int found = 0;
        for (int i = text.indexOf('#'); i >= 0 && i < n && found < TextScan.MAX_ITEMS; i = text.indexOf('#', i + 1)) {
            if (i > 0 && asciiWordChar(text.charAt(i - 1))) {
                continue;
            }
            int j = i + 1;
            boolean letter = false;
            boolean upper = false;
            while (j < n) {
                char ch = text.charAt(j);
                if (ch >= 'a' && ch <= 'z') {
                    letter = true;
                } else if (ch >= 'A' && ch <= 'Z') {
                    letter = true;
                    upper = true;
                } else if (!(ch >= '0' && ch <= '9' || ch == '_')) {
                    break;
                }
                j++;
            }
            if (letter && j - i <= MAX_ASCII_TAG + 1) {
                found++;
                String tag = text.substring(i + 1, j);
                if (upper) {
                    tag = tag.toLowerCase(Locale.ROOT);
                }
                if (out == null) {
                    out = new String[] {tag};
                    count = 1;
                } else if (!contains(out, count, tag)) {
                    if (count == out.length) {
                        out = java.util.Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = tag;
                }
            }
            i = j - 1;
        }
        if (out == null) {
            return new String[0];
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    /** {@code TextScan}'s longest hashtag (without {@code #}). */
    private static final int MAX_ASCII_TAG = 140;

    private static boolean asciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '&';
    }

    /** The distinct hashtags of a text in the order they first appear, in their normal form ({@link TextScan}). */
    static String[] tags(String text) {
        List<TextScan.Tag> found = TextScan.hashtags(text);
        if (found.isEmpty()) {
            return new String[0];
        }
        // the distinct tags in the order they first appear (a text has a few: no set to build per mention)
        String[] distinct;
        int n = 0;
        if (found.size() <= 8) {
            distinct = new String[found.size()];
            for (int i = 0; i < found.size(); i++) {
                String tag = found.get(i).tag();
                if (!tag.isEmpty() && !contains(distinct, n, tag)) {
                    distinct[n++] = tag;
                }
            }
        } else { // (up to TextScan.MAX_ITEMS: a set, not a quadratic scan)
            Set<String> set = new LinkedHashSet<>();
            for (TextScan.Tag t : found) {
                if (!t.tag().isEmpty()) {
                    set.add(t.tag());
                }
            }
            distinct = set.toArray(new String[0]);
            n = distinct.length;
        }
        return n == distinct.length ? distinct : java.util.Arrays.copyOf(distinct, n);
    }

    private static boolean contains(String[] a, int n, String x) {
        for (int i = 0; i < n; i++) {
            if (a[i].equals(x)) {
                return true;
            }
        }
        return false;
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

    /** Remembers a mention's first {@code n} tags of {@code tags} as the newest entry, and counts them. */
    private void addTagged(long at, String[] tags, int n, boolean negative) {
        Object stored;
        if (n == 1) {
            stored = add(tags[0], negative);
        } else {
            String[] own = n == tags.length ? tags : java.util.Arrays.copyOf(tags, n);
            for (int i = 0; i < n; i++) {
                own[i] = add(own[i], negative);
            }
            stored = own;
        }
        if (taggedSize == taggedAt.length) {
            int cap = taggedAt.length;
            long[] a = new long[cap * 2];
            Object[] t = new Object[cap * 2];
            for (int k = 0; k < taggedSize; k++) {
                int p = (taggedHead + k) & (cap - 1);
                a[k] = taggedAt[p];
                t[k] = taggedTags[p];
            }
            taggedAt = a;
            taggedTags = t;
            taggedHead = 0;
        }
        int p = (taggedHead + taggedSize) & (taggedAt.length - 1);
        taggedAt[p] = at << 1 | (negative ? 1 : 0);
        taggedTags[p] = stored;
        taggedSize++;
    }

    /** Counts one mention of a tag; returns the tag's shared instance. */
    private String add(String tag, boolean negative) {
        Count c = counts.computeIfAbsent(tag, Count::new); // (one probe of the table for a new tag, not two)
        c.mentions++;
        if (negative) {
            c.negatives++;
        }
        return c.tag;
    }

    private void uncount(String tag, boolean negative) {
        Count c = counts.get(tag);
        c.mentions--;
        if (negative) {
            c.negatives--;
        }
        if (c.mentions <= 0) {
            counts.remove(tag);
        }
    }

    private void removeOldestTagged() {
        int p = taggedHead;
        boolean negative = (taggedAt[p] & 1) != 0;
        Object tags = taggedTags[p];
        if (tags instanceof String) {
            uncount((String) tags, negative);
        } else {
            for (String tag : (String[]) tags) {
                uncount(tag, negative);
            }
        }
        taggedTags[p] = null;
        taggedHead = (p + 1) & (taggedAt.length - 1);
        taggedSize--;
    }

    private void expire(Instant now) {
        // (now.minus(HASHTAG_WINDOW).getEpochSecond(): the window is whole seconds, so no nanosecond borrows)
        long oldest = now.getEpochSecond() - HASHTAG_WINDOW.getSeconds();
        if (oldest < Instant.MIN.getEpochSecond()) {
            oldest = now.minus(HASHTAG_WINDOW).getEpochSecond(); // (out of range: as it throws)
        }
        while (taggedSize > 0 && taggedAt[taggedHead] >> 1 < oldest) {
            removeOldestTagged();
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
        for (Count c : counts.values()) {
            long[] sum = hashtagCounts.computeIfAbsent(c.tag, k -> new long[2]);
            sum[0] += c.mentions;
            sum[1] += c.negatives;
        }
    }

    /** This memory as JSON, for {@link BrandStateCodec}. */
    ObjectNode toNode(JsonNodeFactory nodes) {
        ObjectNode n = nodes.objectNode();
        ArrayNode t = n.putArray("tagged");
        for (int k = 0; k < taggedSize; k++) {
            int p = (taggedHead + k) & (taggedAt.length - 1);
            ArrayNode a = t.addArray();
            a.add(taggedAt[p] >> 1).add((taggedAt[p] & 1) != 0);
            Object tags = taggedTags[p];
            if (tags instanceof String) {
                a.add((String) tags);
            } else {
                for (String tag : (String[]) tags) {
                    a.add(tag);
                }
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
            addTagged(a.get(0).asLong(), tags, tags.length, a.get(1).asBoolean());
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
