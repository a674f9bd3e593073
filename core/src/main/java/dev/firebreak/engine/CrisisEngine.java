package dev.firebreak.engine;

import dev.firebreak.audit.AuditRecord;
import dev.firebreak.check.CrisisContext;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.detect.DetectionSettings;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.IllegalTransitionException;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.events.FirebreakListener;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.SeverityPolicy;
import dev.firebreak.mention.Mention;
import dev.firebreak.plan.Playbook;
import dev.firebreak.plan.StepKind;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.InMemoryIncidentStore;
import dev.firebreak.store.IncidentStore;
import dev.firebreak.store.StoreContext;
import dev.firebreak.store.StoreException;
import dev.firebreak.store.StoredBrand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crisis engine: takes mentions from every platform, watches each brand for the early spike,
 * groups related mentions into incidents, decides problem or crisis, escalates through the ladder
 * against response deadlines, keeps a response plan per incident (pausing scheduled content in a
 * crisis), and tells listeners about every step.
 *
 * <pre>{@code
 * CrisisEngine engine = CrisisEngine.builder()
 *         .classifier(classifier)
 *         .brand(Brand.builder("kestrel").handles("kestrelcoffee").keywords("kestrel coffee")
 *                 .ownedAccount(Platform.TWITTER, "kestrelcoffee").build())
 *         .listener(event -> System.out.println(event))
 *         .build();
 * engine.ingest(mention);              // from any thread
 * engine.tick(clock.instant());        // or engine.scheduleTicks(executor, Duration.ofSeconds(30))
 * engine.acknowledge(id, "maria");     // people act on incidents
 * }</pre>
 *
 * <h2>Threads</h2>
 * {@link #ingest} is safe to call from many threads. Each brand has its own lock; there is no global
 * lock on the hot path. The classifier runs outside any lock. Listeners and publishing controls run
 * after the change, outside the brand's lock, on the calling thread; events of one brand are delivered
 * in order. The engine starts no threads: time-based work (bucket closes, deadlines, demotions) runs on
 * {@link #tick}, lazily on the next call for the same brand, or on an executor passed to
 * {@link #scheduleTicks}.
 *
 * <h2>Durability and audit</h2>
 * Every change to a brand's state (a mention taken, a tick, a person's action, what a publishing control
 * did) is applied under the brand's lock and handed to the {@link IncidentStore} as a
 * {@link BrandChange}; the call returns after the store's {@code sync}, and only then are its events
 * published. With {@link dev.firebreak.store.JournalStore} the engine survives a crash: building it again
 * on the same journal recovers every brand exactly. Each change also extends the audit trail of the
 * incidents it touched ({@link #auditTrail}). Listeners get each event at most once: the events of the
 * last changes before a crash may not have reached them, but the audit trail has them.
 *
 * <h2>Time</h2>
 * Every timestamp comes from the injected clock. Mentions are counted in time buckets by their
 * {@code createdAt} (a mention that arrives after its bucket closed counts in the open bucket).
 */
public final class CrisisEngine {

    private static final Logger log = LoggerFactory.getLogger(CrisisEngine.class);

    private final Clock clock;
    private final MentionClassifier classifier;
    private final Map<String, BrandRuntime> brands;
    private final BrandMatcher matcher;
    private final List<FirebreakListener> listeners;
    private final IncidentStore store;
    private final EscalationPolicy escalationPolicy;
    private final Auditor auditor;
    private final Context context;
    private final LongAdder ingested = new LongAdder();
    private final LongAdder taken = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder alerts = new LongAdder();
    private final LongAdder opened = new LongAdder();

    private CrisisEngine(Builder b) {
        this.clock = b.clock;
        this.classifier = b.classifier;
        this.listeners = List.copyOf(b.listeners);
        this.store = b.store;
        this.escalationPolicy = b.escalation;
        this.auditor = new Auditor(b.detection.bucket().getSeconds());
        this.context = new Context();
        Map<String, BrandRuntime> m = new LinkedHashMap<>();
        boolean anyControl = !b.globalControls.isEmpty();
        for (String name : b.brandControls.keySet()) {
            if (!b.brands.containsKey(name)) {
                throw new IllegalArgumentException("publishingControl names brand '" + name + "', which is not watched");
            }
        }
        List<Runnable> pending = new ArrayList<>();
        long recovered = 0;
        for (Brand brand : b.brands.values()) {
            List<PublishingControl> controls = new ArrayList<>(b.globalControls);
            controls.addAll(b.brandControls.getOrDefault(brand.name(), List.of()));
            BrandProcessor p = new BrandProcessor(brand, b.settings, b.detection, b.severity, b.escalation, b.playbook,
                    !controls.isEmpty());
            StoredBrand stored = store.load(brand.name(), context);
            BrandState state = stored.state().orElseGet(() -> BrandState.empty(brand.name()));
            if (!state.brand().equals(brand.name())) {
                throw new IllegalStateException("the store returned the state of '" + state.brand() + "' for brand '"
                        + brand.name() + "'");
            }
            state.detectors = b.detection.detectors();
            state.recomputeDeadline();
            BrandRuntime rt = new BrandRuntime(brand, p, state, controls);
            recovered += reapply(rt, stored.changes(), pending);
            m.put(brand.name(), rt);
        }
        if (recovered > 0) {
            log.info("Recovered {} brands from {}: {} changes re-applied", m.size(), store.getClass().getSimpleName(),
                    recovered);
        }
        if (!anyControl && b.brandControls.isEmpty()) {
            log.debug("No publishing control: crisis plans keep 'pause scheduled content' as a manual step");
        }
        // in the builder's order, not Map.copyOf's (whose iteration order changes from one JVM run to the next):
        // tick, the listing methods and the store visit brands in the same order every run
        this.brands = Collections.unmodifiableMap(m);
        this.matcher = new BrandMatcher(new ArrayList<>(m.values()));
        for (Runnable r : pending) {
            r.run();
        }
    }

    /**
     * Re-applies changes a store kept, in order, exactly as they were applied live (events are not
     * published again: listeners had them). Returns how many; queues the publishing-control calls that a
     * crash interrupted (a pause asked for but not recorded as done, a resume due but not recorded).
     */
    private long reapply(BrandRuntime rt, List<BrandChange> changes, List<Runnable> pending) {
        IncidentId pause = null;
        boolean resume = false;
        for (BrandChange change : changes) {
            BrandProcessor.Out out = new BrandProcessor.Out();
            boolean applied = true;
            try {
                apply(rt, change, out);
            } catch (RuntimeException e) {
                applied = false; // it failed live the same way; the change stays recorded as it happened
                log.debug("Re-applied change {} of brand {} failed as it did live: {}", change.getClass().getSimpleName(),
                        rt.brand.name(), e.toString());
            }
            audit(rt, change, out, applied);
            if (out.pause != null) {
                pause = out.pause;
            }
            if (change instanceof BrandChange.Paused) {
                pause = null;
            }
            if (out.resume) {
                resume = true;
            }
            if (change instanceof BrandChange.Resumed) {
                resume = false;
            }
        }
        if (pause != null && rt.state.pauseInFlight) {
            IncidentId incident = pause;
            log.info("Brand {}: a publishing pause for {} was interrupted; asking the controls again", rt.brand.name(),
                    incident);
            pending.add(() -> pause(rt, incident));
        }
        if (resume) {
            pending.add(() -> resume(rt));
        }
        return changes.size();
    }

    /** Applies one change to a brand's state: the single path for live calls and for recovery. */
    private static IngestResult.Status apply(BrandRuntime rt, BrandChange change, BrandProcessor.Out out) {
        BrandState s = rt.state;
        BrandProcessor p = rt.processor;
        if (change instanceof BrandChange.Ingest) {
            BrandChange.Ingest i = (BrandChange.Ingest) change;
            IngestResult.Status status = p.ingest(s, i.mention(), i.classification(), i.owned(), i.at(), out);
            rt.state.checks.observe(i.mention(), i.classification(), i.owned(), status, i.at(), out.events);
            return status;
        }
        if (change instanceof BrandChange.Tick) {
            p.housekeep(s, change.at(), out);
        } else if (change instanceof BrandChange.Action) {
            BrandChange.Action a = (BrandChange.Action) change;
            Instant now = a.at();
            p.housekeep(s, now, out);
            switch (a.kind()) {
                case ACKNOWLEDGE:
                    p.acknowledge(s, a.incident(), a.by(), now, out);
                    break;
                case PUBLIC_REPLY:
                    p.recordPublicReply(s, a.incident(), a.by(), now, out);
                    break;
                case COMPLETE_STEP:
                    p.completeStep(s, a.incident(), a.step().orElseThrow(), a.by(), now, out);
                    break;
                case SET_FAULT:
                    p.setFault(s, a.incident(), a.atFault().orElseThrow(), a.by(), now, out);
                    break;
                case MONITOR:
                    p.monitor(s, a.incident(), a.by(), now, out);
                    break;
                case RESOLVE:
                    p.resolve(s, a.incident(), a.by(), now, out);
                    break;
                case REVIEW:
                    p.review(s, a.incident(), a.by(), now, out);
                    break;
                default:
                    throw new IllegalStateException("unknown action " + a.kind());
            }
        } else if (change instanceof BrandChange.Paused) {
            BrandChange.Paused pd = (BrandChange.Paused) change;
            p.pauseDone(s, pd.incident(), pd.complete(), pd.at(), out);
        }
        return null;
    }

    private void audit(BrandRuntime rt, BrandChange change, BrandProcessor.Out out, boolean applied) {
        try {
            auditor.record(rt.state, change, out.events, applied, out.joinedKnown, out.joined);
        } catch (RuntimeException e) {
            log.error("Audit of a {} change of brand {} failed; the change itself stands",
                    change.getClass().getSimpleName(), rt.brand.name(), e);
        }
    }

    /**
     * Applies a change under the brand's lock, derives its audit records, queues its events and hands it to
     * the store; then, outside the lock, makes it durable (store sync) and publishes the events. A store
     * failure is thrown after the events are published.
     *
     * @param before events to queue ahead of the change's own (what a publishing control did)
     */
    private BrandProcessor.Out commit(BrandRuntime rt, BrandChange change, BrandProcessor.Out out,
            List<FirebreakEvent> before) {
        BrandProcessor.Out c = out; // (what the commit did goes in the call's Out: one object less per mention)
        synchronized (rt.lock) {
            try {
                c.status = apply(rt, change, out);
            } catch (RuntimeException e) {
                c.failure = e;
            }
            audit(rt, change, out, c.failure == null);
            if (before != null && !before.isEmpty()) {
                rt.outbox.addAll(before);
                out.queued = true;
            }
            enqueue(rt, out);
            try {
                store.save(rt.state, change);
            } catch (StoreException e) {
                c.storeFailure = e;
            } catch (RuntimeException e) {
                c.storeFailure = new StoreException("the store failed to save a change of brand " + rt.brand.name()
                        + ": " + e, e);
            }
            if (c.tally) {
                rt.tally(c.failure == null && c.storeFailure == null ? c.status : null);
            }
        }
        if (c.storeFailure == null) {
            try {
                store.sync();
            } catch (StoreException e) {
                c.storeFailure = e;
            } catch (RuntimeException e) {
                c.storeFailure = new StoreException("the store failed to sync: " + e, e);
            }
        }
        return c;
    }

    private static void throwIfStoreFailed(BrandProcessor.Out c) {
        if (c.storeFailure != null) {
            throw c.storeFailure;
        }
    }

    /** A builder; a classifier and at least one brand are required. */
    public static Builder builder() {
        return new Builder();
    }

    // ================================================================ ingest and time

    /**
     * Takes one mention: matches it to brands, classifies it, counts it once per brand (a copy already
     * seen updates engagement and visibility), links it to what it answers or shares, feeds the
     * detection signals, groups it into an incident and runs what follows (severity, escalation, plan,
     * publishing controls, events). Safe to call from many threads.
     *
     * @return what happened to it; never throws for bad content (a classifier failure is a
     *     {@linkplain IngestResult.Status#REJECTED rejection} published as
     *     {@link FirebreakEvent.MentionRejected})
     */
    public IngestResult ingest(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        return take(mention, null);
    }

    /**
     * Takes one mention that was classified elsewhere (in another stage of a stream processor, say), exactly
     * as {@link #ingest(Mention)} does but with this classification instead of calling the engine's
     * classifier: the same classification gives the same outcome.
     *
     * @return what happened to it
     */
    public IngestResult ingest(Mention mention, Classification classification) {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(classification, "classification");
        return take(mention, classification);
    }

    private IngestResult take(Mention mention, Classification given) {
        // a mention addressed to one brand (brand field, own account) needs no list of matches; its brand counts it
        // (under the brand's lock, see BrandRuntime.tally) unless it is rejected before that
        BrandRuntime direct = matcher.direct(mention);
        if (direct == null) {
            ingested.increment();
        }
        List<BrandMatcher.Match> matches = direct != null ? null : matcher.byWords(mention);
        int n = direct != null ? 1 : matches.size();
        if (n == 0) {
            unmatched.increment();
            return new IngestResult(IngestResult.Status.UNMATCHED, List.of(), Optional.of("no watched brand matched"));
        }
        Classification c = given;
        if (c == null) {
            try {
                c = classifier.classify(mention);
                if (c == null) {
                    throw new IllegalStateException(classifier.getClass().getName() + " returned null");
                }
            } catch (RuntimeException e) {
                if (direct != null) {
                    ingested.increment();
                }
                return reject(mention, direct != null ? direct : matches.get(0).runtime(), "classifier failed: " + e);
            }
        }
        Instant now = clock.instant();
        IngestResult.Status status = null;
        List<String> took = n == 1 ? null : new ArrayList<>(n);
        BrandRuntime only = null;
        for (int i = 0; i < n; i++) { // (no iterator: one less allocation per mention)
            BrandMatcher.Match match = direct != null ? null : matches.get(i);
            BrandRuntime rt = direct != null ? direct : match.runtime();
            if (match != null && match.keywordOnly() && !rt.brand.languages().isEmpty() && !c.language().isUndetermined()
                    && !rt.brand.languages().contains(c.language())
                    && !rt.brand.languages().contains(Language.of(c.language().code().split("-")[0]))) {
                continue;
            }
            boolean owned = mention.ownedAccount() || rt.ownsAuthor(mention.platform(), mention.author());
            BrandProcessor.Out out = new BrandProcessor.Out();
            out.tally = direct != null;
            BrandProcessor.Out done = commit(rt, new BrandChange.Ingest(now, mention, c, owned), out, null);
            if (done.failure != null) {
                log.error("Processing {} for brand {} failed", mention, rt.brand.name(), done.failure);
                afterChange(rt, out);
                throwIfStoreFailed(done);
                return reject(mention, rt, "processing failed: " + done.failure);
            }
            afterChange(rt, out);
            throwIfStoreFailed(done);
            IngestResult.Status s = done.status;
            if (took != null) {
                took.add(rt.brand.name());
            } else {
                only = rt;
            }
            status = status == null || s.ordinal() < status.ordinal() ? s : status;
        }
        if (status == null) {
            unmatched.increment();
            return new IngestResult(IngestResult.Status.UNMATCHED, List.of(),
                    Optional.of("matched only by keyword in a language the brand does not watch (" + c.language() + ")"));
        }
        if (direct == null) {
            switch (status) {
                case NEW:
                    taken.increment();
                    break;
                case UPDATED:
                    updated.increment();
                    break;
                default:
                    duplicates.increment();
                    break;
            }
        }
        return only != null ? only.result(status) : new IngestResult(status, took, Optional.empty());
    }

    private IngestResult reject(Mention mention, BrandRuntime rt, String reason) {
        rejected.increment();
        log.warn("Rejected {}: {}", mention, reason);
        FirebreakEvent e = new FirebreakEvent.MentionRejected(clock.instant(), rt.brand.name(), mention.key(), reason);
        rt.outbox.add(e);
        publish(rt);
        return new IngestResult(IngestResult.Status.REJECTED, List.of(), Optional.of(reason));
    }

    /**
     * Runs the time-based work due at {@code now} for every brand: closes time buckets (volume and
     * negative-share signals), evaluates response and acknowledgement deadlines, demotes calm incidents,
     * moves quiet incidents to monitoring and resolves long-quiet ones. Brands are visited in the order
     * they were added to the builder, every run. {@code now} should be the clock's time; events are stamped
     * with it.
     */
    public void tick(Instant now) {
        Objects.requireNonNull(now, "now");
        StoreException failed = null;
        for (BrandRuntime rt : brands.values()) {
            BrandProcessor.Out out = new BrandProcessor.Out();
            BrandProcessor.Out done = commit(rt, new BrandChange.Tick(now), out, null);
            afterChange(rt, out);
            if (done.failure != null) {
                log.error("Time-based work of brand {} at {} failed", rt.brand.name(), now, done.failure);
            }
            if (done.storeFailure != null && failed == null) {
                failed = done.storeFailure;
            }
        }
        if (failed != null) {
            throw failed;
        }
        try {
            store.maintain(context);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("the store's upkeep failed: " + e, e);
        }
    }

    /** {@link #tick(Instant)} at the clock's time. */
    public void tick() {
        tick(clock.instant());
    }

    /**
     * Runs {@link #tick()} every {@code period} on the caller's executor (the engine starts no thread of
     * its own). A failing tick is logged and the schedule goes on. Cancel the returned future to stop.
     */
    public ScheduledFuture<?> scheduleTicks(ScheduledExecutorService executor, Duration period) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return executor.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.error("Scheduled tick failed; the schedule goes on", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ================================================================ human actions

    /**
     * Someone at the incident's current level takes it; the acknowledgement deadline stops.
     *
     * @throws UnknownIncidentException for an unknown id
     * @throws IllegalTransitionException if it is responding, monitoring, resolved or reviewed
     */
    public void acknowledge(IncidentId incident, String who) {
        act(incident, BrandChange.ActionKind.ACKNOWLEDGE, who, Optional.empty(), Optional.empty());
    }

    /**
     * Records a public reply by the brand made outside the engine's view (the engine records replies
     * of the brand's own accounts by itself); the first-response clock stops.
     *
     * @throws IllegalTransitionException if it is resolved or reviewed
     */
    public void recordPublicReply(IncidentId incident, String who) {
        act(incident, BrandChange.ActionKind.PUBLIC_REPLY, who, Optional.empty(), Optional.empty());
    }

    /**
     * Marks a plan step done.
     *
     * @throws IllegalArgumentException if the plan has no such step
     */
    public void completeStep(IncidentId incident, StepKind step, String who) {
        Objects.requireNonNull(step, "step");
        act(incident, BrandChange.ActionKind.COMPLETE_STEP, who, Optional.of(step), Optional.empty());
    }

    /** Says whether the brand is at fault (apologise) or not (explain the policy); the plan is remade. */
    public void setFault(IncidentId incident, boolean atFault, String who) {
        act(incident, BrandChange.ActionKind.SET_FAULT, who, Optional.empty(), Optional.of(atFault));
    }

    /**
     * The response is out; the team watches for a relapse.
     *
     * @throws IllegalTransitionException unless responding
     */
    public void monitor(IncidentId incident, String who) {
        act(incident, BrandChange.ActionKind.MONITOR, who, Optional.empty(), Optional.empty());
    }

    /**
     * The incident is over; content paused for it is resumed once no other incident holds the pause.
     *
     * @throws IllegalTransitionException if already resolved or reviewed
     */
    public void resolve(IncidentId incident, String who) {
        act(incident, BrandChange.ActionKind.RESOLVE, who, Optional.empty(), Optional.empty());
    }

    /**
     * The post-mortem review is done.
     *
     * @throws IllegalTransitionException unless resolved
     */
    public void review(IncidentId incident, String who) {
        act(incident, BrandChange.ActionKind.REVIEW, who, Optional.empty(), Optional.empty());
    }

    private void act(IncidentId incident, BrandChange.ActionKind kind, String who, Optional<StepKind> step,
            Optional<Boolean> atFault) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(who, "who");
        BrandRuntime rt = runtimeOf(incident);
        BrandProcessor.Out out = new BrandProcessor.Out();
        BrandProcessor.Out done = commit(rt, new BrandChange.Action(clock.instant(), incident, kind, who, step, atFault), out,
                null);
        afterChange(rt, out);
        throwIfStoreFailed(done);
        if (done.failure != null) {
            throw done.failure;
        }
    }

    private BrandRuntime runtimeOf(IncidentId id) {
        String v = id.value();
        int dash = v.lastIndexOf('-');
        BrandRuntime rt = dash > 0 ? brands.get(v.substring(0, dash)) : null;
        if (rt == null) {
            throw new UnknownIncidentException(id);
        }
        return rt;
    }

    // ================================================================ queries

    /** The incident with this id (or the one it was merged into), as a snapshot. */
    public Optional<Incident> incident(IncidentId id) {
        return details(id).map(IncidentDetails::incident);
    }

    /** Everything known about an incident (or the one it was merged into). */
    public Optional<IncidentDetails> details(IncidentId id) {
        Objects.requireNonNull(id, "id");
        BrandRuntime rt;
        try {
            rt = runtimeOf(id);
        } catch (UnknownIncidentException e) {
            return Optional.empty();
        }
        synchronized (rt.lock) {
            IncidentTracker t = rt.state.resolve(id);
            return t == null ? Optional.empty() : Optional.of(rt.processor.details(t));
        }
    }

    /** Every incident the engine holds (open, and closed within the retention), oldest first. */
    public List<Incident> incidents() {
        List<Incident> out = new ArrayList<>();
        for (BrandRuntime rt : brands.values()) {
            out.addAll(incidents(rt));
        }
        out.sort(Comparator.comparing(Incident::openedAt).thenComparing(i -> i.id().value()));
        return out;
    }

    /** The incidents of one brand, oldest first. */
    public List<Incident> incidents(String brand) {
        BrandRuntime rt = matcher.byName(Objects.requireNonNull(brand, "brand"));
        if (rt == null) {
            throw new IllegalArgumentException("brand '" + brand + "' is not watched");
        }
        return incidents(rt);
    }

    private List<Incident> incidents(BrandRuntime rt) {
        synchronized (rt.lock) {
            List<Incident> out = new ArrayList<>(rt.state.incidents.size());
            for (IncidentTracker t : rt.state.incidents.values()) {
                out.add(t.snapshot(rt.processor.excludedTerms));
            }
            return out;
        }
    }

    /** The details of every incident, oldest first. */
    public List<IncidentDetails> allDetails() {
        List<IncidentDetails> out = new ArrayList<>();
        for (BrandRuntime rt : brands.values()) {
            synchronized (rt.lock) {
                for (IncidentTracker t : rt.state.incidents.values()) {
                    out.add(rt.processor.details(t));
                }
            }
        }
        out.sort(Comparator.comparing((IncidentDetails d) -> d.incident().openedAt())
                .thenComparing(d -> d.incident().id().value()));
        return out;
    }

    /**
     * The audit trail of an incident: every change to it with time, actor and reason, oldest first. The
     * mentions of the bucket still running come last, as a {@code mentions_attached} record marked
     * {@code open}. An id merged into another incident has its trail up to the merge (ending with
     * {@code merged_into}); the survivor's trail goes on. Trails are kept with the brand's state (so a
     * durable store keeps them) as long as the engine holds the incident (closed ones for
     * {@link EngineSettings#closedRetention()}).
     *
     * @return the records, or an empty list for an unknown id
     */
    public List<AuditRecord> auditTrail(IncidentId id) {
        Objects.requireNonNull(id, "id");
        BrandRuntime rt;
        try {
            rt = runtimeOf(id);
        } catch (UnknownIncidentException e) {
            return List.of();
        }
        synchronized (rt.lock) {
            return auditor.trail(rt.state, id);
        }
    }

    /** The watched brands, by name, in the order they were added to the builder. */
    public Map<String, Brand> brands() {
        Map<String, Brand> out = new LinkedHashMap<>();
        for (BrandRuntime rt : brands.values()) {
            out.put(rt.brand.name(), rt.brand);
        }
        return out;
    }

    /** The engine's counters. */
    public EngineStats stats() {
        long in = 0;
        long tk = 0;
        long up = 0;
        long dup = 0;
        for (BrandRuntime rt : brands.values()) {
            synchronized (rt.lock) {
                in += rt.ingested;
                tk += rt.taken;
                up += rt.updated;
                dup += rt.duplicates;
            }
        }
        return new EngineStats(ingested.sum() + in, taken.sum() + tk, updated.sum() + up, duplicates.sum() + dup,
                unmatched.sum(), rejected.sum(), alerts.sum(), opened.sum());
    }

    /** Mentions a brand took (new, not owned), since its state was created. */
    public long mentions(String brand) {
        BrandRuntime rt = matcher.byName(Objects.requireNonNull(brand, "brand"));
        if (rt == null) {
            throw new IllegalArgumentException("brand '" + brand + "' is not watched");
        }
        synchronized (rt.lock) {
            return rt.state.mentions;
        }
    }

    /**
     * The brand's state as JSON ({@link BrandStateCodec}), taken under its lock: a consistent checkpoint
     * for a durable store.
     */
    public String checkpoint(String brand) {
        BrandRuntime rt = matcher.byName(Objects.requireNonNull(brand, "brand"));
        if (rt == null) {
            throw new IllegalArgumentException("brand '" + brand + "' is not watched");
        }
        synchronized (rt.lock) {
            return BrandStateCodec.create().encode(rt.state);
        }
    }

    /**
     * What the pre-publish and reply checks ({@link dev.firebreak.check.PostChecker},
     * {@link dev.firebreak.check.ReplyChecker}) need to know about one brand, as an immutable snapshot
     * taken under the brand's lock:
     * <ul>
     *   <li>its incidents not yet resolved, with their severity, hashtags (the incident's hashtags and its
     *       hashtag topic) and whether the brand is at fault ({@link IncidentDetails#atFault()}: what a
     *       person said with {@link #setFault}, else presumed for the brand's own post and for the
     *       playbook's fault categories);</li>
     *   <li>hashtag statistics over the brand's mentions of the last 24 hours (mentions and negative
     *       share per hashtag);</li>
     *   <li>the texts of the replies the brand's own accounts posted in each incident, as ingested.</li>
     * </ul>
     * The hashtag window and the reply texts are kept in memory only. Take a new snapshot for each check,
     * or each batch of checks: it does not change afterwards.
     *
     * @throws IllegalArgumentException if the brand is not watched
     */
    public CrisisContext crisisContext(String brand) {
        BrandRuntime rt = matcher.byName(Objects.requireNonNull(brand, "brand"));
        if (rt == null) {
            throw new IllegalArgumentException("brand '" + brand + "' is not watched");
        }
        return crisisContext(List.of(rt));
    }

    /**
     * {@link #crisisContext(String)} for every watched brand (each brand's part is consistent in itself):
     * for a post whose brand cannot be told, checked against every brand's crisis. Hashtag statistics add
     * up the brands' mentions.
     */
    public CrisisContext crisisContext() {
        return crisisContext(brands.values());
    }

    private CrisisContext crisisContext(Collection<BrandRuntime> runtimes) {
        CrisisContext.Builder b = CrisisContext.builder();
        Map<String, long[]> hashtags = new HashMap<>();
        for (BrandRuntime rt : runtimes) {
            synchronized (rt.lock) {
                List<IncidentDetails> details = new ArrayList<>();
                Set<IncidentId> taken = new HashSet<>();
                for (IncidentId id : rt.state.incidentIds()) {
                    details(id).filter(d -> taken.add(d.incident().id())).ifPresent(details::add);
                }
                rt.state.checks.snapshot(details, clock.instant(), b, hashtags);
            }
        }
        CheckMemory.addHashtagStats(hashtags, b);
        return b.build();
    }

    // ================================================================ events and controls

    private void enqueue(BrandRuntime rt, BrandProcessor.Out out) {
        if (out.alerts != 0) {
            alerts.add(out.alerts); // (adding 0 to a LongAdder still writes a shared cell)
            out.alerts = 0;
        }
        if (out.opened != 0) {
            opened.add(out.opened);
            out.opened = 0;
        }
        if (out.events != null) {
            rt.outbox.addAll(out.events);
            out.events = null;
            out.queued = true;
        }
    }

    private void afterChange(BrandRuntime rt, BrandProcessor.Out out) {
        if (out.queued) {
            // (a call that queued nothing has nothing to deliver: whoever queued an event publishes it, or
            // leaves it to the thread holding the publishing lock, which checks the queue again after unlocking)
            publish(rt);
        }
        if (out.pause != null) {
            pause(rt, out.pause);
        }
        if (out.resume) {
            resume(rt);
        }
    }

    private void pause(BrandRuntime rt, IncidentId incident) {
        List<FirebreakEvent> events = new ArrayList<>();
        List<BrandChange.ControlOutcome> outcomes = new ArrayList<>();
        boolean complete = true;
        rt.controlling.lock();
        try {
            for (PublishingControl c : rt.controls) {
                String name = controlName(c);
                try {
                    PauseReport r = c.pause("firebreak crisis " + incident.value());
                    List<String> failures = new ArrayList<>();
                    for (PauseReport.Failure f : r.failures()) {
                        failures.add(f.post().id() + ": " + f.reason());
                    }
                    complete &= failures.isEmpty();
                    events.add(new FirebreakEvent.PublishingPaused(clock.instant(), rt.brand.name(), incident, name,
                            r.affected().size(), failures));
                    outcomes.add(new BrandChange.ControlOutcome(name, r.affected().size(), failures));
                } catch (RuntimeException e) {
                    complete = false;
                    log.warn("Publishing control {} failed to pause for {}: {}", name, incident, e.toString());
                    events.add(new FirebreakEvent.PublishingPaused(clock.instant(), rt.brand.name(), incident, name, 0,
                            List.of("pause failed: " + e)));
                    outcomes.add(new BrandChange.ControlOutcome(name, 0, List.of("pause failed: " + e)));
                }
            }
        } finally {
            rt.controlling.unlock();
        }
        BrandProcessor.Out out = new BrandProcessor.Out();
        BrandProcessor.Out done = commit(rt, new BrandChange.Paused(clock.instant(), incident, complete, outcomes), out, events);
        afterChange(rt, out);
        throwIfStoreFailed(done);
    }

    private void resume(BrandRuntime rt) {
        synchronized (rt.lock) {
            if (!rt.state.pausedFor.isEmpty() || rt.state.pauseInFlight) {
                return;
            }
        }
        List<FirebreakEvent> events = new ArrayList<>();
        List<BrandChange.ControlOutcome> outcomes = new ArrayList<>();
        rt.controlling.lock();
        try {
            for (PublishingControl c : rt.controls) {
                String name = controlName(c);
                try {
                    PauseReport r = c.resume();
                    List<String> failures = new ArrayList<>();
                    for (PauseReport.Failure f : r.failures()) {
                        failures.add(f.post().id() + ": " + f.reason());
                    }
                    events.add(new FirebreakEvent.PublishingResumed(clock.instant(), rt.brand.name(), name,
                            r.affected().size(), failures));
                    outcomes.add(new BrandChange.ControlOutcome(name, r.affected().size(), failures));
                } catch (RuntimeException ex) {
                    log.warn("Publishing control {} failed to resume: {}", name, ex.toString());
                    events.add(new FirebreakEvent.PublishingResumed(clock.instant(), rt.brand.name(), name, 0,
                            List.of("resume failed: " + ex)));
                    outcomes.add(new BrandChange.ControlOutcome(name, 0, List.of("resume failed: " + ex)));
                }
            }
        } finally {
            rt.controlling.unlock();
        }
        BrandProcessor.Out out = new BrandProcessor.Out();
        BrandProcessor.Out done = commit(rt, new BrandChange.Resumed(clock.instant(), outcomes), out, events);
        afterChange(rt, out);
        throwIfStoreFailed(done);
    }

    private static String controlName(PublishingControl c) {
        try {
            return c.name();
        } catch (RuntimeException e) {
            return c.getClass().getName();
        }
    }

    /** Delivers the brand's queued events in order; whoever holds the publishing lock drains the queue. */
    private void publish(BrandRuntime rt) {
        while (!rt.outbox.isEmpty()) {
            if (!rt.publishing.tryLock()) {
                return; // the holder drains what we queued: it checks the queue again after unlocking
            }
            try {
                FirebreakEvent e;
                while ((e = rt.outbox.poll()) != null) {
                    deliver(e);
                }
            } finally {
                rt.publishing.unlock();
            }
        }
    }

    private void deliver(FirebreakEvent e) {
        for (FirebreakListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                log.warn("Listener {} failed on {}; the other listeners still get it", l.getClass().getName(),
                        e.getClass().getSimpleName(), ex);
            }
        }
    }

    /** What the store sees of the engine. */
    private final class Context implements StoreContext {
        private final BrandStateCodec codec = BrandStateCodec.create();

        @Override
        public List<String> brands() {
            return List.copyOf(brands.keySet());
        }

        @Override
        public BrandState decode(String encoded) {
            return codec.decode(encoded, escalationPolicy);
        }

        @Override
        public void forEachState(Consumer<BrandState> visitor) {
            Objects.requireNonNull(visitor, "visitor");
            for (BrandRuntime rt : brands.values()) {
                synchronized (rt.lock) {
                    visitor.accept(rt.state);
                }
            }
        }
    }

    // ================================================================ builder

    /** Builds a {@link CrisisEngine}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MentionClassifier classifier;
        private final Map<String, Brand> brands = new LinkedHashMap<>();
        private EngineSettings settings = EngineSettings.defaults();
        private DetectionSettings detection = DetectionSettings.defaults();
        private SeverityPolicy severity = SeverityPolicy.defaults();
        private EscalationPolicy escalation = EscalationPolicy.defaults();
        private Playbook playbook = Playbook.defaults();
        private IncidentStore store = new InMemoryIncidentStore();
        private final List<FirebreakListener> listeners = new ArrayList<>();
        private final List<PublishingControl> globalControls = new ArrayList<>();
        private final Map<String, List<PublishingControl>> brandControls = new LinkedHashMap<>();

        private Builder() {
        }

        /** The clock every timestamp comes from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The classifier (required); called outside any lock, from many threads. */
        public Builder classifier(MentionClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** A brand to watch; names must be unique. */
        public Builder brand(Brand brand) {
            Objects.requireNonNull(brand, "brand");
            if (brands.putIfAbsent(brand.name(), brand) != null) {
                throw new IllegalArgumentException("brand '" + brand.name() + "' is already watched");
            }
            return this;
        }

        /** Brands to watch. */
        public Builder brands(List<Brand> brands) {
            for (Brand b : brands) {
                brand(b);
            }
            return this;
        }

        /** Dedup memory, grouping, merging and closing. */
        public Builder settings(EngineSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Detection signals, thresholds and the series detector. */
        public Builder detection(DetectionSettings detection) {
            this.detection = Objects.requireNonNull(detection, "detection");
            return this;
        }

        /** The problem-or-crisis rules. */
        public Builder severityPolicy(SeverityPolicy policy) {
            this.severity = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The escalation ladder and deadlines. */
        public Builder escalationPolicy(EscalationPolicy policy) {
            this.escalation = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The response playbook. */
        public Builder playbook(Playbook playbook) {
            this.playbook = Objects.requireNonNull(playbook, "playbook");
            return this;
        }

        /**
         * Where brand states live; default in memory ({@link InMemoryIncidentStore}). With a durable store
         * ({@link dev.firebreak.store.JournalStore}) {@link #build} recovers each brand's state from it,
         * re-applying the changes it kept: the engine resumes exactly where it stopped (deadlines that
         * passed meanwhile fire on the first tick).
         */
        public Builder store(IncidentStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** A listener for every event. */
        public Builder listener(FirebreakListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** A publishing control used for every brand. */
        public Builder publishingControl(PublishingControl control) {
            globalControls.add(Objects.requireNonNull(control, "control"));
            return this;
        }

        /** A publishing control for one brand. */
        public Builder publishingControl(String brand, PublishingControl control) {
            Objects.requireNonNull(brand, "brand");
            brandControls.computeIfAbsent(brand.strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(control, "control"));
            return this;
        }

        /**
         * Builds the engine, loading each brand's state from the store and re-applying the changes it kept
         * after that state; a publishing-control call that a crash interrupted (a pause or resume) is made
         * again.
         *
         * @throws IllegalStateException without a classifier or a brand
         */
        public CrisisEngine build() {
            if (classifier == null) {
                throw new IllegalStateException("a classifier is required: builder().classifier(...)");
            }
            if (brands.isEmpty()) {
                throw new IllegalStateException("at least one brand is required: builder().brand(...)");
            }
            return new CrisisEngine(this);
        }
    }
}
