package dev.firebreak.streams.internal;

import dev.firebreak.engine.BrandState;
import dev.firebreak.engine.BrandStateCodec;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.IncidentStore;
import dev.firebreak.store.StoreContext;
import dev.firebreak.store.StoreException;
import dev.firebreak.store.StoredBrand;
import dev.firebreak.store.internal.ChangeCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's {@link IncidentStore} on a task's three Kafka Streams key-value stores: the journal's design
 * (inputs plus periodic snapshots) on changelogged state.
 *
 * <ul>
 *   <li><b>heads</b> ({@code brand -> head}): per brand, the sequence numbers of the changes held, which
 *       snapshot covers the older ones, its chunk count, the bytes since it, the last tick boundary and the last
 *       change's time; plus {@code #time}, the task's engine time when the wall clock moved it past every
 *       change, and {@code brand#incident}, a fingerprint of
 *       the incident summary last written (so that a summary is written when it changes, and only then). A
 *       brand's head is written on every change: the commit point.</li>
 *   <li><b>changes</b> ({@code brand/seq -> change}): every committed {@link BrandChange} since the snapshot,
 *       in the journal's exact JSON (a few hundred bytes each).</li>
 *   <li><b>snapshots</b> ({@code brand/seq/chunk -> bytes}): the brand's whole state
 *       ({@link BrandStateCodec}, gzipped) covering the changes before {@code seq}, in chunks that each fit in
 *       one changelog record.</li>
 * </ul>
 *
 * A snapshot is taken inside {@link #save} once a brand holds {@code snapshotEveryChanges} changes or
 * {@code snapshotEveryBytes} bytes of them: new chunks first, then the head that points at them, then the old
 * chunks and the changes it covers are deleted, so the head never points at a half-written snapshot.
 * {@link #load} reads the snapshot and the changes after it; the engine re-applies them.
 *
 * <p>Every access to the key-value stores that throws is remembered ({@link #failure()}) and rethrown as is:
 * the caller hands it back to Kafka Streams. One instance per task, used by the task's thread only. It caches
 * the heads it has read: drop the cache ({@link #reset()}) whenever the processor cannot vouch for it.
 */
public final class StateStoreIncidentStore implements IncidentStore {

    /** The key of the task's engine time in the heads store; brand names cannot start with {@code #}. */
    public static final String TIME_KEY = "#time";

    private static final byte HEAD_VERSION = 1;
    private static final int HEAD_BYTES = 1 + 8 * 6 + 4;

    /** Where a brand's data stands. */
    public static final class Head {
        long next;
        long first;
        long snap = -1;
        int chunks;
        long bytes;
        long ticked = Long.MIN_VALUE;
        long lastAt = Long.MIN_VALUE;

        /** The last tick boundary the brand was ticked at (epoch ms), or {@link Long#MIN_VALUE}. */
        public long ticked() {
            return ticked;
        }

        /** The number of changes held after the snapshot. */
        public long changes() {
            return next - first;
        }

        /** Whether a snapshot holds the brand's older changes. */
        public boolean hasSnapshot() {
            return snap >= 0;
        }

        Head copy() {
            Head h = new Head();
            h.next = next;
            h.first = first;
            h.snap = snap;
            h.chunks = chunks;
            h.bytes = bytes;
            h.ticked = ticked;
            h.lastAt = lastAt;
            return h;
        }

        byte[] encode() {
            return ByteBuffer.allocate(HEAD_BYTES).put(HEAD_VERSION).putLong(next).putLong(first).putLong(snap)
                    .putInt(chunks).putLong(bytes).putLong(ticked).putLong(lastAt).array();
        }

        static Head decode(String brand, byte[] b) {
            if (b.length != HEAD_BYTES || b[0] != HEAD_VERSION) {
                throw new StoreException("the head of brand '" + brand + "' has " + b.length + " bytes of version "
                        + (b.length > 0 ? b[0] : -1) + "; this version reads " + HEAD_BYTES + " bytes of version "
                        + HEAD_VERSION);
            }
            ByteBuffer bb = ByteBuffer.wrap(b, 1, HEAD_BYTES - 1);
            Head h = new Head();
            h.next = bb.getLong();
            h.first = bb.getLong();
            h.snap = bb.getLong();
            h.chunks = bb.getInt();
            h.bytes = bb.getLong();
            h.ticked = bb.getLong();
            h.lastAt = bb.getLong();
            return h;
        }
    }

    private final KeyValueStore<String, byte[]> heads;
    private final KeyValueStore<String, byte[]> changes;
    private final KeyValueStore<String, byte[]> snapshots;
    private final long tickMillis;
    private final int snapshotEveryChanges;
    private final long snapshotEveryBytes;
    private final int chunkBytes;
    private final ChangeCodec codec = new ChangeCodec();
    private final BrandStateCodec stateCodec = BrandStateCodec.create();
    private final FirebreakJson json = FirebreakJson.create();
    private final Map<String, Head> cache = new HashMap<>();
    private RuntimeException failure;
    private long snapshotsTaken;

    /**
     * A store over these key-value stores.
     *
     * @param tickMillis the tick interval: a brand's first change counts the boundary at or before it as ticked
     */
    public StateStoreIncidentStore(KeyValueStore<String, byte[]> heads, KeyValueStore<String, byte[]> changes,
            KeyValueStore<String, byte[]> snapshots, long tickMillis, int snapshotEveryChanges,
            long snapshotEveryBytes, int chunkBytes) {
        this.heads = Objects.requireNonNull(heads, "heads");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.tickMillis = tickMillis;
        this.snapshotEveryChanges = snapshotEveryChanges;
        this.snapshotEveryBytes = snapshotEveryBytes;
        this.chunkBytes = chunkBytes;
    }

    // ---------------------------------------------------------------- keys

    static String changeKey(String brand, long seq) {
        StringBuilder sb = new StringBuilder(brand.length() + 17).append(brand).append('/');
        return hex(sb, seq, 16).toString();
    }

    static String chunkKey(String brand, long snap, int chunk) {
        StringBuilder sb = new StringBuilder(brand.length() + 26).append(brand).append('/');
        return hex(hex(sb, snap, 16).append('/'), chunk, 8).toString();
    }

    /** Appends {@code v} as {@code digits} lower-case hex digits, zero-padded: keys sort in sequence order. */
    private static StringBuilder hex(StringBuilder sb, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) ((v >>> shift) & 0xf), 16));
        }
        return sb;
    }

    // ---------------------------------------------------------------- access with failure tracking

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private void put(KeyValueStore<String, byte[]> store, String key, byte[] value) {
        guarded(() -> {
            store.put(key, value);
            return null;
        });
    }

    private void delete(KeyValueStore<String, byte[]> store, String key) {
        guarded(() -> store.delete(key));
    }

    /** The failure of a key-value store seen since the last {@link #reset()}, if any. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Forgets the cached heads and any failure: the next call reads the stores again. */
    public void reset() {
        cache.clear();
        failure = null;
    }

    /** Forgets the cached head of one brand. */
    public void forget(String brand) {
        cache.remove(brand);
    }

    // ---------------------------------------------------------------- task-level data

    /** The brands the stores hold, in key order. */
    public List<String> brands() {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = heads.all()) {
                while (it.hasNext()) {
                    String k = it.next().key;
                    if (k.indexOf('#') < 0) {
                        out.add(k);
                    }
                }
            }
            return out;
        });
    }

    private static String emittedKey(String brand, String incident) {
        return brand + "#" + incident;
    }

    /** The fingerprint of the incident summary last written for an incident, if one was. */
    public OptionalLong emitted(String brand, String incident) {
        byte[] b = guarded(() -> heads.get(emittedKey(brand, incident)));
        return b == null || b.length != 8 ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(b).getLong());
    }

    /** Records the fingerprint of the incident summary just written. */
    public void emitted(String brand, String incident, long fingerprint) {
        put(heads, emittedKey(brand, incident), ByteBuffer.allocate(8).putLong(fingerprint).array());
    }

    /** The incidents of a brand with a recorded summary fingerprint. */
    public List<String> emittedIncidents(String brand) {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = heads.range(brand + "#", brand + "#\uffff")) {
                while (it.hasNext()) {
                    String k = it.next().key;
                    out.add(k.substring(brand.length() + 1));
                }
            }
            return out;
        });
    }

    /** Forgets the summary fingerprint of an incident the engine no longer holds. */
    public void forgetEmitted(String brand, String incident) {
        delete(heads, emittedKey(brand, incident));
    }

    /**
     * The task's engine time (epoch ms) as the stores know it: the time of the newest change of any of its brands
     * (every input is applied at the engine time), or the saved {@link #time(long)} if that is later (the engine
     * time moved with the wall clock); {@link Long#MIN_VALUE} for empty stores. Reads every head.
     */
    public long time() {
        return guarded(() -> {
            byte[] b = heads.get(TIME_KEY);
            long t = b == null || b.length != 8 ? Long.MIN_VALUE : ByteBuffer.wrap(b).getLong();
            try (KeyValueIterator<String, byte[]> it = heads.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    if (kv.key.indexOf('#') < 0) {
                        t = Math.max(t, Head.decode(kv.key, kv.value).lastAt);
                    }
                }
            }
            return t;
        });
    }

    /**
     * Saves an engine time that no change records: only needed when the engine time moves on without an input
     * (with the wall clock), since every change records the time it was applied at.
     */
    public void time(long millis) {
        put(heads, TIME_KEY, ByteBuffer.allocate(8).putLong(millis).array());
    }

    /** The head of a brand, if the stores hold it. */
    public Optional<Head> head(String brand) {
        Head h = cache.get(brand);
        if (h == null) {
            byte[] b = guarded(() -> heads.get(brand));
            if (b == null) {
                return Optional.empty();
            }
            h = Head.decode(brand, b);
            cache.put(brand, h);
        }
        return Optional.of(h);
    }

    /** Snapshots taken by this instance. */
    public long snapshotsTaken() {
        return snapshotsTaken;
    }

    // ---------------------------------------------------------------- the store SPI

    @Override
    public StoredBrand load(String brand, StoreContext context) {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(context, "context");
        Optional<Head> found = head(brand);
        if (found.isEmpty()) {
            return StoredBrand.empty();
        }
        Head h = found.get();
        Optional<BrandState> state = Optional.empty();
        if (h.snap >= 0) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < h.chunks; i++) {
                String key = chunkKey(brand, h.snap, i);
                byte[] chunk = guarded(() -> snapshots.get(key));
                if (chunk == null) {
                    throw new StoreException("the snapshot of brand '" + brand + "' is missing chunk " + i + " of "
                            + h.chunks + " (key " + key + "): the snapshot store does not match its head");
                }
                all.writeBytes(chunk);
            }
            try {
                state = Optional.of(context.decode(gunzip(all.toByteArray())));
            } catch (IOException | RuntimeException e) {
                throw new StoreException("the snapshot of brand '" + brand + "' at change " + h.snap
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        List<KeyValue<String, byte[]>> raw = new ArrayList<>((int) Math.min(h.next - h.first, 1 << 20));
        if (h.next > h.first) {
            guarded(() -> {
                try (KeyValueIterator<String, byte[]> it = changes.range(changeKey(brand, h.first),
                        changeKey(brand, h.next - 1))) {
                    while (it.hasNext()) {
                        raw.add(it.next());
                    }
                }
                return null;
            });
        }
        List<BrandChange> list = new ArrayList<>(raw.size());
        long expected = h.first;
        for (KeyValue<String, byte[]> kv : raw) {
            long seq = Long.parseUnsignedLong(kv.key.substring(kv.key.lastIndexOf('/') + 1), 16);
            if (seq != expected) {
                throw new StoreException("change " + expected + " of brand '" + brand + "' is missing (found " + seq
                        + " next): the change store does not match its head");
            }
            try {
                list.add(codec.read(json.parseObject(new String(kv.value, StandardCharsets.UTF_8))));
            } catch (RuntimeException e) {
                throw new StoreException("change " + seq + " of brand '" + brand + "' cannot be read: "
                        + e.getMessage(), e);
            }
            expected++;
        }
        if (expected != h.next) {
            throw new StoreException("changes " + expected + " to " + (h.next - 1) + " of brand '" + brand
                    + "' are missing: the change store does not match its head");
        }
        return new StoredBrand(state, list);
    }

    @Override
    public void save(BrandState state, BrandChange change) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(change, "change");
        String brand = state.brand();
        Head h = head(brand).orElse(null);
        long at = change.at().toEpochMilli();
        if (h == null) {
            h = new Head();
            h.ticked = Math.floorDiv(at, tickMillis) * tickMillis;
        }
        byte[] value = codec.write(codec.change(change)).getBytes(StandardCharsets.UTF_8);
        put(changes, changeKey(brand, h.next), value);
        Head next = h.copy();
        next.next++;
        next.bytes += value.length;
        next.lastAt = at;
        if (change instanceof BrandChange.Tick) {
            next.ticked = Math.max(next.ticked, at);
        }
        if (next.next - next.first >= snapshotEveryChanges || next.bytes >= snapshotEveryBytes) {
            snapshot(brand, state, next);
        } else {
            put(heads, brand, next.encode());
        }
        cache.put(brand, next);
    }

    private void snapshot(String brand, BrandState state, Head h) {
        byte[] gz;
        try {
            gz = gzip(stateCodec.encode(state));
        } catch (IOException e) {
            throw new StoreException("cannot compress the snapshot of brand '" + brand + "': " + e, e);
        }
        long snap = h.next;
        int n = Math.max(1, (gz.length + chunkBytes - 1) / chunkBytes);
        for (int i = 0; i < n; i++) {
            int from = i * chunkBytes;
            byte[] chunk = java.util.Arrays.copyOfRange(gz, from, Math.min(gz.length, from + chunkBytes));
            put(snapshots, chunkKey(brand, snap, i), chunk);
        }
        Head old = h.copy();
        h.snap = snap;
        h.first = snap;
        h.chunks = n;
        h.bytes = 0;
        put(heads, brand, h.encode()); // the commit point: from here on the new snapshot is the brand's base
        if (old.snap >= 0) {
            for (int i = 0; i < old.chunks; i++) {
                delete(snapshots, chunkKey(brand, old.snap, i));
            }
        }
        for (long seq = old.first; seq < old.next; seq++) {
            delete(changes, changeKey(brand, seq));
        }
        snapshotsTaken++;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 6));
        try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
