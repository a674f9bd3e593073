package dev.firebreak.engine;

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
import dev.firebreak.store.InMemoryIncidentStore;
import dev.firebreak.store.IncidentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        Map<String, BrandRuntime> m = new LinkedHashMap<>();
        boolean anyControl = !b.globalControls.isEmpty();
        for (Brand brand : b.brands.values()) {
            List<PublishingControl> controls = new ArrayList<>(b.globalControls);
            controls.addAll(b.brandControls.getOrDefault(brand.name(), List.of()));
            BrandProcessor p = new BrandProcessor(brand, b.settings, b.detection, b.severity, b.escalation, b.playbook,
                    !controls.isEmpty());
            BrandState state = store.load(brand.name()).orElseGet(() -> BrandState.empty(brand.name()));
            if (!state.brand().equals(brand.name())) {
                throw new IllegalStateException("the store returned the state of '" + state.brand() + "' for brand '"
                        + brand.name() + "'");
            }
            state.detectors = b.detection.detectors();
            state.reindex();
            store.save(state);
            m.put(brand.name(), new BrandRuntime(brand, p, state, controls));
        }
        for (String name : b.brandControls.keySet()) {
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException("publishingControl names brand '" + name + "', which is not watched");
            }
        }
        if (!anyControl && b.brandControls.isEmpty()) {
            log.debug("No publishing control: crisis plans keep 'pause scheduled content' as a manual step");
        }
        this.brands = Map.copyOf(m);
        this.matcher = new BrandMatcher(new ArrayList<>(m.values()));
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
        ingested.increment();
        List<BrandMatcher.Match> matches = matcher.match(mention);
        if (matches.isEmpty()) {
            unmatched.increment();
            return new IngestResult(IngestResult.Status.UNMATCHED, List.of(), Optional.of("no watched brand matched"));
        }
        Classification c;
        try {
            c = classifier.classify(mention);
            if (c == null) {
                throw new IllegalStateException(classifier.getClass().getName() + " returned null");
            }
        } catch (RuntimeException e) {
            return reject(mention, matches.get(0).runtime(), "classifier failed: " + e);
        }
        Instant now = clock.instant();
        IngestResult.Status status = null;
        List<String> took = matches.size() == 1 ? null : new ArrayList<>(matches.size());
        BrandRuntime only = null;
        for (int i = 0; i < matches.size(); i++) { // (no iterator: one less allocation per mention)
            BrandMatcher.Match match = matches.get(i);
            BrandRuntime rt = match.runtime();
            if (match.keywordOnly() && !rt.brand.languages().isEmpty() && !c.language().isUndetermined()
                    && !rt.brand.languages().contains(c.language())
                    && !rt.brand.languages().contains(Language.of(c.language().code().split("-")[0]))) {
                continue;
            }
            boolean owned = mention.ownedAccount() || rt.ownsAuthor(mention.platform(), mention.author());
            BrandProcessor.Out out = new BrandProcessor.Out();
            IngestResult.Status s = null;
            RuntimeException failure = null;
            rt.lock.lock();
            try {
                s = rt.processor.ingest(rt.state, mention, c, owned, now, out);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                enqueue(rt, out);
                store.save(rt.state);
                rt.lock.unlock();
            }
            if (failure != null) {
                log.error("Processing {} for brand {} failed", mention, rt.brand.name(), failure);
                afterChange(rt, out);
                return reject(mention, rt, "processing failed: " + failure);
            }
            afterChange(rt, out);
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
     * moves quiet incidents to monitoring and resolves long-quiet ones. {@code now} should be the clock's
     * time; events are stamped with it.
     */
    public void tick(Instant now) {
        Objects.requireNonNull(now, "now");
        for (BrandRuntime rt : brands.values()) {
            BrandProcessor.Out out = new BrandProcessor.Out();
            rt.lock.lock();
            try {
                rt.processor.housekeep(rt.state, now, out);
                enqueue(rt, out);
                if (!out.isEmpty()) {
                    store.save(rt.state);
                }
            } finally {
                rt.lock.unlock();
            }
            afterChange(rt, out);
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
        act(incident, (rt, out, now) -> rt.processor.acknowledge(rt.state, incident, who, now, out));
    }

    /**
     * Records a public reply by the brand made outside the engine's view (the engine records replies
     * of the brand's own accounts by itself); the first-response clock stops.
     *
     * @throws IllegalTransitionException if it is resolved or reviewed
     */
    public void recordPublicReply(IncidentId incident, String who) {
        act(incident, (rt, out, now) -> rt.processor.recordPublicReply(rt.state, incident, who, now, out));
    }

    /**
     * Marks a plan step done.
     *
     * @throws IllegalArgumentException if the plan has no such step
     */
    public void completeStep(IncidentId incident, StepKind step, String who) {
        Objects.requireNonNull(step, "step");
        act(incident, (rt, out, now) -> rt.processor.completeStep(rt.state, incident, step, who, now, out));
    }

    /** Says whether the brand is at fault (apologise) or not (explain the policy); the plan is remade. */
    public void setFault(IncidentId incident, boolean atFault, String who) {
        act(incident, (rt, out, now) -> rt.processor.setFault(rt.state, incident, atFault, who, now, out));
    }

    /**
     * The response is out; the team watches for a relapse.
     *
     * @throws IllegalTransitionException unless responding
     */
    public void monitor(IncidentId incident, String who) {
        act(incident, (rt, out, now) -> rt.processor.monitor(rt.state, incident, who, now, out));
    }

    /**
     * The incident is over; content paused for it is resumed once no other incident holds the pause.
     *
     * @throws IllegalTransitionException if already resolved or reviewed
     */
    public void resolve(IncidentId incident, String who) {
        act(incident, (rt, out, now) -> rt.processor.resolve(rt.state, incident, who, now, out));
    }

    /**
     * The post-mortem review is done.
     *
     * @throws IllegalTransitionException unless resolved
     */
    public void review(IncidentId incident, String who) {
        act(incident, (rt, out, now) -> rt.processor.review(rt.state, incident, who, now, out));
    }

    @FunctionalInterface
    private interface Action {
        void run(BrandRuntime rt, BrandProcessor.Out out, Instant now);
    }

    private void act(IncidentId incident, Action action) {
        Objects.requireNonNull(incident, "incident");
        BrandRuntime rt = runtimeOf(incident);
        BrandProcessor.Out out = new BrandProcessor.Out();
        rt.lock.lock();
        try {
            Instant now = clock.instant();
            rt.processor.housekeep(rt.state, now, out);
            action.run(rt, out, now);
        } finally {
            enqueue(rt, out);
            store.save(rt.state);
            rt.lock.unlock();
        }
        afterChange(rt, out);
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
        rt.lock.lock();
        try {
            IncidentTracker t = rt.state.resolve(id);
            return t == null ? Optional.empty() : Optional.of(rt.processor.details(t));
        } finally {
            rt.lock.unlock();
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
        rt.lock.lock();
        try {
            List<Incident> out = new ArrayList<>(rt.state.incidents.size());
            for (IncidentTracker t : rt.state.incidents.values()) {
                out.add(t.snapshot(rt.processor.excludedTerms));
            }
            return out;
        } finally {
            rt.lock.unlock();
        }
    }

    /** The details of every incident, oldest first. */
    public List<IncidentDetails> allDetails() {
        List<IncidentDetails> out = new ArrayList<>();
        for (BrandRuntime rt : brands.values()) {
            rt.lock.lock();
            try {
                for (IncidentTracker t : rt.state.incidents.values()) {
                    out.add(rt.processor.details(t));
                }
            } finally {
                rt.lock.unlock();
            }
        }
        out.sort(Comparator.comparing((IncidentDetails d) -> d.incident().openedAt())
                .thenComparing(d -> d.incident().id().value()));
        return out;
    }

    /** The watched brands, by name. */
    public Map<String, Brand> brands() {
        Map<String, Brand> out = new LinkedHashMap<>();
        for (BrandRuntime rt : brands.values()) {
            out.put(rt.brand.name(), rt.brand);
        }
        return out;
    }

    /** The engine's counters. */
    public EngineStats stats() {
        return new EngineStats(ingested.sum(), taken.sum(), updated.sum(), duplicates.sum(), unmatched.sum(),
                rejected.sum(), alerts.sum(), opened.sum());
    }

    /** Mentions a brand took (new, not owned), since its state was created. */
    public long mentions(String brand) {
        BrandRuntime rt = matcher.byName(Objects.requireNonNull(brand, "brand"));
        if (rt == null) {
            throw new IllegalArgumentException("brand '" + brand + "' is not watched");
        }
        rt.lock.lock();
        try {
            return rt.state.mentions;
        } finally {
            rt.lock.unlock();
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
        rt.lock.lock();
        try {
            return BrandStateCodec.create().encode(rt.state);
        } finally {
            rt.lock.unlock();
        }
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
                } catch (RuntimeException e) {
                    complete = false;
                    log.warn("Publishing control {} failed to pause for {}: {}", name, incident, e.toString());
                    events.add(new FirebreakEvent.PublishingPaused(clock.instant(), rt.brand.name(), incident, name, 0,
                            List.of("pause failed: " + e)));
                }
            }
        } finally {
            rt.controlling.unlock();
        }
        BrandProcessor.Out out = new BrandProcessor.Out();
        rt.lock.lock();
        try {
            rt.outbox.addAll(events);
            out.queued = !events.isEmpty();
            rt.processor.pauseDone(rt.state, incident, complete, clock.instant(), out);
            enqueue(rt, out);
            store.save(rt.state);
        } finally {
            rt.lock.unlock();
        }
        afterChange(rt, out);
    }

    private void resume(BrandRuntime rt) {
        rt.lock.lock();
        try {
            if (!rt.state.pausedFor.isEmpty() || rt.state.pauseInFlight) {
                return;
            }
        } finally {
            rt.lock.unlock();
        }
        rt.controlling.lock();
        try {
            for (PublishingControl c : rt.controls) {
                String name = controlName(c);
                FirebreakEvent e;
                try {
                    PauseReport r = c.resume();
                    List<String> failures = new ArrayList<>();
                    for (PauseReport.Failure f : r.failures()) {
                        failures.add(f.post().id() + ": " + f.reason());
                    }
                    e = new FirebreakEvent.PublishingResumed(clock.instant(), rt.brand.name(), name,
                            r.affected().size(), failures);
                } catch (RuntimeException ex) {
                    log.warn("Publishing control {} failed to resume: {}", name, ex.toString());
                    e = new FirebreakEvent.PublishingResumed(clock.instant(), rt.brand.name(), name, 0,
                            List.of("resume failed: " + ex));
                }
                rt.outbox.add(e);
            }
        } finally {
            rt.controlling.unlock();
        }
        publish(rt);
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

        /** Where brand states live; default in memory. */
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
         * Builds the engine, loading each brand's state from the store.
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
