package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.detect.Alert;
import dev.firebreak.detect.AuthorSummary;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.SeverityAssessment;
import dev.firebreak.incident.SeverityInputs;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.ResponsePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The mutable state of one incident inside a brand's state. */
final class IncidentTracker {

    /** Per-bucket figures of an incident (its timeline). */
    static final class Bucket {
        final long start;
        long mentions;
        long negatives;
        long newNegativeAuthors;
        long negativeReach;
        long negativeSpread;
        long maxNegativeFollowers;
        boolean sensitive;

        Bucket(long start) {
            this.start = start;
        }
    }

    static final int MAX_TIMELINE = 2016;
    static final int MAX_TAG_COUNTS = 100;
    static final int MAX_INFLUENTIAL = 5;
    static final int MAX_ALERTS = 50;

    final IncidentId id;
    final String brand;
    Topic topic;
    Instant openedAt;
    Instant detectedAt;
    Instant lastMentionAt;
    Instant lastNegativeAt;
    Instant updatedAt;
    long mentions;
    long negatives;
    long uniqueAuthors;
    long reach;
    long negativeAuthors;
    long negativeReach;
    long spread;
    long peakRate;
    final CountTable<String> authors = new CountTable<>();
    /** The keys of the negative authors (the values are not used). */
    final CountTable<String> negativeAuthorKeys = new CountTable<>();
    final ArrayDeque<Bucket> timeline = new ArrayDeque<>();
    /** Bumped by {@link #timelineChanged()}. */
    private int timelineVersion;
    /** Bumped by {@link #add} for every bucket it appends to the timeline. */
    private int bucketsAdded;
    /**
     * The window figures of the buckets before {@link #olderNewest} that start at or after {@link #olderFrom}
     * (see {@link #inputs}); not saved. {@link #older} holds those buckets, oldest first: as the window moves, the
     * bucket that leaves it is subtracted and the one that joins it is added, so that a bucket close reads two
     * buckets of an incident, not every bucket of its window (72 cold objects for the default 6 hours).
     */
    private final ArrayDeque<Bucket> older = new ArrayDeque<>();
    private Bucket olderNewest;
    private int olderVersion;
    /** {@link #bucketsAdded} when the figures were taken: while it is the same, the newest is {@link #olderNewest}. */
    private int olderAdded;
    /** The start of the first bucket of {@link #older}; Long.MAX_VALUE when it is empty. */
    private long olderFirstStart = Long.MAX_VALUE;
    private int olderSize;
    private long olderFrom;
    private long olderNegatives;
    private long olderAuthors;
    private long olderPeak;
    private long olderReach;
    private long olderSpread;
    private long olderMaxFollowers;
    /** How many buckets of {@link #older} are sensitive. */
    private int olderSensitive;
    final CountTable<Category> categories = new CountTable<>();
    final CountTable<String> hashtags = new CountTable<>();
    final CountTable<Platform> platforms = new CountTable<>();
    final List<Mention> samples = new ArrayList<>();
    /** The index of the sample with the fewest followers, found when the samples are full (-1: look again). */
    private int weakestSample = -1;
    private Mention weakestSampleMention;
    private long weakestSampleFollowers;
    final List<AuthorSummary> influential = new ArrayList<>();
    final Set<String> ownedAccounts = new LinkedHashSet<>();
    final List<Alert> alerts = new ArrayList<>();
    Instant firstAlertAt;
    /** When each signal last fired on this incident (alerts folded within the cool-down included). */
    final Map<String, Instant> signalSeen = new LinkedHashMap<>();
    Severity severity = Severity.LOW;
    Severity highest = Severity.LOW;
    Instant crisisAt;
    boolean watch;
    List<String> reasons = List.of();
    Instant calmSince;
    Instant lastSeverityChange;
    Boolean atFault;
    /** The last severity assessment and its inputs, so that equal inputs are not assessed again (not saved). */
    SeverityAssessment assessed;
    SeverityInputs assessedInputs;
    Escalation escalation;
    ResponsePlan plan;
    final List<IncidentId> mergedFrom = new ArrayList<>();
    Instant closedAt;
    /**
     * Derived, not saved: its trail in the brand's {@link AuditBook} once the auditor looked it up (a book drops
     * a trail only when the brand no longer holds the incident).
     */
    AuditBook.Trail trail;

    IncidentTracker(IncidentId id, String brand, Topic topic, Instant openedAt, Instant detectedAt) {
        this.id = id;
        this.brand = brand;
        this.topic = topic;
        this.openedAt = openedAt;
        this.detectedAt = detectedAt;
        this.lastMentionAt = detectedAt;
        this.updatedAt = detectedAt;
        this.lastSeverityChange = detectedAt;
    }

    boolean isOpen() {
        return closedAt == null;
    }

    /** Adds one mention. */
    void add(Mention m, boolean negative, List<Category> cats, List<String> tags, long bucketStart, Instant now,
            int maxAuthors, int maxSamples) {
        mentions++;
        if (m.createdAt().isBefore(openedAt)) {
            openedAt = m.createdAt();
        }
        lastMentionAt = now;
        updatedAt = now;
        String authorKey = m.author().key();
        long followers = m.author().followers();
        if (authorKey.isEmpty()) {
            authorKey = "mention:" + m.key();
        }
        if (authors.size() < maxAuthors) {
            if (authors.putIfAbsent(authorKey, followers)) {
                uniqueAuthors++;
                reach += followers;
            }
        } else if (!authors.containsKey(authorKey)) {
            uniqueAuthors++;
            reach += followers;
        }
        Bucket b = timeline.peekLast();
        if (b == null || b.start != bucketStart) {
            if (b != null && bucketStart < b.start) {
                // a late mention: count it in the newest bucket
                bucketStart = b.start;
            } else {
                b = new Bucket(bucketStart);
                append(b);
            }
        }
        b.mentions++;
        long sp = m.engagement().spread();
        spread += sp;
        if (negative) {
            negatives++;
            lastNegativeAt = now;
            b.negatives++;
            b.negativeSpread += sp;
            b.maxNegativeFollowers = Math.max(b.maxNegativeFollowers, followers);
            boolean newNegative = negativeAuthorKeys.size() < maxAuthors ? negativeAuthorKeys.putIfAbsent(authorKey, 0)
                    : !negativeAuthorKeys.containsKey(authorKey);
            if (newNegative) {
                negativeAuthors++;
                negativeReach += followers;
                b.newNegativeAuthors++;
                b.negativeReach += followers;
            }
            for (int i = 0; i < cats.size(); i++) { // (no iterator: no allocation per mention)
                if (cats.get(i).isSensitive()) {
                    b.sensitive = true;
                }
            }
        }
        peakRate = Math.max(peakRate, b.mentions);
        for (int i = 0; i < cats.size(); i++) {
            categories.add(cats.get(i), 1);
        }
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (hashtags.size() < MAX_TAG_COUNTS || hashtags.containsKey(t)) {
                hashtags.add(t, 1);
            }
        }
        platforms.add(m.platform(), 1);
        addSample(m, maxSamples);
        if (followers > 0 && (influential.size() < MAX_INFLUENTIAL
                || followers > influential.get(influential.size() - 1).followers())) {
            // (a full list sorted by followers keeps no one with as few followers as its last: nothing changes)
            addInfluential(new AuthorSummary(m.platform(), m.author().handle().isEmpty() ? m.author().id()
                    : m.author().handle(), followers, m.author().verified()));
        }
    }

    /**
     * Appends a bucket newer than every bucket of the timeline, dropping the oldest beyond {@link #MAX_TIMELINE}.
     * Besides a merge (which says so by {@link #timelineChanged()}), the only way a bucket joins the timeline of an
     * incident whose figures were taken ({@link #inputs}).
     */
    void append(Bucket b) {
        timeline.addLast(b);
        bucketsAdded++;
        if (timeline.size() > MAX_TIMELINE) {
            timeline.removeFirst();
        }
    }

    private void addSample(Mention m, int max) {
        if (samples.size() < max) {
            samples.add(m);
            return;
        }
        int weakest = weakestSample;
        if (weakest < 0 || weakest >= samples.size() || samples.get(weakest) != weakestSampleMention) {
            weakest = 0;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).author().followers() < samples.get(weakest).author().followers()) {
                    weakest = i;
                }
            }
            weakestSample = weakest;
            weakestSampleMention = samples.get(weakest);
            weakestSampleFollowers = weakestSampleMention.author().followers();
        }
        if (m.author().followers() > weakestSampleFollowers) {
            samples.set(weakest, m);
            weakestSample = -1;
            weakestSampleMention = null;
        }
    }

    void addInfluential(AuthorSummary a) {
        for (int i = 0; i < influential.size(); i++) {
            AuthorSummary x = influential.get(i);
            if (x.platform().equals(a.platform()) && x.handle().equals(a.handle())) {
                if (a.followers() > x.followers()) {
                    influential.set(i, a);
                    sortInfluential();
                }
                return;
            }
        }
        if (influential.size() < MAX_INFLUENTIAL) {
            influential.add(a);
        } else if (a.followers() > influential.get(influential.size() - 1).followers()) {
            influential.set(influential.size() - 1, a);
        } else {
            return;
        }
        sortInfluential();
    }

    private void sortInfluential() {
        influential.sort((x, y) -> Long.compare(y.followers(), x.followers()));
    }

    void addAlert(Alert a) {
        // the earliest, not the first added: a merge brings the absorbed incident's alerts, which may be older
        if (firstAlertAt == null || a.at().isBefore(firstAlertAt)) {
            firstAlertAt = a.at();
        }
        if (alerts.size() < MAX_ALERTS) {
            alerts.add(a);
        }
        ownedAccounts.addAll(a.ownedAccounts());
        for (AuthorSummary s : a.influentialAuthors()) {
            addInfluential(s);
        }
    }

    /** Figures over the recent window ending at {@code now}. */
    SeverityInputs inputs(Instant now, Duration window) {
        long from = windowStart(now, window);
        Bucket newest;
        if (olderNewest != null && olderVersion == timelineVersion && olderAdded == bucketsAdded && from >= olderFrom) {
            // no bucket appended and no merge since the figures were taken (the usual case at a bucket close, and for
            // every mention after the first of a bucket): the newest is the same, and the window's older buckets only
            // change if the oldest of them leaves it; neither deque needs reading
            newest = olderNewest;
            if (from != olderFrom) {
                if (olderFirstStart < from) {
                    slide(from, newest);
                } else {
                    olderFrom = from;
                }
            }
        } else {
            newest = timeline.peekLast();
            if (newest == null) {
                return new SeverityInputs(0, 0, 0, 0, 0, 0, false);
            }
            moveWindow(from, newest);
            olderAdded = bucketsAdded;
        }
        return figures(newest, from);
    }

    /** Brings the figures of the window's older buckets to the window starting at {@code from}. */
    private void moveWindow(long from, Bucket newest) {
        // Only the newest bucket changes as mentions arrive (a late mention counts in the newest; a merge says so by
        // timelineChanged): the figures of the older buckets in the window are kept and moved with the window.
        if (olderNewest == null || olderVersion != timelineVersion || from < olderFrom) {
            sumOlder(from, newest);
        } else if (olderNewest != newest) {
            if (timeline.size() != olderSize + 1) {
                sumOlder(from, newest); // more than one bucket added, or the oldest dropped
            } else {
                // one bucket was added after the last newest (add() appends in start order): the last newest joins
                if (olderNewest.start >= from) {
                    join(olderNewest);
                }
                slide(from, newest);
            }
        } else if (olderSize != timeline.size()) {
            sumOlder(from, newest);
        } else if (from != olderFrom) {
            slide(from, newest);
        }
    }

    /** {@code now.minus(window).getEpochSecond()}, without the instant. */
    private static long windowStart(Instant now, Duration window) {
        long second = now.getEpochSecond() - window.getSeconds();
        if (now.getNano() < window.getNano()) {
            second--;
        }
        if (second < Instant.MIN.getEpochSecond()) {
            return now.minus(window).getEpochSecond(); // (out of range: as it throws)
        }
        return second;
    }

    private SeverityInputs figures(Bucket newest, long from) {
        long negs = olderNegatives;
        long authors = olderAuthors;
        long peak = olderPeak;
        long reachSum = olderReach;
        long spreadSum = olderSpread;
        long maxFollowers = olderMaxFollowers;
        boolean sensitive = olderSensitive > 0;
        if (newest.start >= from) {
            negs += newest.negatives;
            authors += newest.newNegativeAuthors;
            peak = Math.max(peak, newest.negatives);
            reachSum += newest.negativeReach;
            spreadSum += newest.negativeSpread;
            maxFollowers = Math.max(maxFollowers, newest.maxNegativeFollowers);
            sensitive |= newest.sensitive;
        }
        SeverityInputs last = assessedInputs; // equal figures: the same (immutable) inputs, not a new record
        if (last != null && last.negativeMentions() == negs && last.negativeAuthors() == authors
                && last.peakNegativeRate() == peak && last.negativeReach() == reachSum
                && last.negativeSpread() == spreadSum && last.maxNegativeAuthorFollowers() == maxFollowers
                && last.sensitiveCategory() == sensitive) {
            return last;
        }
        return new SeverityInputs(negs, authors, peak, reachSum, spreadSum, maxFollowers, sensitive);
    }

    /** Sums the buckets before {@code newest} that start at or after {@code from}, walking back from the newest. */
    private void sumOlder(long from, Bucket newest) {
        older.clear();
        olderNegatives = 0;
        olderAuthors = 0;
        olderPeak = 0;
        olderReach = 0;
        olderSpread = 0;
        olderMaxFollowers = 0;
        olderSensitive = 0;
        java.util.Iterator<Bucket> it = timeline.descendingIterator();
        it.next();
        while (it.hasNext()) {
            Bucket b = it.next();
            if (b.start < from) {
                break;
            }
            older.addFirst(b);
            add(b);
        }
        olderFrom = from;
        olderNewest = newest;
        olderVersion = timelineVersion;
        olderSize = timeline.size();
        firstChanged();
    }

    private void firstChanged() {
        Bucket first = older.peekFirst();
        olderFirstStart = first == null ? Long.MAX_VALUE : first.start;
    }

    /** Adds a bucket that joins the window as its newest older bucket. */
    private void join(Bucket b) {
        older.addLast(b);
        add(b);
        firstChanged();
    }

    private void add(Bucket b) {
        olderNegatives += b.negatives;
        olderAuthors += b.newNegativeAuthors;
        olderPeak = Math.max(olderPeak, b.negatives);
        olderReach += b.negativeReach;
        olderSpread += b.negativeSpread;
        olderMaxFollowers = Math.max(olderMaxFollowers, b.maxNegativeFollowers);
        if (b.sensitive) {
            olderSensitive++;
        }
    }

    /** Moves the window's start to {@code from} (not before the last one): buckets starting before it leave. */
    private void slide(long from, Bucket newest) {
        boolean maxima = false;
        for (Bucket b = older.peekFirst(); b != null && b.start < from; b = older.peekFirst()) {
            older.removeFirst();
            olderNegatives -= b.negatives;
            olderAuthors -= b.newNegativeAuthors;
            olderReach -= b.negativeReach;
            olderSpread -= b.negativeSpread;
            if (b.sensitive) {
                olderSensitive--;
            }
            // a maximum can only fall when a bucket holding it leaves
            maxima |= b.negatives > 0 && b.negatives == olderPeak
                    || b.maxNegativeFollowers > 0 && b.maxNegativeFollowers == olderMaxFollowers;
        }
        if (maxima) {
            long peak = 0;
            long followers = 0;
            for (Bucket b : older) {
                peak = Math.max(peak, b.negatives);
                followers = Math.max(followers, b.maxNegativeFollowers);
            }
            olderPeak = peak;
            olderMaxFollowers = followers;
        }
        olderFrom = from;
        olderNewest = newest;
        olderSize = timeline.size();
        firstChanged();
    }

    /** Says that buckets other than the newest were changed in place (a merge): figures are summed again. */
    void timelineChanged() {
        timelineVersion++;
    }

    Optional<Category> mainCategory() {
        Category best = null;
        long n = 0;
        for (int i = 0; i < categories.size(); i++) {
            if (categories.value(i) > n) {
                best = categories.key(i);
                n = categories.value(i);
            }
        }
        if (topic.kind() == Topic.Kind.CATEGORY) {
            return Optional.of(Category.of(topic.value()));
        }
        return Optional.ofNullable(best);
    }

    Optional<Platform> mainPlatform() {
        Platform best = null;
        long n = 0;
        for (int i = 0; i < platforms.size(); i++) {
            if (platforms.value(i) > n) {
                best = platforms.key(i);
                n = platforms.value(i);
            }
        }
        return Optional.ofNullable(best);
    }

    List<String> topHashtags(int k) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < hashtags.size(); i++) {
            counts.put(hashtags.key(i), (int) Math.min(Integer.MAX_VALUE, hashtags.value(i)));
        }
        return TextScan.top(counts, k);
    }

    List<String> topTerms(java.util.Collection<String> excluded) {
        List<String> texts = new ArrayList<>(samples.size());
        for (Mention m : samples) {
            texts.add(m.text());
        }
        List<String> terms = new ArrayList<>();
        for (String h : topHashtags(3)) {
            terms.add("#" + h);
        }
        for (String t : TextScan.topTerms(texts, excluded, 8)) {
            if (terms.size() >= 8) {
                break;
            }
            terms.add(t);
        }
        return terms;
    }

    Incident snapshot(java.util.Collection<String> excluded) {
        List<MentionKey> keys = new ArrayList<>(samples.size());
        List<Mention> sorted = new ArrayList<>(samples);
        sorted.sort((a, b) -> Long.compare(b.author().followers(), a.author().followers()));
        for (Mention m : sorted) {
            keys.add(m.key());
        }
        double share = mentions == 0 ? 0 : (double) negatives / mentions;
        return new Incident(id, brand, topic, severity, escalation.state(), watch, openedAt, updatedAt, mentions,
                Math.min(uniqueAuthors, mentions), reach, share, peakRate, topTerms(excluded), keys);
    }
}
