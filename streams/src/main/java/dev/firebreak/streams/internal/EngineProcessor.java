package dev.firebreak.streams.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.engine.IngestResult;
import dev.firebreak.engine.UnknownIncidentException;
import dev.firebreak.escalation.IllegalTransitionException;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.StoreException;
import dev.firebreak.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage: the crisis engine of every brand of one task, on the task's state stores.
 *
 * <p><b>State.</b> Each brand has its own {@link CrisisEngine} whose {@link dev.firebreak.store.IncidentStore}
 * is the task's {@link StateStoreIncidentStore}: every change the engine commits goes to the stores (and so to
 * their changelogs, in the same Kafka transaction as the output records and the input offsets under
 * exactly-once). The engines in memory are a cache of the stores, and nothing else: none exists after
 * {@link #init} until the first record or punctuation, which builds every brand's engine from the stores
 * (snapshot plus changes, re-applied: the engine's logic is deterministic, so the state is exactly what was
 * committed); a call that throws drops its brand's engine, and a failure of the stores themselves drops all of
 * them and goes back to Kafka Streams, which closes the task and restores its stores from the changelogs.
 *
 * <p><b>Time.</b> The task's engine time is the largest of its stream time and, after an idle spell, the wall
 * clock (see {@link StreamsSettings#idleAdvance()}); it is kept in the stores. Every brand is ticked at each
 * multiple of the tick interval, in order: before its next input, by a stream-time punctuator as stream time
 * passes, and by a wall-clock punctuator when idle. Because brands are independent, a brand's sequence of changes
 * is the same however its ticks and other brands' inputs interleave.
 */
public final class EngineProcessor implements Processor<String, byte[], String, Out> {

    /** At most this many ticks are caught up at once per brand; older boundaries of a long silence are skipped. */
    static final int MAX_CATCH_UP = 1_440;

    /** How often (engine time) the summary fingerprints of incidents a brand no longer holds are dropped. */
    static final long GC_EVERY = Duration.ofHours(1).toMillis();

    private static final Logger log = LoggerFactory.getLogger(EngineProcessor.class);

    private final EngineSetup setup;
    private final StreamsSettings settings;
    private final long tick;
    private final Inputs inputs = new Inputs();
    private final OutputJson output = new OutputJson();
    private final FirebreakJson json = FirebreakJson.create();
    private final TaskClock clock = new TaskClock();
    private final List<FirebreakEvent> pending = new ArrayList<>();
    private final Set<String> unwatched = new HashSet<>();
    private final String headsName;
    private final String changesName;
    private final String snapshotsName;

    private ProcessorContext<String, Out> context;
    private StateStoreIncidentStore store;
    /** The task's engines by brand: a cache of the stores, null until built after {@link #init}. */
    private Map<String, CrisisEngine> engines;
    /** The task's engine time (epoch ms), as kept in the stores; valid while {@link #engines} is. */
    private long engineTime;
    private long lastInputWall;

    /** A processor for one task, on the named stores. */
    public EngineProcessor(EngineSetup setup, String heads, String changes, String snapshots) {
        this.setup = setup;
        this.settings = setup.streams();
        this.tick = settings.tickInterval().toMillis();
        this.headsName = heads;
        this.changesName = changes;
        this.snapshotsName = snapshots;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        KeyValueStore<String, byte[]> heads = context.getStateStore(headsName);
        KeyValueStore<String, byte[]> changes = context.getStateStore(changesName);
        KeyValueStore<String, byte[]> snapshots = context.getStateStore(snapshotsName);
        this.store = new StateStoreIncidentStore(heads, changes, snapshots, tick, settings.snapshotEveryChanges(),
                settings.snapshotEveryBytes(), settings.snapshotChunkBytes());
        this.engines = null; // rebuilt from the stores on first use: they may have been restored since
        this.pending.clear();
        this.lastInputWall = context.currentSystemTimeMs();
        context.schedule(settings.tickInterval(), PunctuationType.STREAM_TIME, this::onStreamTime);
        settings.idleAdvance().ifPresent(idle -> context.schedule(
                idle.compareTo(settings.tickInterval()) < 0 ? idle : settings.tickInterval(),
                PunctuationType.WALL_CLOCK_TIME, this::onWallClock));
    }

    @Override
    public void close() {
        engines = null;
        pending.clear();
    }

    // ================================================================ records

    @Override
    public void process(Record<String, byte[]> r) {
        lastInputWall = context.currentSystemTimeMs();
        Inputs.Routed routed;
        try {
            routed = inputs.decode(r.value());
        } catch (RuntimeException e) {
            Optional<OutputJson.Source> here = context.recordMetadata().map(m -> new OutputJson.Source(m.topic(),
                    m.partition(), m.offset(), r.timestamp()));
            dead(r.key(), "engine", "unreadable input on the repartition topic: " + e.getMessage(), here, r.value(),
                    r.timestamp());
            return;
        }
        String brand = r.key();
        Optional<Brand> watched = brand == null ? Optional.empty() : setup.brand(brand);
        if (watched.isEmpty()) {
            dead(brand, "engine", "brand '" + brand + "' is not watched by this topology", routed.source(),
                    describe(routed.input()), r.timestamp());
            return;
        }
        long now = r.timestamp();
        try {
            loaded();
            now = advance(r.timestamp());
            catchUp(brand, now);
            clock.set(Instant.ofEpochMilli(now));
            CrisisEngine engine = engine(brand);
            apply(engine, brand, routed, now);
        } catch (RuntimeException e) {
            failed(brand, e);
            dead(brand, "engine", "processing failed: " + e, routed.source(), describe(routed.input()), now);
        }
    }

    private void apply(CrisisEngine engine, String brand, Inputs.Routed routed, long now) {
        BrandChange in = routed.input();
        if (in instanceof BrandChange.Ingest) {
            BrandChange.Ingest i = (BrandChange.Ingest) in;
            IngestResult result = engine.ingest(i.mention(), i.classification());
            emit(engine, brand, now, false, null);
            if (result.status() == IngestResult.Status.REJECTED) {
                dead(brand, "engine", result.reason().orElse("rejected by the engine"), routed.source(), describe(in),
                        now);
            } else if (result.status() == IngestResult.Status.UNMATCHED && settings.unmatchedTopic().isPresent()) {
                context.forward(new Record<>(brand, new Out(Out.Kind.UNMATCHED,
                        json.writeMention(i.mention()).getBytes(StandardCharsets.UTF_8)), now));
            }
            return;
        }
        BrandChange.Action a = (BrandChange.Action) in;
        String refused = null;
        try {
            Actions.apply(engine, a);
        } catch (IllegalTransitionException | UnknownIncidentException e) {
            refused = e.getMessage();
        } catch (StoreException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            refused = e.getMessage(); // a step the plan does not have
        }
        emit(engine, brand, now, false, a.incident()); // an action can change a closed incident without an event
        if (refused != null) {
            dead(brand, "action", "refused: " + refused, routed.source(), describe(in), now);
        }
    }

    // ================================================================ time

    /**
     * Moves the engine time to {@code candidate} if that is later. Records move it by their timestamps (the
     * mention's event time), so it is the task's stream time; it is not read from the context, whose stream time
     * can include other sub-topologies' inputs where they share a task (as in a test driver). It needs no write of
     * its own: every input is applied, and so recorded, at it ({@link StateStoreIncidentStore#time()}).
     */
    private long advance(long candidate) {
        engineTime = Math.max(engineTime, candidate);
        return engineTime;
    }

    /** Ticks a brand at every boundary up to {@code now} it has not been ticked at (at most MAX_CATCH_UP). */
    private void catchUp(String brand, long now) {
        Optional<StateStoreIncidentStore.Head> head = store.head(brand);
        if (head.isEmpty()) {
            return; // a brand the task has never seen: its ticks start after its first input
        }
        long last = Math.floorDiv(now, tick) * tick;
        long prev = head.get().ticked();
        long from = prev == Long.MIN_VALUE ? last : prev + tick;
        if (from > last) {
            return;
        }
        if ((last - from) / tick >= MAX_CATCH_UP) {
            from = last - (MAX_CATCH_UP - 1) * tick;
            log.info("Brand {} was not ticked since {}: catching up the last {} ticks to {}", brand,
                    prev == Long.MIN_VALUE ? "-" : Instant.ofEpochMilli(prev), MAX_CATCH_UP, Instant.ofEpochMilli(last));
        }
        CrisisEngine engine = engine(brand);
        for (long b = from; b <= last; b += tick) {
            clock.set(Instant.ofEpochMilli(b));
            engine.tick(Instant.ofEpochMilli(b));
            emit(engine, brand, b, true, null);
        }
    }

    /** Stream time passed a tick boundary: every brand catches up to the engine time (the stream time). */
    private void onStreamTime(long streamTime) {
        punctuate(Long.MIN_VALUE);
    }

    /** After an idle spell the engine time follows the wall clock, and every brand catches up to it. */
    private void onWallClock(long wall) {
        Optional<Duration> idle = settings.idleAdvance();
        if (idle.isEmpty() || wall - lastInputWall < idle.get().toMillis()) {
            return;
        }
        punctuate(wall);
        if (engines != null) {
            store.time(engineTime); // no input records this time: keep it for whoever takes the task over
        }
    }

    private void punctuate(long time) {
        try {
            loaded();
            long now = advance(time);
            for (String brand : new ArrayList<>(engines.keySet())) {
                try {
                    catchUp(brand, now);
                } catch (RuntimeException e) {
                    failed(brand, e); // logs it; rethrows a failure of the stores
                }
            }
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            engines = null;
            log.error("Loading the engines of task {} failed", context.taskId(), e);
            throw e;
        }
    }

    // ================================================================ the cache

    /** Builds every brand's engine from the stores, once after {@link #init} or a failure of the stores. */
    private void loaded() {
        if (engines != null) {
            return;
        }
        store.reset();
        pending.clear();
        long t = store.time();
        engineTime = t == Long.MIN_VALUE ? 0 : t;
        Map<String, CrisisEngine> m = new LinkedHashMap<>();
        engines = m;
        try {
            for (String brand : store.brands()) {
                Optional<Brand> b = setup.brand(brand);
                if (b.isEmpty()) {
                    if (unwatched.add(brand)) {
                        log.warn("Task {}: the stores hold brand '{}', which this topology does not watch; its state "
                                + "is kept as it is", context.taskId(), brand);
                    }
                    continue;
                }
                try {
                    m.put(brand, build(b.get()));
                } catch (KafkaException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (store.failure().isPresent()) {
                        throw e;
                    }
                    // its records go to the dead-letter topic with this reason until its state can be read
                    store.forget(brand);
                    log.error("Task {}: brand {} cannot be rebuilt from the state stores; its inputs become dead "
                            + "letters until it can", context.taskId(), brand, e);
                }
            }
        } catch (RuntimeException e) {
            engines = null;
            throw e;
        }
        if (!m.isEmpty()) {
            log.info("Task {}: {} brands rebuilt from the state stores, engine time {}", context.taskId(), m.size(),
                    Instant.ofEpochMilli(engineTime));
        }
    }

    private CrisisEngine engine(String brand) {
        CrisisEngine e = engines.get(brand);
        if (e == null) {
            e = build(setup.brand(brand).orElseThrow());
            engines.put(brand, e);
        }
        return e;
    }

    private CrisisEngine build(Brand brand) {
        clock.set(Instant.ofEpochMilli(engineTime));
        return setup.engine(brand, clock).store(store).listener(pending::add).build();
    }

    /**
     * After a call that threw: the failed brand's engine may hold a change its stores do not, so it goes (rebuilt
     * from the stores on next use), with the events of the failed call. A failure of the stores themselves goes
     * back to Kafka Streams, with every engine dropped.
     */
    private void failed(String brand, RuntimeException e) {
        pending.clear();
        Optional<RuntimeException> kafka = kafkaCause(e);
        if (kafka.isPresent()) {
            engines = null;
            store.reset();
            throw kafka.get();
        }
        if (engines != null) {
            engines.remove(brand);
        }
        store.forget(brand);
        log.error("Brand {}: an engine call failed; its engine is rebuilt from the state stores", brand, e);
    }

    private Optional<RuntimeException> kafkaCause(RuntimeException e) {
        Optional<RuntimeException> f = store.failure();
        if (f.isPresent()) {
            return f;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KafkaException) {
                return Optional.of((KafkaException) t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    // ================================================================ output

    /**
     * Writes the events of the last engine call: alerts, escalation events, every event (when an events topic is
     * set), and the summary of each incident they touched if it differs from the one last written. After a tick
     * ({@code tick}), every open incident's summary is checked the same way, so that changes no event announces
     * (mentions joining, figures re-assessed) reach the incidents topic within one tick; after an action, its
     * incident's.
     */
    private void emit(CrisisEngine engine, String brand, long now, boolean tick, IncidentId acted) {
        if (pending.isEmpty() && !tick && acted == null) {
            return;
        }
        List<FirebreakEvent> events = new ArrayList<>(pending);
        pending.clear();
        Map<IncidentId, List<String>> touched = new LinkedHashMap<>();
        for (FirebreakEvent e : events) {
            long at = Math.max(0, e.at().toEpochMilli());
            if (e instanceof FirebreakEvent.AlertRaised) {
                forward(brand, Out.Kind.ALERT, output.bytes(output.alert((FirebreakEvent.AlertRaised) e)), at);
            }
            if (OutputJson.isEscalation(e)) {
                forward(OutputJson.incident(e).map(IncidentId::value).orElse(brand), Out.Kind.ESCALATION,
                        output.bytes(output.event(e)), at);
            }
            if (settings.eventsTopic().isPresent()) {
                forward(brand, Out.Kind.EVENT, output.bytes(output.event(e)), at);
            }
            OutputJson.incident(e).ifPresent(id -> touched.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(OutputJson.type(e)));
            if (e instanceof FirebreakEvent.IncidentsMerged) {
                touched.computeIfAbsent(((FirebreakEvent.IncidentsMerged) e).absorbed(), k -> new ArrayList<>())
                        .add(OutputJson.type(e));
            }
        }
        if (acted != null) {
            touched.putIfAbsent(acted, List.of());
        }
        if (tick) {
            for (Incident i : engine.incidents(brand)) {
                if (i.state() != IncidentState.RESOLVED && i.state() != IncidentState.REVIEWED) {
                    touched.putIfAbsent(i.id(), List.of());
                }
            }
        }
        for (Map.Entry<IncidentId, List<String>> t : touched.entrySet()) {
            Optional<IncidentDetails> d = engine.details(t.getKey());
            if (d.isEmpty()) {
                continue;
            }
            ObjectNode summary = output.incident(t.getKey(), d.get(), List.of());
            long fingerprint = fingerprint(output.bytes(summary));
            String id = t.getKey().value();
            OptionalLong last = store.emitted(brand, id);
            if (last.isPresent() && last.getAsLong() == fingerprint) {
                continue;
            }
            store.emitted(brand, id, fingerprint);
            ArrayNode changes = summary.putArray("changes");
            t.getValue().forEach(changes::add);
            forward(id, Out.Kind.INCIDENT, output.bytes(summary), now);
        }
        if (tick && now % GC_EVERY == 0) {
            for (String id : store.emittedIncidents(brand)) {
                Optional<Incident> held = engine.incident(new IncidentId(id));
                if (held.isEmpty() || !held.get().id().value().equals(id)) {
                    store.forgetEmitted(brand, id); // dropped after its retention, or merged into another
                }
            }
        }
    }

    /** FNV-1a, 64 bits: a summary's fingerprint. */
    static long fingerprint(byte[] b) {
        long h = 0xcbf29ce484222325L;
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private void forward(String key, Out.Kind kind, byte[] value, long timestamp) {
        context.forward(new Record<>(key, new Out(kind, value), Math.max(0, timestamp)));
    }

    private byte[] describe(BrandChange in) {
        if (in instanceof BrandChange.Ingest) {
            return json.writeMention(((BrandChange.Ingest) in).mention()).getBytes(StandardCharsets.UTF_8);
        }
        BrandChange.Action a = (BrandChange.Action) in;
        StringBuilder sb = new StringBuilder();
        sb.append("{\"incident\":").append(quote(a.incident().value())).append(",\"action\":")
                .append(quote(a.kind().name().toLowerCase(java.util.Locale.ROOT))).append(",\"by\":").append(quote(a.by()));
        a.step().ifPresent(s -> sb.append(",\"step\":").append(quote(s.jsonName())));
        a.atFault().ifPresent(f -> sb.append(",\"atFault\":").append(f));
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String quote(String s) {
        return json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(s));
    }

    private void dead(String brand, String stage, String reason, Optional<OutputJson.Source> source, byte[] value,
            long timestamp) {
        log.warn("Dead letter ({}) for brand {}: {}", stage, brand, reason);
        byte[] v = output.bytes(output.deadLetter(reason, stage, source, Optional.ofNullable(brand), null, value,
                settings.deadLetterMaxValueBytes()));
        forward(brand, Out.Kind.DEAD_LETTER, v, timestamp);
    }
}
