package dev.firebreak.engine;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.detect.Alert;
import dev.firebreak.detect.AlertSignal;
import dev.firebreak.detect.AuthorSummary;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.detect.OriginHint;
import dev.firebreak.detect.SeriesDetector;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.SeverityAssessment;
import dev.firebreak.incident.SeverityInputs;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.incident.Topic;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.PlanContext;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.Playbook;
import dev.firebreak.plan.ResponsePlan;
import dev.firebreak.plan.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-brand logic of the engine: everything that happens to a {@link BrandState} when a mention
 * arrives, time passes or a person acts. Called under the brand's lock; collects the events it causes
 * in an {@link Out} for the engine to publish after the lock is released.
 */
final class BrandProcessor {

    private static final Logger log = LoggerFactory.getLogger(BrandProcessor.class);

    /** Zero buckets fed to a series after a gap, at most (one day of 5-minute buckets). */
    private static final int MAX_GAP_FILL = 288;
    private static final int MAX_OWN_POSTS = 500;
    private static final int MAX_INFLUENCER_MEMORY = 1024;
    private static final String ENGINE = "firebreak";

    /** What one call caused. */
    static final class Out {
        List<FirebreakEvent> events;
        IncidentId pause;
        boolean resume;
        /** Whether the engine queued events of this call for publication. */
        boolean queued;
        /** Whether the commit counts the call in the brand's {@linkplain BrandRuntime#tally ingest counters}. */
        boolean tally;
        int alerts;
        int opened;
        /** What the engine's commit of the call did: the ingest outcome, and a failure of the change or the store. */
        IngestResult.Status status;
        /**
         * For an ingest of a mention not the brand's own that ran to its end ({@link #joinedKnown}): the incident its
         * dedup entry belongs to afterwards (following merges), or null. The auditor reads it instead of looking the
         * mention up again.
         */
        IncidentTracker joined;
        boolean joinedKnown;
        RuntimeException failure;
        dev.firebreak.store.StoreException storeFailure;

        void add(FirebreakEvent e) {
            if (events == null) {
                events = new ArrayList<>(4);
            }
            events.add(e);
        }

        void addAll(List<FirebreakEvent> es) {
            if (es.isEmpty()) {
                return;
            }
            if (events == null) {
                events = new ArrayList<>(es.size() + 2);
            }
            events.addAll(es);
        }

        boolean isEmpty() {
            return events == null && pause == null && !resume;
        }
    }

    final Brand brand;
    final EngineSettings settings;
    final DetectionSettings detection;
    final SeverityPolicy severity;
    final EscalationPolicy escalation;
    final Playbook playbook;
    final boolean hasControls;
    final long bucketSeconds;
    final Set<String> excludedTerms;

    BrandProcessor(Brand brand, EngineSettings settings, DetectionSettings detection, SeverityPolicy severity,
            EscalationPolicy escalation, Playbook playbook, boolean hasControls) {
        this.brand = brand;
        this.settings = settings;
        this.detection = detection;
        this.severity = severity;
        this.escalation = escalation;
        this.playbook = playbook;
        this.hasControls = hasControls;
        this.bucketSeconds = detection.bucket().getSeconds();
        Set<String> ex = new LinkedHashSet<>();
        ex.add(brand.name());
        ex.addAll(brand.handles());
        for (String k : brand.keywords()) {
            ex.addAll(List.of(k.split(" ")));
        }
        for (Set<String> accounts : brand.ownedAccounts().values()) {
            ex.addAll(accounts);
        }
        this.excludedTerms = Set.copyOf(ex);
    }

    long floor(long epochSecond) {
        return Math.floorDiv(epochSecond, bucketSeconds) * bucketSeconds;
    }

    // ================================================================ ingest

    IngestResult.Status ingest(BrandState s, Mention m, Classification c, boolean owned, Instant now, Out out) {
        housekeep(s, now, out); // (it moves lastNow first)
        int prev = s.seen.find(m.platform(), m.id());
        if (prev >= 0) {
            return update(s, prev, m, now, out);
        }
        if (owned) {
            s.ownedMentions++;
            remember(s, m, now, true, false);
            handleOwned(s, m, now, out);
            s.recomputeDeadline();
            return IngestResult.Status.NEW;
        }
        long t = floor((m.createdAt().isAfter(now) ? now : m.createdAt()).getEpochSecond());
        advanceBuckets(s, t, now, out);
        long bucket = s.bucketStart;
        boolean negative = c.isNegative();
        List<Category> cats = c.categories();
        List<String> tags = TextScan.hashtags(m.text());
        s.mentions++;
        count(s.brandSeries(bucket, bucketSeconds), negative, bucket);
        count(s.platformSeries(m.platform().name(), bucket, bucketSeconds), negative, bucket);
        for (int i = 0; i < cats.size(); i++) {
            count(s.fixedSeries(Series.Kind.CATEGORY, cats.get(i).id(), bucket, bucketSeconds), negative, bucket);
        }
        // (the series' instance of each tag: the scanned one dies young, not with the Recent)
        if (tags.size() == 1) { // (an immutable list of one: one object where an ArrayList is two)
            String tag = tags.get(0);
            String shared = countHashtag(s, tag, negative, bucket);
            if (shared != tag) {
                tags = List.of(shared);
            }
        } else {
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                String shared = countHashtag(s, tag, negative, bucket);
                if (shared != tag) {
                    tags.set(i, shared);
                }
            }
        }
        // keep the last recentMentions(): add, and drop the oldest beyond that (the ring keeps the fields, not r:
        // nothing holds a Recent beyond a call, and r dies young)
        Recent r = new Recent(m, negative, c.complaint(), cats, tags, bucket);
        int kept = s.recent.size();
        if (kept < detection.recentMentions()) {
            s.recent.addLast(r);
        } else if (kept > 0) {
            s.recent.replaceFirst(r);
        }
        int seen = remember(s, m, now, false, negative);

        MentionKey parent = parentKey(m);
        MentionKey root = m.conversationId().isPresent() ? new MentionKey(m.platform(), m.conversationId().get()) : null;
        OwnPost own = ownPostOf(s, parent, root);
        if (own != null && !m.createdAt().isAfter(own.createdAt.plus(detection.ownPostWindow()))) {
            own.replies++;
            if (negative) {
                own.negativeReplies++;
            }
        }
        IncidentTracker target = assign(s, r, seen, parent, root, own, now, out);
        if (own != null) {
            checkBacklash(s, own, now, out);
        }
        trackShares(s, m, r, parent, now, out);
        if (m.rating().isPresent() && m.rating().getAsInt() == 1) {
            oneStar(s, m, now, out);
        }
        if (negative && m.author().followers() >= detection.influencerFollowers()) {
            influencer(s, r, target, now, out);
        }
        IncidentTracker current = s.resolveSeen(seen);
        if (current != null && current.isOpen()) {
            evaluate(s, current, now, out);
        }
        if (out.events != null) {
            // (only a change that raised an event can move a deadline: opening, merging or closing an incident, a
            // severity change, an escalation step; a mention that joined an incident quietly leaves them as they are)
            s.recomputeDeadline();
        }
        // (evaluating merges, removes and adds no incident: current is still the entry's incident)
        out.joined = current;
        out.joinedKnown = true;
        return IngestResult.Status.NEW;
    }

    private static MentionKey parentKey(Mention m) {
        if (m.inReplyTo().isPresent()) {
            return new MentionKey(m.platform(), m.inReplyTo().get());
        }
        if (m.sharedFrom().isPresent()) {
            return new MentionKey(m.platform(), m.sharedFrom().get());
        }
        return null;
    }

    /** Adds a new mention to the dedup memory, dropping the oldest beyond its capacity; returns its entry. */
    private int remember(BrandState s, Mention m, Instant now, boolean owned, boolean negative) {
        int entry = s.seen.add(m.platform(), m.id(), now, m.engagement().spread(), m.visibility(), null, owned,
                negative);
        if (s.seen.size() > settings.dedupCapacity()) {
            s.seen.removeOldest(); // (the capacity is at least 100: never the entry just added)
        }
        return entry;
    }

    private IngestResult.Status update(BrandState s, int prev, Mention m, Instant now, Out out) {
        boolean changed = false;
        long spread = m.engagement().spread();
        DedupTable seen = s.seen;
        long before = seen.spreadOf(prev);
        if (spread != before) {
            long delta = spread - before;
            seen.setSpread(prev, spread);
            changed = true;
            boolean negative = seen.negative(prev);
            IncidentTracker t = s.resolveSeen(prev);
            if (delta > 0 && t != null) {
                t.spread += delta;
                IncidentTracker.Bucket b = t.timeline.peekLast();
                if (negative && b != null) {
                    b.negativeSpread += delta;
                }
            }
            MentionKey key = m.key();
            TrackedPost tp = s.tracked.get(key);
            if (tp == null && spread >= Math.max(1, detection.viralMinShares() / 4)) {
                tp = track(s, key, m.createdAt(), negative);
            }
            if (tp != null) {
                tp.spread = Math.max(tp.spread, spread);
                checkVirality(s, tp, now, out);
            }
            if (t != null && t.isOpen()) {
                evaluate(s, t, now, out);
                s.recomputeDeadline();
            }
        }
        if (m.visibility() != seen.visibility(prev)) {
            seen.setVisibility(prev, m.visibility());
            changed = true;
        }
        out.joined = s.resolveSeen(prev);
        out.joinedKnown = true;
        if (changed) {
            s.updates++;
            return IngestResult.Status.UPDATED;
        }
        s.duplicates++;
        return IngestResult.Status.DUPLICATE;
    }

    private void handleOwned(BrandState s, Mention m, Instant now, Out out) {
        MentionKey parent = parentKey(m);
        if (parent == null || m.kind() == MentionKind.SHARE && m.inReplyTo().isEmpty()) {
            if (m.kind() != MentionKind.SHARE) {
                String account = !m.author().handle().isEmpty() ? m.author().handle() : m.author().id();
                s.ownPosts.put(m.key(), new OwnPost(m.key(), account.isEmpty() ? "own account" : account,
                        m.createdAt()));
                while (s.ownPosts.size() > MAX_OWN_POSTS) {
                    Iterator<MentionKey> it = s.ownPosts.keySet().iterator();
                    it.next();
                    it.remove();
                }
            }
            return;
        }
        // the brand answered someone: a public response inside the incident it belongs to
        IncidentTracker t = incidentOf(s, parent, false);
        if (t == null) {
            MentionKey root = m.conversationId().map(id -> new MentionKey(m.platform(), id)).orElse(null);
            t = incidentOf(s, root, false);
            if (t == null && root != null) {
                t = s.openByTopic.get(Topic.ownPost(root.id()));
            }
            if (t == null) {
                t = s.openByTopic.get(Topic.ownPost(parent.id()));
            }
        }
        if (t == null || !t.isOpen()) {
            return;
        }
        String who = !m.author().handle().isEmpty() ? m.author().handle() : "own account";
        t.ownedAccounts.add(who);
        for (FirebreakEvent e : t.escalation.recordPublicReply(who, now)) {
            if (e instanceof FirebreakEvent.PublicReplyRecorded) {
                FirebreakEvent.PublicReplyRecorded p = (FirebreakEvent.PublicReplyRecorded) e;
                out.add(new FirebreakEvent.PublicReplyRecorded(p.at(), p.brand(), p.incident(), p.by(),
                        Optional.of(m.key())));
            } else {
                out.add(e);
            }
        }
        t.updatedAt = now;
    }

    private IncidentTracker incidentOf(BrandState s, MentionKey key, boolean requireOpen) {
        if (key == null) {
            return null;
        }
        IncidentTracker t = s.resolveSeen(s.seen.find(key));
        return t == null || requireOpen && !t.isOpen() ? null : t;
    }

    private OwnPost ownPostOf(BrandState s, MentionKey parent, MentionKey root) {
        OwnPost p = parent == null ? null : s.ownPosts.get(parent);
        if (p == null && root != null) {
            p = s.ownPosts.get(root);
        }
        return p;
    }

    // ================================================================ series and buckets

    private static void count(Series series, boolean negative, long bucket) {
        series.count++;
        series.total++;
        if (negative) {
            series.negatives++;
        }
        series.lastActive = bucket;
    }

    /** Counts a hashtag in its series; returns the series' instance of the tag (or {@code tag} without one). */
    private String countHashtag(BrandState s, String tag, boolean negative, long bucket) {
        Series.Key key = new Series.Key(Series.Kind.HASHTAG, tag);
        Series series = s.series.get(key);
        if (series == null) {
            if (detection.maxHashtagSeries() == 0) {
                return tag;
            }
            int tags = 0;
            Series idlest = null;
            for (Series x : s.series.values()) {
                if (x.kind == Series.Kind.HASHTAG) {
                    tags++;
                    if (!x.volumeGate.active() && !x.negativeGate.active()
                            && (idlest == null || x.lastActive < idlest.lastActive)) {
                        idlest = x;
                    }
                }
            }
            if (tags >= detection.maxHashtagSeries()) {
                if (idlest == null) {
                    return tag;
                }
                s.series.remove(idlest.key);
            }
            series = new Series(key);
            series.lastObserved = bucket - bucketSeconds;
            s.series.put(key, series);
        }
        series.count++;
        series.total++;
        if (negative) {
            series.negatives++;
        }
        series.lastActive = bucket;
        return series.key.value();
    }

    /** Time-based work due at {@code now}: bucket closes and escalation deadlines. */
    void housekeep(BrandState s, Instant now, Out out) {
        s.advanceLastNow(now);
        if (s.bucketStart != Long.MIN_VALUE) {
            long nb = floor(now.getEpochSecond());
            if (nb > s.bucketStart) {
                advanceBuckets(s, nb, now, out);
            }
        }
        if (s.deadlineDue(now)) {
            for (IncidentTracker t : new ArrayList<>(s.incidents.values())) {
                if (t.isOpen() && t.escalation.nextDeadline().map(d -> !now.isBefore(d)).orElse(false)) {
                    out.addAll(t.escalation.advance(now));
                }
            }
            s.recomputeDeadline();
        }
    }

    private void advanceBuckets(BrandState s, long target, Instant now, Out out) {
        if (s.bucketStart == Long.MIN_VALUE) {
            s.bucketStart = target;
            return;
        }
        if (target <= s.bucketStart) {
            return;
        }
        closeBucket(s, s.bucketStart, now, out);
        s.bucketStart = target;
    }

    private void closeBucket(BrandState s, long b, Instant now, Out out) {
        // observing a series adds or removes no series (raising an alert only touches incidents)
        Instant bAt = Instant.ofEpochSecond(b); // (one pair for every series of the bucket, not one per series)
        Instant bGate = Instant.ofEpochSecond(b + bucketSeconds);
        for (Iterator<Series> sit = s.series.values().iterator(); sit.hasNext(); ) {
            Series series = sit.next();
            long from = series.lastObserved + bucketSeconds;
            if (from < b - (long) MAX_GAP_FILL * bucketSeconds) {
                from = b - (long) MAX_GAP_FILL * bucketSeconds;
            }
            for (long g = from; g < b; g += bucketSeconds) {
                observe(s, series, g, Instant.ofEpochSecond(g), Instant.ofEpochSecond(g + bucketSeconds), 0, 0, now,
                        out);
            }
            if (series.lastObserved < b) {
                observe(s, series, b, bAt, bGate, series.count, series.negatives, now, out);
            }
            series.count = 0;
            series.negatives = 0;
            if (series.kind == Series.Kind.HASHTAG && series.lastActive < b - 86_400
                    && !series.volumeGate.active() && !series.negativeGate.active()) {
                sit.remove();
            }
        }
        Instant bucketEnd = Instant.ofEpochSecond(b + bucketSeconds);
        int inWindow = oneStarsWithin(s, now);
        s.oneStarGate.observe(false, inWindow >= Math.max(1, detection.oneStarRun() / 2), bucketEnd,
                detection.coolDown(), detection.exitBuckets());
        // evaluating and auto-closing an incident adds or removes no incident (no merge happens here)
        for (Iterator<IncidentTracker> it = s.incidents.values().iterator(); it.hasNext(); ) {
            IncidentTracker t = it.next();
            if (!t.isOpen()) {
                if (t.closedAt.plus(settings.closedRetention()).isBefore(now)) {
                    it.remove();
                }
                continue;
            }
            evaluate(s, t, now, out);
            autoClose(s, t, now, out);
        }
        Instant horizon = now.minus(settings.dedupWindow());
        long horizonSecond = horizon.getEpochSecond();
        int horizonNano = horizon.getNano();
        DedupTable seen = s.seen;
        while (!seen.isEmpty() && seen.seenBefore(seen.oldest(), horizonSecond, horizonNano)) {
            seen.removeOldest();
        }
        s.recomputeDeadline();
    }

    /** Observes bucket {@code b} (starting at {@code at}, ending at {@code gateAt}) of a series. */
    private void observe(BrandState s, Series series, long b, Instant at, Instant gateAt, long count, long negatives,
            Instant now, Out out) {
        double expected = series.expectedAt(b);
        double floorExpected = Math.max(expected, 1.0);
        double score = 0;
        if (series.kind != Series.Kind.HASHTAG) {
            SeriesDetector d = detector(s, series);
            try {
                double v = d.observe(at, count);
                score = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
            } catch (RuntimeException e) {
                log.warn("Series detector failed on {} of brand {}: {}", series.key, s.brand, e.toString());
            }
        }
        boolean volEnter;
        boolean volStay;
        if (series.kind == Series.Kind.HASHTAG) {
            volEnter = count >= detection.minHashtagMentions() && count >= detection.spikeRatio() * floorExpected;
            volStay = count >= Math.max(1, detection.minHashtagMentions() / 2);
        } else {
            volEnter = score >= detection.spikeEnterScore() && count >= detection.minSpikeMentions()
                    && count >= detection.spikeRatio() * floorExpected;
            volStay = score >= detection.spikeExitScore()
                    || count >= Math.max(1, detection.minSpikeMentions() / 2)
                    && count >= detection.spikeRatio() * floorExpected;
        }
        boolean countsLive = b == s.bucketStart;
        if (series.volumeGate.observe(volEnter, volStay, gateAt, detection.coolDown(), detection.exitBuckets())
                && countsLive) {
            String where = series.key.platform().map(p -> " on " + p).orElse("");
            raise(s, AlertSignal.VOLUME_SPIKE, series.key.topic(), series.key.platform(), count, expected,
                    series.kind == Series.Kind.HASHTAG ? 1.0 : score,
                    count + " mentions about " + series.key.topic() + where + " in " + minutes() + " min, "
                            + String.format(Locale.ROOT, "%.1f", expected) + " expected",
                    select(s, r -> r.bucket == b && matches(series.key, r)), List.of(), false, now, out);
        }
        double share = count == 0 ? 0 : (double) negatives / count;
        double base = series.negativeBaseline;
        boolean negEnter = negatives >= detection.minNegativeMentions() && share >= detection.minNegativeShare()
                && share >= base + detection.negativeShareJump();
        boolean negStay = count > 0 && share >= base + detection.negativeShareJump() / 2
                && negatives >= Math.max(1, detection.minNegativeMentions() / 2);
        if (series.negativeGate.observe(negEnter, negStay, gateAt, detection.coolDown(), detection.exitBuckets())
                && countsLive) {
            String where = series.key.platform().map(p -> " on " + p).orElse("");
            raise(s, AlertSignal.NEGATIVE_SHARE_JUMP, series.key.topic(), series.key.platform(), share, base, 1.0,
                    String.format(Locale.ROOT, "%d of %d mentions about %s%s negative (%.0f%%), usually %.0f%%",
                            negatives, count, series.key.topic(), where, share * 100, base * 100),
                    select(s, r -> r.bucket == b && matches(series.key, r)), List.of(), true, now, out);
        }
        if (!series.volumeGate.active()) {
            series.learn(b, count);
        }
        if (count > 0 && !series.negativeGate.active()) {
            double alpha = Series.NEG_ALPHA * Math.min(1.0, count / 5.0);
            series.negativeBaseline = base + alpha * (share - base);
        }
        series.lastObserved = b;
    }

    private SeriesDetector detector(BrandState s, Series series) {
        if (series.detector == null) {
            if (series.pendingSnapshot != null) {
                try {
                    series.detector = s.detectors.restore(series.pendingSnapshot);
                } catch (RuntimeException e) {
                    log.warn("Could not restore the detector of {} of brand {}, starting afresh: {}", series.key,
                            s.brand, e.toString());
                    series.detector = s.detectors.create();
                }
                series.pendingSnapshot = null;
            } else {
                series.detector = s.detectors.create();
            }
        }
        return series.detector;
    }

    private long minutes() {
        return bucketSeconds / 60;
    }

    private static boolean matches(Series.Key key, Recent r) {
        switch (key.kind()) {
            case PLATFORM:
                return r.mention.platform().name().equals(key.value());
            case CATEGORY:
                for (Category c : r.categories) {
                    if (c.id().equals(key.value())) {
                        return true;
                    }
                }
                return false;
            case HASHTAG:
                return r.hashtags.contains(key.value());
            default:
                return true;
        }
    }

    private static List<Recent> select(BrandState s, Predicate<Recent> p) {
        List<Recent> out = new ArrayList<>();
        for (Recent r : s.recent) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    // ================================================================ per-mention signals

    private void checkBacklash(BrandState s, OwnPost own, Instant now, Out out) {
        if (own.negativeReplies < detection.ownPostNegativeReplies()
                || own.negativeReplies < detection.ownPostNegativeShare() * own.replies) {
            return;
        }
        if (own.lastAlertAt != null && now.isBefore(own.lastAlertAt.plus(detection.coolDown()))) {
            return;
        }
        if (s.openByTopic.containsKey(Topic.ownPost(own.key.id()))) {
            own.lastAlertAt = now;
            return;
        }
        own.lastAlertAt = now;
        MentionKey postKey = own.key;
        raise(s, AlertSignal.OWN_POST_BACKLASH, Topic.ownPost(own.key.id()), Optional.of(own.key.platform()),
                own.negativeReplies, detection.ownPostNegativeReplies(), 1.0,
                own.negativeReplies + " negative replies of " + own.replies + " to the brand's post " + own.key
                        + " by @" + own.account,
                select(s, r -> postKey.id().equals(r.mention.inReplyTo().orElse(null))
                        && r.mention.platform().equals(postKey.platform())
                        || postKey.id().equals(r.mention.conversationId().orElse(null))
                        && r.mention.platform().equals(postKey.platform())),
                List.of(own.account), true, now, out);
    }

    private TrackedPost track(BrandState s, MentionKey key, Instant createdAt, boolean negative) {
        if (detection.maxTrackedPosts() == 0) {
            return null;
        }
        TrackedPost tp = new TrackedPost(key, createdAt);
        tp.negative = negative;
        s.tracked.put(key, tp);
        while (s.tracked.size() > detection.maxTrackedPosts()) {
            Iterator<MentionKey> it = s.tracked.keySet().iterator();
            it.next();
            it.remove();
        }
        return tp;
    }

    private void trackShares(BrandState s, Mention m, Recent r, MentionKey parent, Instant now, Out out) {
        if (m.sharedFrom().isPresent() && parent != null) {
            TrackedPost tp = s.tracked.get(parent);
            if (tp == null) {
                int ps = s.seen.find(parent);
                tp = track(s, parent, m.createdAt(), ps >= 0 && s.seen.negative(ps));
            }
            if (tp != null) {
                tp.shareMentions++;
                checkVirality(s, tp, now, out);
            }
        }
        long spread = m.engagement().spread();
        if (spread >= Math.max(1, detection.viralMinShares() / 4)) {
            TrackedPost tp = s.tracked.get(m.key());
            if (tp == null) {
                tp = track(s, m.key(), m.createdAt(), r.negative);
            }
            if (tp != null) {
                tp.spread = Math.max(tp.spread, spread);
                checkVirality(s, tp, now, out);
            }
        }
    }

    private void checkVirality(BrandState s, TrackedPost tp, Instant now, Out out) {
        long shares = tp.shares();
        if (shares < detection.viralMinShares()) {
            return;
        }
        double hours = Math.max(0.25, Duration.between(tp.createdAt, now).toSeconds() / 3600.0);
        double perHour = shares / hours;
        if (perHour < detection.viralSharesPerHour()) {
            return;
        }
        if (tp.lastAlertAt != null && now.isBefore(tp.lastAlertAt.plus(detection.coolDown()))) {
            return;
        }
        tp.lastAlertAt = now;
        MentionKey key = tp.key;
        List<Recent> evidence = select(s, r -> r.mention.key().equals(key)
                || key.id().equals(r.mention.sharedFrom().orElse(null)) && r.mention.platform().equals(key.platform()));
        Topic topic = Topic.BRAND;
        OwnPost own = s.ownPosts.get(key);
        List<String> owned = List.of();
        if (own != null) {
            topic = Topic.ownPost(key.id());
            owned = List.of(own.account);
        } else {
            IncidentTracker t = incidentOf(s, key, true);
            if (t != null) {
                topic = t.topic;
            } else {
                for (Recent r : evidence) {
                    if (r.mention.key().equals(key) && !r.categories.isEmpty()) {
                        topic = Topic.category(r.categories.get(0).id());
                    }
                }
            }
        }
        raise(s, AlertSignal.VIRALITY, topic, Optional.of(key.platform()), perHour, detection.viralSharesPerHour(),
                1.0, String.format(Locale.ROOT, "post %s shared %d times, %.0f per hour", key, shares, perHour),
                evidence, owned, tp.negative, now, out);
    }

    private int oneStarsWithin(BrandState s, Instant now) {
        Instant from = now.minus(detection.oneStarWindow());
        while (!s.oneStars.isEmpty() && s.oneStars.peekFirst().isBefore(from)) {
            s.oneStars.removeFirst();
        }
        return s.oneStars.size();
    }

    private void oneStar(BrandState s, Mention m, Instant now, Out out) {
        Instant at = m.createdAt().isAfter(now) ? now : m.createdAt();
        s.oneStars.addLast(at);
        while (s.oneStars.size() > detection.oneStarRun() * 4) {
            s.oneStars.removeFirst();
        }
        int n = oneStarsWithin(s, now);
        boolean enter = n >= detection.oneStarRun();
        if (s.oneStarGate.observe(enter, true, now, detection.coolDown(), detection.exitBuckets())) {
            Instant from = now.minus(detection.oneStarWindow());
            raise(s, AlertSignal.ONE_STAR_RUN, Topic.BRAND, Optional.empty(), n, detection.oneStarRun(), 1.0,
                    n + " one-star reviews within " + detection.oneStarWindow().toMinutes() + " min",
                    select(s, r -> r.mention.rating().isPresent() && r.mention.rating().getAsInt() == 1
                            && !r.mention.createdAt().isBefore(from)),
                    List.of(), true, now, out);
        }
    }

    private void influencer(BrandState s, Recent r, IncidentTracker target, Instant now, Out out) {
        Mention m = r.mention;
        String authorKey = m.platform().name() + ":" + m.author().key();
        Instant last = s.influencerAlerts.get(authorKey);
        if (last != null && now.isBefore(last.plus(detection.coolDown()))) {
            return;
        }
        s.influencerAlerts.put(authorKey, now);
        while (s.influencerAlerts.size() > MAX_INFLUENCER_MEMORY) {
            Iterator<String> it = s.influencerAlerts.keySet().iterator();
            it.next();
            it.remove();
        }
        IncidentTracker t = target == null ? null : s.resolve(target.id);
        Topic topic = t != null ? t.topic : primaryTopic(r);
        List<Recent> evidence = new ArrayList<>();
        evidence.add(r);
        String handle = m.author().handle().isEmpty() ? m.author().id() : m.author().handle();
        raise(s, AlertSignal.INFLUENTIAL_AUTHOR, topic, Optional.of(m.platform()), m.author().followers(),
                detection.influencerFollowers(), 1.0,
                "@" + handle + " (" + m.author().followers() + " followers) is negative about the brand", evidence,
                List.of(), true, now, out);
    }

    // ================================================================ incidents

    private static Topic primaryTopic(Recent r) {
        return r.categories.isEmpty() ? Topic.BRAND : Topic.category(r.categories.get(0).id());
    }

    private static boolean qualifiesToOpen(Recent r) {
        Mention m = r.mention;
        return r.complaint || m.rating().isPresent() && m.rating().getAsInt() <= 2 || r.negative && r.sensitive();
    }

    private IncidentTracker open(IncidentTracker t) {
        return t != null && t.isOpen() ? t : null;
    }

    /** Adds {@code t} to {@code set} (made on first use) unless it is null or there already; returns the set. */
    private static List<IncidentTracker> addNew(List<IncidentTracker> set, IncidentTracker t) {
        if (t == null) {
            return set;
        }
        if (set == null) {
            set = new ArrayList<>(2);
        } else {
            for (int i = 0; i < set.size(); i++) {
                if (set.get(i) == t) {
                    return set;
                }
            }
        }
        set.add(t);
        return set;
    }

    private IncidentTracker assign(BrandState s, Recent r, int seen, MentionKey parent, MentionKey root,
            OwnPost own, Instant now, Out out) {
        // the incidents this mention is tied to, in order, each once (no allocation when there is none)
        List<IncidentTracker> strong = null;
        IncidentTracker linked = incidentOf(s, parent, true);
        if (linked == null) {
            linked = incidentOf(s, root, true);
        }
        strong = addNew(strong, linked);
        IncidentTracker weak = null;
        if (!s.openByTopic.isEmpty()) {
            if (own != null) {
                strong = addNew(strong, open(s.openByTopic.get(Topic.ownPost(own.key.id()))));
            }
            for (int i = 0; i < r.hashtags.size(); i++) {
                strong = addNew(strong, open(s.openByTopic.get(Topic.hashtag(r.hashtags.get(i)))));
            }
            if (r.negative || r.complaint) {
                IncidentTracker w = open(s.openByTopic.get(primaryTopic(r)));
                if (w != null && notAfter(now, w.lastMentionAt, settings.groupingWindow())) {
                    weak = w;
                }
            }
        }
        if (strong != null) {
            IncidentTracker target = oldest(strong);
            for (IncidentTracker other : strong) {
                if (other != target && other.isOpen() && target.isOpen()) {
                    merge(s, target, other, "one mention ties them (reply, share, conversation, own post or hashtag)",
                            now, out);
                }
            }
            join(s, target, r, seen, now);
            if (weak != null && weak.isOpen() && weak != target && r.negative) {
                String tie = tieKey(target.id, weak.id);
                int n = s.ties.merge(tie, 1, Integer::sum);
                if (n >= settings.mergeAfterSharedMentions()) {
                    IncidentTracker older = oldest(List.of(target, weak));
                    IncidentTracker younger = older == target ? weak : target;
                    merge(s, older, younger, n + " negative mentions tie them (same story, shared hashtag or "
                            + "conversation)", now, out);
                    target = older;
                }
            }
            return target;
        }
        if (weak != null) {
            join(s, weak, r, seen, now);
            return weak;
        }
        if (qualifiesToOpen(r)) {
            String who = r.mention.author().handle().isEmpty() ? "an author" : "@" + r.mention.author().handle();
            String what = r.mention.rating().isPresent() && r.mention.rating().getAsInt() <= 2
                    ? r.mention.rating().getAsInt() + "-star review" : r.complaint ? "complaint" : "negative mention";
            return openIncident(s, primaryTopic(r), "a " + what + " by " + who + " ("
                    + r.mention.author().followers() + " followers) on " + r.mention.platform(), List.of(r), now, out);
        }
        return null;
    }

    /** {@code !now.isAfter(from.plus(window))}, without the instant (once per negative mention near an incident). */
    static boolean notAfter(Instant now, Instant from, Duration window) {
        long second = from.getEpochSecond() + window.getSeconds();
        int nano = from.getNano() + window.getNano();
        if (nano >= 1_000_000_000) {
            nano -= 1_000_000_000;
            second++;
        }
        if (window.getSeconds() < 0 || second < from.getEpochSecond() || second > Instant.MAX.getEpochSecond()) {
            return !now.isAfter(from.plus(window)); // (a negative window, or out of range: as it throws)
        }
        return now.getEpochSecond() < second || now.getEpochSecond() == second && now.getNano() <= nano;
    }

    /** {@code String.format(Locale.ROOT, "%04d", n)} without the formatter (a parse of the pattern per incident). */
    static String incidentNumber(long n) {
        if (n < 0) {
            return String.format(Locale.ROOT, "%04d", n);
        }
        String digits = Long.toString(n);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }

    private static String tieKey(IncidentId a, IncidentId b) {
        return a.value().compareTo(b.value()) < 0 ? a.value() + "|" + b.value() : b.value() + "|" + a.value();
    }

    private static IncidentTracker oldest(Collection<IncidentTracker> ts) {
        IncidentTracker best = null;
        for (IncidentTracker t : ts) {
            if (best == null || t.detectedAt.isBefore(best.detectedAt)
                    || t.detectedAt.equals(best.detectedAt) && t.id.value().compareTo(best.id.value()) < 0) {
                best = t;
            }
        }
        return best;
    }

    private void join(BrandState s, IncidentTracker t, Recent r, Instant now) {
        join(s, t, r, s.seen.find(r.mention.platform(), r.mention.id()), now);
    }

    /** Joins a mention whose dedup entry ({@code seen} in {@link BrandState#seen}, or -1) is known. */
    private void join(BrandState s, IncidentTracker t, Recent r, int seen, Instant now) {
        if (seen < 0 || s.seen.incident(seen) != null) {
            return;
        }
        s.seen.setIncident(seen, t.id);
        t.add(r.mention, r.negative, r.categories, r.hashtags, r.bucket, now, settings.maxAuthorsPerIncident(),
                settings.maxSamples());
    }

    private IncidentTracker openIncident(BrandState s, Topic topic, String reason, List<Recent> seeds, Instant now,
            Out out) {
        IncidentId id = new IncidentId(s.brand + "-" + incidentNumber(s.nextIncident++));
        Instant openedAt = now;
        for (Recent r : seeds) {
            if (r.mention.createdAt().isBefore(openedAt)) {
                openedAt = r.mention.createdAt();
            }
        }
        IncidentTracker t = new IncidentTracker(id, s.brand, topic, openedAt, now);
        for (Recent r : seeds) {
            join(s, t, r, now);
        }
        SeverityInputs in = t.inputs(now, severity.window());
        SeverityAssessment a = severity.assess(in);
        t.severity = a.severity();
        t.highest = a.severity();
        t.watch = a.watch();
        t.reasons = a.reasons();
        if (t.severity.isCrisis()) {
            t.crisisAt = now;
        }
        t.escalation = Escalation.start(id, s.brand, escalation, t.severity, now);
        t.plan = playbook.plan(context(t, now));
        s.incidents.put(id, t);
        s.openByTopic.put(topic, t);
        out.opened++;
        out.add(new FirebreakEvent.IncidentOpened(now, s.brand, id, topic, t.severity, reason, t.snapshot(excludedTerms)));
        out.add(new FirebreakEvent.PlanUpdated(now, s.brand, id, t.plan, kinds(t.plan)));
        if (t.watch) {
            watchChanged(s, t, severity.watchReason(in), now, out);
        }
        maybePause(s, t, out);
        return t;
    }

    private static List<StepKind> kinds(ResponsePlan p) {
        List<StepKind> out = new ArrayList<>(p.steps().size());
        for (PlanStep s : p.steps()) {
            out.add(s.kind());
        }
        return out;
    }

    private PlanContext context(IncidentTracker t, Instant basis) {
        Optional<Category> category = t.mainCategory();
        boolean atFault = t.atFault != null ? t.atFault : playbook.presumedAtFault(t.topic, category);
        return new PlanContext(t.id, t.severity, t.topic, category, t.mainPlatform(), atFault, basis);
    }

    boolean atFault(IncidentTracker t) {
        return t.atFault != null ? t.atFault : playbook.presumedAtFault(t.topic, t.mainCategory());
    }

    private void maybePause(BrandState s, IncidentTracker t, Out out) {
        if (!hasControls || s.pauseInFlight || s.pausedFor.contains(t.id) || out.pause != null) {
            return;
        }
        Optional<PlanStep> step = t.plan.step(StepKind.PAUSE_SCHEDULED);
        if (step.isPresent() && !step.get().isDone()) {
            if (!s.pausedFor.isEmpty()) {
                // already paused for another crisis of the brand: this one holds the pause too
                s.pausedFor.add(t.id);
                completeStep(s, t.id, StepKind.PAUSE_SCHEDULED, ENGINE, s.lastNow, out);
                return;
            }
            s.pauseInFlight = true;
            out.pause = t.id;
        }
    }

    private void merge(BrandState s, IncidentTracker target, IncidentTracker other, String reason, Instant now,
            Out out) {
        if (target == other || !other.isOpen()) {
            return;
        }
        target.mentions += other.mentions;
        target.negatives += other.negatives;
        long overflow = Math.max(0, other.uniqueAuthors - other.authors.size());
        for (int i = 0; i < other.authors.size(); i++) {
            String key = other.authors.key(i);
            long followers = other.authors.value(i);
            if (target.authors.size() < settings.maxAuthorsPerIncident()) {
                if (target.authors.putIfAbsent(key, followers)) {
                    target.uniqueAuthors++;
                    target.reach += followers;
                }
            } else if (!target.authors.containsKey(key)) {
                target.uniqueAuthors++;
                target.reach += followers;
            }
        }
        target.uniqueAuthors += overflow;
        for (int i = 0; i < other.negativeAuthorKeys.size(); i++) {
            String k = other.negativeAuthorKeys.key(i);
            if (target.negativeAuthorKeys.putIfAbsent(k, 0)) {
                target.negativeAuthors++;
                target.negativeReach += target.authors.getOrDefault(k, 0L);
            }
        }
        target.spread += other.spread;
        List<IncidentTracker.Bucket> merged = mergeTimelines(new ArrayList<>(target.timeline), other);
        target.timeline.clear();
        target.timeline.addAll(merged);
        target.timelineChanged();
        target.peakRate = Math.max(target.peakRate, other.peakRate);
        for (IncidentTracker.Bucket b : target.timeline) {
            target.peakRate = Math.max(target.peakRate, b.mentions);
        }
        other.categories.forEach(target.categories::add);
        other.hashtags.forEach(target.hashtags::add);
        other.platforms.forEach(target.platforms::add);
        for (Mention m : other.samples) {
            if (target.samples.size() < settings.maxSamples()) {
                target.samples.add(m);
            }
        }
        for (AuthorSummary a : other.influential) {
            target.addInfluential(a);
        }
        target.ownedAccounts.addAll(other.ownedAccounts);
        other.signalSeen.forEach((k, v) -> target.signalSeen.merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
        for (Alert a : other.alerts) {
            target.addAlert(a.withIncident(target.id));
        }
        if (other.openedAt.isBefore(target.openedAt)) {
            target.openedAt = other.openedAt;
        }
        if (other.lastMentionAt.isAfter(target.lastMentionAt)) {
            target.lastMentionAt = other.lastMentionAt;
        }
        if (other.lastNegativeAt != null
                && (target.lastNegativeAt == null || other.lastNegativeAt.isAfter(target.lastNegativeAt))) {
            target.lastNegativeAt = other.lastNegativeAt;
        }
        if (other.highest.isAbove(target.highest)) {
            target.highest = other.highest;
        }
        if (other.crisisAt != null && (target.crisisAt == null || other.crisisAt.isBefore(target.crisisAt))) {
            target.crisisAt = other.crisisAt;
        }
        if (other.firstAlertAt != null
                && (target.firstAlertAt == null || other.firstAlertAt.isBefore(target.firstAlertAt))) {
            target.firstAlertAt = other.firstAlertAt; // (its alerts beyond the kept few are not copied)
        }
        target.mergedFrom.add(other.id);
        target.mergedFrom.addAll(other.mergedFrom);
        target.updatedAt = now;
        other.closedAt = now;
        s.incidents.remove(other.id);
        s.redirects.put(other.id, target.id);
        for (Map.Entry<Topic, IncidentTracker> e : s.openByTopic.entrySet()) {
            if (e.getValue() == other) {
                e.setValue(target);
            }
        }
        s.ties.keySet().removeIf(k -> k.startsWith(other.id.value() + "|") || k.endsWith("|" + other.id.value()));
        if (s.pausedFor.remove(other.id)) {
            s.pausedFor.add(target.id);
        }
        out.add(new FirebreakEvent.IncidentsMerged(now, s.brand, target.id, other.id, reason));
        out.addAll(target.escalation.absorb(other.escalation.status(), now));
        if (other.severity.isAbove(target.severity)) {
            boolean wasWatch = target.watch;
            target.watch &= !other.severity.isCrisis();
            changeSeverity(s, target, other.severity, other.reasons, now, out);
            if (wasWatch != target.watch) {
                watchChanged(s, target, "now a crisis (" + target.severity.jsonName() + "), merged with "
                        + other.id.value(), now, out);
            }
        }
    }

    private static List<IncidentTracker.Bucket> mergeTimelines(List<IncidentTracker.Bucket> a,
            IncidentTracker other) {
        Map<Long, IncidentTracker.Bucket> byStart = new java.util.TreeMap<>();
        for (IncidentTracker.Bucket b : a) {
            byStart.put(b.start, b);
        }
        for (IncidentTracker.Bucket b : other.timeline) {
            IncidentTracker.Bucket x = byStart.get(b.start);
            if (x == null) {
                byStart.put(b.start, b);
            } else {
                x.mentions += b.mentions;
                x.negatives += b.negatives;
                x.newNegativeAuthors += b.newNegativeAuthors;
                x.negativeReach += b.negativeReach;
                x.negativeSpread += b.negativeSpread;
                x.maxNegativeFollowers = Math.max(x.maxNegativeFollowers, b.maxNegativeFollowers);
                x.sensitive |= b.sensitive;
            }
        }
        List<IncidentTracker.Bucket> out = new ArrayList<>(byStart.values());
        while (out.size() > IncidentTracker.MAX_TIMELINE) {
            out.remove(0);
        }
        return out;
    }

    /** Raises an alert, attaching it to (or opening) an incident. */
    private void raise(BrandState s, AlertSignal signal, Topic topic, Optional<Platform> platform, double observed,
            double expected, double score, String summary, List<Recent> evidence, List<String> ownedAccounts,
            boolean negativeByNature, Instant now, Out out) {
        long negatives = 0;
        Map<IncidentTracker, Integer> overlap = new LinkedHashMap<>();
        for (Recent r : evidence) {
            if (r.negative) {
                negatives++;
            }
            IncidentTracker t = open(s.resolveSeen(s.seen.find(r.mention.platform(), r.mention.id())));
            if (t != null) {
                overlap.merge(t, 1, Integer::sum);
            }
        }
        double negShare = evidence.isEmpty() ? 0 : (double) negatives / evidence.size();
        IncidentTracker target = open(s.openByTopic.get(topic));
        IncidentTracker best = null;
        int bestCount = 0;
        for (Map.Entry<IncidentTracker, Integer> e : overlap.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best != null && bestCount >= settings.mergeOverlap() * evidence.size()) {
            if (target == null) {
                target = best;
            } else if (target != best) {
                IncidentTracker older = oldest(List.of(target, best));
                merge(s, older, older == target ? best : target, String.format(Locale.ROOT,
                        "%d of %d mentions behind a %s alert already belong to it", bestCount, evidence.size(),
                        signal.jsonName()), now, out);
                target = older;
            }
        }
        boolean opens = negativeByNature || negShare >= detection.incidentMinNegativeShare();
        Set<String> owned = new LinkedHashSet<>(ownedAccounts);
        for (Recent r : evidence) {
            MentionKey p = parentKey(r.mention);
            OwnPost op = p == null ? null : s.ownPosts.get(p);
            if (op != null) {
                owned.add(op.account);
            }
        }
        if (target == null && opens) {
            target = openIncident(s, topic, signal.jsonName() + " alert: " + summary, evidence, now, out);
        } else if (target != null && opens) {
            for (Recent r : evidence) {
                join(s, target, r, now);
            }
        }
        if (target != null && signal == AlertSignal.OWN_POST_BACKLASH && topic.kind() == Topic.Kind.OWN_POST
                && target.topic.kind() != Topic.Kind.OWN_POST && target.topic.kind() != Topic.Kind.HASHTAG) {
            // the story is the brand's own post: the incident is about it (fault, weigh deletion)
            if (s.openByTopic.get(target.topic) == target) {
                s.openByTopic.remove(target.topic);
            }
            target.topic = topic;
            s.openByTopic.put(topic, target);
            replan(s, target, now, out);
        }
        if (target != null) {
            Instant last = target.signalSeen.get(signal.name());
            target.signalSeen.put(signal.name(), now);
            if (last != null && now.isBefore(last.plus(detection.coolDown()))) {
                // the same signal on the same story, from another series or still going: one storm, one alert
                evaluate(s, target, now, out);
                return;
            }
        }
        Alert alert = new Alert(s.brand, signal, topic, platform, now, observed, expected, score, summary,
                terms(evidence), hashtags(evidence), samples(evidence), authors(evidence), List.copyOf(owned),
                origin(evidence), target == null ? Optional.empty() : Optional.of(target.id));
        out.alerts++;
        out.add(new FirebreakEvent.AlertRaised(now, s.brand, alert));
        if (target != null) {
            target.addAlert(alert);
            target.updatedAt = now;
            evaluate(s, target, now, out);
        }
    }

    private List<String> terms(List<Recent> evidence) {
        List<String> texts = new ArrayList<>(evidence.size());
        for (Recent r : evidence) {
            texts.add(r.mention.text());
        }
        return TextScan.topTerms(texts, excludedTerms, 8);
    }

    private static List<String> hashtags(List<Recent> evidence) {
        Map<String, Integer> counts = new HashMap<>();
        for (Recent r : evidence) {
            for (String h : r.hashtags) {
                counts.merge(h, 1, Integer::sum);
            }
        }
        return TextScan.top(counts, 5);
    }

    private static List<Recent> byInfluence(List<Recent> evidence) {
        List<Recent> sorted = new ArrayList<>(evidence);
        sorted.sort((a, b) -> {
            int c = Long.compare(b.mention.author().followers(), a.mention.author().followers());
            return c != 0 ? c : a.mention.createdAt().compareTo(b.mention.createdAt());
        });
        return sorted;
    }

    private static List<MentionKey> samples(List<Recent> evidence) {
        List<MentionKey> out = new ArrayList<>(5);
        for (Recent r : byInfluence(evidence)) {
            out.add(r.mention.key());
            if (out.size() == 5) {
                break;
            }
        }
        return out;
    }

    private static List<AuthorSummary> authors(List<Recent> evidence) {
        List<AuthorSummary> out = new ArrayList<>(5);
        Set<String> seen = new LinkedHashSet<>();
        for (Recent r : byInfluence(evidence)) {
            Mention m = r.mention;
            String handle = m.author().handle().isEmpty() ? m.author().id() : m.author().handle();
            if (handle.isEmpty() || !seen.add(m.platform() + ":" + handle)) {
                continue;
            }
            out.add(new AuthorSummary(m.platform(), handle, m.author().followers(), m.author().verified()));
            if (out.size() == 5) {
                break;
            }
        }
        return out;
    }

    /** The offline-or-online hint over an alert's mentions. */
    static OriginHint origin(List<Recent> evidence) {
        int n = evidence.size();
        if (n < 3) {
            return new OriginHint(OriginHint.Origin.UNKNOWN, "too few mentions to tell (" + n + ")");
        }
        int links = 0;
        int derived = 0;
        Map<String, Integer> roots = new HashMap<>();
        Set<String> authors = new LinkedHashSet<>();
        for (Recent r : evidence) {
            Mention m = r.mention;
            if (TextScan.hasOutsideLink(m.text()) || m.url().isPresent() && TextScan.hasOutsideLink(m.url().get())
                    && m.url().map(u -> !u.contains(m.id())).orElse(false)) {
                links++;
            }
            Optional<String> root = m.sharedFrom().or(m::inReplyTo).or(m::conversationId);
            if (root.isPresent()) {
                derived++;
                roots.merge(m.platform() + ":" + root.get(), 1, Integer::sum);
            }
            authors.add(m.platform() + ":" + m.author().key());
        }
        String topRoot = null;
        int topCount = 0;
        for (Map.Entry<String, Integer> e : roots.entrySet()) {
            if (e.getValue() > topCount) {
                topRoot = e.getKey();
                topCount = e.getValue();
            }
        }
        if (links >= 0.3 * n) {
            return new OriginHint(OriginHint.Origin.OFFLINE, String.format(Locale.ROOT,
                    "%d of %d mentions link to outside articles (news)", links, n));
        }
        if (topCount >= 0.4 * n) {
            return new OriginHint(OriginHint.Origin.ONLINE, String.format(Locale.ROOT,
                    "%d of %d mentions share or answer one post (%s): one source spreading", topCount, n, topRoot));
        }
        if (authors.size() >= 0.8 * n && derived < 0.3 * n && n >= 5) {
            return new OriginHint(OriginHint.Origin.OFFLINE, String.format(Locale.ROOT,
                    "%d distinct authors posting on their own at once (%d of %d original posts): an outside trigger",
                    authors.size(), n - derived, n));
        }
        return new OriginHint(OriginHint.Origin.ONLINE, String.format(Locale.ROOT,
                "%d authors, %d of %d mentions are replies or shares: spreading on social media", authors.size(),
                derived, n));
    }

    // ================================================================ severity

    void evaluate(BrandState s, IncidentTracker t, Instant now, Out out) {
        if (!t.isOpen()) {
            return;
        }
        SeverityInputs in = t.inputs(now, severity.window());
        SeverityAssessment a = t.assessed;
        // the policy is a function of the inputs (inputs() hands back the assessed instance while the figures are equal)
        if (a == null || in != t.assessedInputs && !in.equals(t.assessedInputs)) {
            a = severity.assess(in);
            t.assessed = a;
            t.assessedInputs = in;
        }
        Severity to = t.severity;
        List<String> reasons = null;
        if (a.severity().isAbove(t.severity)) {
            to = a.severity();
            reasons = a.reasons();
        } else if (t.severity.isAbove(a.severity())) {
            if (t.calmSince == null) {
                t.calmSince = now;
            } else if (!now.isBefore(t.calmSince.plus(severity.calmPeriod()))) {
                // one level a step (a.severity() is below t.severity, so one level down is never below it)
                to = Severity.values()[t.severity.ordinal() - 1];
                reasons = demotionReasons(t.severity, a, Duration.between(t.calmSince, now));
            }
        } else {
            t.calmSince = null;
            t.reasons = a.reasons();
        }
        // watch: still a problem, but near the line; an incident held at a crisis (calm not yet long enough) is
        // handled as a crisis, not watched
        boolean wasWatch = t.watch;
        t.watch = a.watch() && !to.isCrisis();
        if (reasons != null) {
            changeSeverity(s, t, to, reasons, now, out);
        }
        if (t.watch != wasWatch) {
            watchChanged(s, t, t.watch || !t.severity.isCrisis() ? severity.watchReason(in)
                    : "now a crisis (" + t.severity.jsonName() + ")", now, out);
        }
    }

    /** Says that the incident's watch flag, already set, changed. */
    private static void watchChanged(BrandState s, IncidentTracker t, String reason, Instant now, Out out) {
        t.updatedAt = now;
        out.add(new FirebreakEvent.WatchChanged(now, s.brand, t.id, t.watch, reason));
    }

    /**
     * The reasons of a demotion: that it is one level a step after the calm period, then what the window assesses
     * now (which may be several levels lower), with the figures of that assessment.
     */
    private List<String> demotionReasons(Severity from, SeverityAssessment a, Duration calm) {
        List<String> reasons = new ArrayList<>(2);
        reasons.add("one level a step, after " + calm.toMinutes() + " min of calm (assessed below " + from.jsonName()
                + " throughout)");
        reasons.add("the last " + span(severity.window()) + " now assess as " + a.severity().jsonName() + ": "
                + String.join("; ", a.reasons()));
        return reasons;
    }

    /** A duration in words: {@code 6 hours}, {@code 90 min}, {@code 60 min}. */
    static String span(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 && minutes > 60 ? minutes / 60 + " hours" : minutes + " min";
    }

    private void changeSeverity(BrandState s, IncidentTracker t, Severity to, List<String> reasons, Instant now,
            Out out) {
        Severity from = t.severity;
        if (from == to) {
            return;
        }
        t.severity = to;
        t.reasons = List.copyOf(reasons);
        t.lastSeverityChange = now;
        t.calmSince = to.isAbove(from) ? null : now;
        t.updatedAt = now;
        if (to.isAbove(t.highest)) {
            t.highest = to;
        }
        if (to.isCrisis() && t.crisisAt == null) {
            t.crisisAt = now;
        }
        out.add(new FirebreakEvent.SeverityChanged(now, s.brand, t.id, from, to, t.watch, reasons));
        out.addAll(t.escalation.severityChanged(to, now));
        replan(s, t, now, out);
    }

    private void replan(BrandState s, IncidentTracker t, Instant now, Out out) {
        ResponsePlan before = t.plan;
        t.plan = playbook.update(before, context(t, now), now);
        out.add(new FirebreakEvent.PlanUpdated(now, s.brand, t.id, t.plan, Playbook.added(before, t.plan)));
        maybePause(s, t, out);
    }

    private void autoClose(BrandState s, IncidentTracker t, Instant now, Out out) {
        IncidentState state = t.escalation.state();
        if (state == IncidentState.RESPONDING && !settings.autoMonitorAfter().isZero()) {
            Instant quietSince = t.lastNegativeAt != null ? t.lastNegativeAt : t.detectedAt;
            // (the status, a record of a dozen fields built afresh, only once the incident has been quiet long enough)
            if (!now.isBefore(quietSince.plus(settings.autoMonitorAfter()))
                    && !now.isBefore(t.escalation.status().respondedAt().orElse(now).plus(settings.autoMonitorAfter()))) {
                out.addAll(t.escalation.monitor(ENGINE, now));
            }
        } else if (state == IncidentState.MONITORING && !settings.autoResolveAfter().isZero()
                && !now.isBefore(t.lastMentionAt.plus(settings.autoResolveAfter()))) {
            out.addAll(t.escalation.resolve(ENGINE, now));
            closed(s, t, now, out);
        }
    }

    private void closed(BrandState s, IncidentTracker t, Instant now, Out out) {
        t.closedAt = now;
        t.updatedAt = now;
        for (Iterator<Map.Entry<Topic, IncidentTracker>> it = s.openByTopic.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() == t) {
                it.remove();
            }
        }
        if (s.pausedFor.remove(t.id) && s.pausedFor.isEmpty() && hasControls) {
            out.resume = true;
        }
    }

    // ================================================================ human actions

    IncidentTracker require(BrandState s, IncidentId id) {
        IncidentTracker t = s.resolve(id);
        if (t == null) {
            throw new UnknownIncidentException(id);
        }
        return t;
    }

    void acknowledge(BrandState s, IncidentId id, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        out.addAll(t.escalation.acknowledge(who, now));
        t.updatedAt = now;
        s.recomputeDeadline();
    }

    void recordPublicReply(BrandState s, IncidentId id, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        if (!t.isOpen()) {
            throw new dev.firebreak.escalation.IllegalTransitionException(t.escalation.state(),
                    IncidentState.RESPONDING);
        }
        out.addAll(t.escalation.recordPublicReply(who, now));
        t.updatedAt = now;
        s.recomputeDeadline();
    }

    void completeStep(BrandState s, IncidentId id, StepKind kind, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("who must not be blank: name the person completing the step");
        }
        List<PlanStep> steps = new ArrayList<>(t.plan.steps());
        for (int i = 0; i < steps.size(); i++) {
            PlanStep st = steps.get(i);
            if (st.kind() == kind) {
                if (st.isDone()) {
                    return;
                }
                steps.set(i, st.markDone(now, who));
                t.plan = new ResponsePlan(t.plan.incident(), t.plan.severity(), steps);
                t.updatedAt = now;
                out.add(new FirebreakEvent.StepCompleted(now, s.brand, t.id, kind, who));
                return;
            }
        }
        throw new IllegalArgumentException("the plan of " + t.id + " has no step '" + kind.jsonName() + "'");
    }

    void setFault(BrandState s, IncidentId id, boolean atFault, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("who must not be blank");
        }
        t.atFault = atFault;
        if (t.isOpen()) {
            replan(s, t, now, out);
        }
    }

    void monitor(BrandState s, IncidentId id, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        out.addAll(t.escalation.monitor(who, now));
        t.updatedAt = now;
        s.recomputeDeadline();
    }

    void resolve(BrandState s, IncidentId id, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        out.addAll(t.escalation.resolve(who, now));
        closed(s, t, now, out);
        s.recomputeDeadline();
    }

    void review(BrandState s, IncidentId id, String who, Instant now, Out out) {
        IncidentTracker t = require(s, id);
        out.addAll(t.escalation.review(who, now));
        t.updatedAt = now;
    }

    /** Records what a pause did; marks the plan step done when every control held everything. */
    void pauseDone(BrandState s, IncidentId id, boolean complete, Instant now, Out out) {
        s.pauseInFlight = false;
        IncidentTracker t = s.resolve(id);
        if (t == null) {
            return;
        }
        s.pausedFor.add(t.id);
        if (complete) {
            completeStep(s, t.id, StepKind.PAUSE_SCHEDULED, ENGINE, now, out);
        }
        if (!t.isOpen() && s.pausedFor.remove(t.id) && s.pausedFor.isEmpty()) {
            out.resume = true;
        }
    }

    // ================================================================ queries

    IncidentDetails details(IncidentTracker t) {
        List<TimelineBucket> timeline = new ArrayList<>(t.timeline.size());
        for (IncidentTracker.Bucket b : t.timeline) {
            timeline.add(new TimelineBucket(Instant.ofEpochSecond(b.start), b.mentions, b.negatives));
        }
        List<Map.Entry<Category, Long>> cats = new ArrayList<>(t.categories.toMap().entrySet());
        cats.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<Category> categories = new ArrayList<>();
        for (Map.Entry<Category, Long> e : cats) {
            categories.add(e.getKey());
        }
        List<Mention> samples = new ArrayList<>(t.samples);
        samples.sort((a, b) -> Long.compare(b.author().followers(), a.author().followers()));
        return new IncidentDetails(t.snapshot(excludedTerms), t.highest, Optional.ofNullable(t.crisisAt), t.detectedAt,
                Optional.ofNullable(t.firstAlertAt), t.lastMentionAt, t.negatives, t.reasons, t.platforms.toMap(), categories,
                t.topHashtags(10), t.influential, new ArrayList<>(t.ownedAccounts), atFault(t), timeline, t.alerts,
                samples, t.escalation.status(), t.plan, t.mergedFrom);
    }
}
