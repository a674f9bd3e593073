package dev.firebreak.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.BrandState;
import dev.firebreak.engine.BrandStateCodec;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.store.internal.ChangeCodec;
import dev.firebreak.store.internal.Frames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link IncidentStore}: an append-only journal of {@link BrandChange}s in a directory on the
 * local file system, with snapshots; no server needed.
 *
 * <pre>{@code
 * try (JournalStore journal = JournalStore.open(Path.of("/var/lib/firebreak"), JournalConfig.defaults())) {
 *     CrisisEngine engine = CrisisEngine.builder().store(journal)...build(); // recovers, if there is anything
 *     ...
 * }
 * }</pre>
 *
 * <h2>What it stores, and why changes rather than states</h2>
 * Each record is one committed change of one brand (a mention with its classification, a tick, a
 * person's action, a publishing control's outcome) with the engine time it was applied at: a few hundred
 * bytes, where a brand's whole state (dedup memory, detector baselines, incidents) can be megabytes. The
 * engine's per-brand logic is deterministic, so recovery re-applies the changes after the last snapshot,
 * in order, on the snapshot's states and rebuilds exactly the state the engine had: incidents, states,
 * severities, deadlines and escalation levels, dedup memory, detector baselines, alert gates, plans and
 * done steps, audit trails. A deadline that passed while the engine was down fires on the first tick
 * after the restart. Re-applying needs the same engine configuration (brands, settings, policies,
 * playbook): changed settings apply from the changes after the snapshot on.
 *
 * <h2>Files</h2>
 * {@code journal-<lsn>.fbj} segments (a new one every {@link JournalConfig#segmentBytes()}), named for
 * the sequence number of their first record; {@code snapshot-<lsn>.fbs}, every brand's state
 * ({@link BrandStateCodec}) covering the records before {@code lsn}; {@code firebreak.lock}. Every record
 * is framed with its length, a CRC32C checksum, a type, a version and its sequence number. Snapshots of
 * format 2 hold each brand's state as a JSON object inside its record; those of format 1 (earlier versions)
 * held it as a JSON string and are still read; a snapshot of a newer format is refused with an error that
 * says so.
 *
 * <h2>Crashes and damage</h2>
 * An incomplete or damaged record at the very end of the last segment (a write torn by a crash) is
 * reported with a warning and cut off: recovery yields the state after the last complete record, never a
 * half-applied one. A damaged record with intact records after it, a gap in the sequence numbers or a
 * broken snapshot is not a torn write: {@link #open} throws {@link JournalCorruptedException} naming the
 * file and offset rather than silently drop the records after it. What a machine crash can lose depends
 * on the {@link FsyncPolicy}; a process crash loses nothing acknowledged under any policy.
 *
 * <h2>Snapshots and compaction</h2>
 * On the first engine tick after {@link JournalConfig#snapshotEveryRecords()} records (or
 * {@link JournalConfig#snapshotEveryBytes()} bytes), the journal starts a new segment, writes every
 * brand's state (each under its brand's lock, the others keep working) to a temporary file, fsyncs it,
 * renames it into place and fsyncs the directory; then it deletes the older segments and snapshot. Restart
 * time is bounded by one snapshot plus at most that many records.
 *
 * <h2>One writer</h2>
 * {@link #open} takes an exclusive lock on {@code firebreak.lock}; a second journal on the same directory,
 * in this process or another, fails at once with {@link JournalLockedException}. A journal serves one
 * engine: {@link #close()} it (which fsyncs and releases the lock) when the engine is done.
 *
 * <p>Thread-safe. After an I/O error it refuses further writes ({@link StoreException}): reopen to recover.
 */
public final class JournalStore implements IncidentStore, AutoCloseable {

    /** The name of the lock file in the directory. */
    public static final String LOCK_FILE = "firebreak.lock";

    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);
    private static final String SEGMENT_PREFIX = "journal-";
    private static final String SEGMENT_SUFFIX = ".fbj";
    private static final String SNAPSHOT_PREFIX = "snapshot-";
    private static final String SNAPSHOT_SUFFIX = ".fbs";
    private static final String TMP_SUFFIX = ".tmp";
    /**
     * The snapshot format: 2 writes each watched brand's state as a JSON object inside its record (1 wrote it
     * as a JSON string, escaped: read as well).
     */
    private static final int SNAPSHOT_VERSION = 2;

    /** What recovery found for one brand, until the engine loads it. */
    private static final class Pending {
        String state;
        long after;
        final List<BrandChange> changes = new ArrayList<>();
        BrandChange last;
    }

    private final Path dir;
    private final JournalConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ChangeCodec codec = new ChangeCodec();
    private final BrandStateCodec stateCodec = BrandStateCodec.create();
    private final FirebreakJson json = FirebreakJson.create();
    /** Reads snapshot records, whose brand states are single strings beyond FirebreakJson's limit. */
    private final ObjectMapper snapshotJson;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();
    private final Map<String, BrandChange> lastChanges = new ConcurrentHashMap<>();
    private final JournalRecovery recovery;

    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private final ReentrantLock snapshotLock = new ReentrantLock();
    private final List<Path> segments = new ArrayList<>();
    private volatile FileChannel segment;
    private long segmentSize;
    private volatile long nextLsn;
    private volatile long syncedLsn;
    private volatile long lastForceMillis;
    private long recordsSinceSnapshot;
    private long bytesSinceSnapshot;
    private volatile StoreException failed;
    private volatile boolean closed;

    private JournalStore(Path dir, JournalConfig config, FileChannel lockChannel, FileLock lock) throws IOException {
        this.dir = dir;
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.snapshotJson = JsonMapper.builder().build();
        this.snapshotJson.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Math.max(FirebreakJson.MAX_STRING_LENGTH, config.maxRecordBytes()))
                .maxNestingDepth(64)
                .build());
        this.recovery = recover();
        this.lastForceMillis = config.clock().millis();
    }

    /** Opens (or creates) a journal with the default config. */
    public static JournalStore open(Path dir) {
        return open(dir, JournalConfig.defaults());
    }

    /**
     * Opens (or creates) the journal in {@code dir}: takes the directory's lock, reads the newest snapshot
     * and the records after it, cuts off a torn tail (with a warning). The engine built on it then
     * recovers each brand.
     *
     * @throws JournalLockedException if another journal holds the directory
     * @throws JournalCorruptedException if a record other than the torn tail is damaged or missing
     * @throws StoreException on an I/O error
     */
    public static JournalStore open(Path dir, JournalConfig config) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(config, "config");
        Path d = dir.toAbsolutePath().normalize();
        FileChannel ch = null;
        try {
            Files.createDirectories(d);
            ch = FileChannel.open(d.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                throw new JournalLockedException(d);
            }
            try {
                return new JournalStore(d, config, ch, l);
            } catch (RuntimeException | IOException e) {
                l.release();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StoreException("cannot open the journal in " + d + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    // ================================================================ recovery

    private JournalRecovery recover() throws IOException {
        List<Path> snapshots = new ArrayList<>();
        TreeMap<Long, Path> segs = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(TMP_SUFFIX)) {
                    Files.deleteIfExists(p); // a snapshot that never completed
                } else if (n.startsWith(SNAPSHOT_PREFIX) && n.endsWith(SNAPSHOT_SUFFIX)) {
                    snapshots.add(p);
                } else if (n.startsWith(SEGMENT_PREFIX) && n.endsWith(SEGMENT_SUFFIX)) {
                    segs.put(lsnOf(p, SEGMENT_PREFIX, SEGMENT_SUFFIX), p);
                }
            }
        }
        snapshots.sort((a, b) -> Long.compare(lsnOf(a, SNAPSHOT_PREFIX, SNAPSHOT_SUFFIX),
                lsnOf(b, SNAPSHOT_PREFIX, SNAPSHOT_SUFFIX)));
        Long snapshotLsn = null;
        if (!snapshots.isEmpty()) {
            Path newest = snapshots.get(snapshots.size() - 1);
            snapshotLsn = readSnapshot(newest);
            for (Path old : snapshots.subList(0, snapshots.size() - 1)) {
                Files.deleteIfExists(old); // compaction interrupted by a crash
            }
        }
        long start = snapshotLsn == null ? 0 : snapshotLsn;
        // segments wholly before the snapshot are left over from an interrupted compaction
        List<Long> bases = new ArrayList<>(segs.keySet());
        for (int i = 0; i + 1 < bases.size(); i++) {
            if (bases.get(i + 1) <= start) {
                Files.deleteIfExists(segs.remove(bases.get(i)));
            }
        }
        long expected = segs.isEmpty() ? start : segs.firstKey();
        if (expected > start) {
            throw new JournalCorruptedException(segs.firstEntry().getValue(), 0, "the records before sequence number "
                    + expected + " are missing (the snapshot covers up to " + start + ")");
        }
        long records = 0;
        long truncated = 0;
        Path last = segs.isEmpty() ? null : segs.lastEntry().getValue();
        for (Map.Entry<Long, Path> e : segs.entrySet()) {
            Path p = e.getValue();
            if (e.getKey() != expected) {
                throw new JournalCorruptedException(p, 0, "expected its first record to be number " + expected
                        + ", the file name says " + e.getKey() + ": records are missing");
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                long pos = 0;
                while (pos < size) {
                    Frames.Frame f = Frames.read(ch, pos, size, config.maxRecordBytes());
                    if (f == null) {
                        String what = describeBad(ch, pos, size);
                        long valid = p.equals(last) ? Frames.findValidAfter(ch, pos, size, config.maxRecordBytes()) : 0;
                        if (valid >= 0) {
                            throw new JournalCorruptedException(p, pos, what + (p.equals(last)
                                    ? ", and a valid record follows at offset " + valid
                                    : ", in a segment that is not the last") + "; refusing to drop the records after it");
                        }
                        log.warn("Journal {}: {} at offset {} is a torn tail ({} bytes, left by a crash): cut off; "
                                + "recovering the {} records before it", p, what, pos, size - pos, expected);
                        ch.truncate(pos);
                        ch.force(true);
                        truncated += size - pos;
                        break;
                    }
                    if (f.type() != Frames.CHANGE) {
                        throw new JournalCorruptedException(p, pos, "a record of type " + f.type() + " in a segment");
                    }
                    if (f.lsn() != expected) {
                        throw new JournalCorruptedException(p, pos, "record number " + f.lsn() + " where " + expected
                                + " was expected");
                    }
                    if (f.lsn() >= start) {
                        accept(p, f);
                        records++;
                    }
                    expected++;
                    pos += f.size();
                }
            }
        }
        if (expected < start) {
            throw new JournalCorruptedException(last == null ? dir : last, 0, "the journal ends at record " + expected
                    + " but the snapshot covers up to " + start);
        }
        nextLsn = expected;
        syncedLsn = expected;
        if (segs.isEmpty()) {
            openSegment(expected);
        } else {
            segments.addAll(segs.values());
            FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE);
            ch.position(ch.size());
            segment = ch;
            segmentSize = ch.size();
        }
        List<String> brands = new ArrayList<>(pending.keySet());
        brands.sort(null);
        JournalRecovery r = new JournalRecovery(Optional.ofNullable(snapshotLsn), records, brands, truncated, expected);
        if (!r.isFresh()) {
            log.info("Journal {}: {} brands, snapshot {}, {} records after it{}", dir, brands.size(),
                    snapshotLsn == null ? "none" : "at " + snapshotLsn, records,
                    truncated > 0 ? ", torn tail of " + truncated + " bytes cut off" : "");
        }
        return r;
    }

    private static String describeBad(FileChannel ch, long pos, long size) throws IOException {
        if (size - pos < Frames.HEADER) {
            return "an incomplete record header (" + (size - pos) + " bytes)";
        }
        ByteBuffer h = ByteBuffer.allocate(Frames.HEADER);
        while (h.hasRemaining()) {
            if (ch.read(h, pos + h.position()) < 0) {
                break;
            }
        }
        h.flip();
        int len = h.getInt();
        if (len >= 0 && len <= size - pos - Frames.HEADER) {
            return "a record whose checksum or header does not match";
        }
        return "an incomplete record (its header says " + len + " bytes, " + (size - pos - Frames.HEADER)
                + " follow)";
    }

    private void accept(Path p, Frames.Frame f) {
        JsonNode n;
        BrandChange change;
        String brand;
        try {
            n = json.parseObject(new String(f.payload(), StandardCharsets.UTF_8));
            brand = codec.brand(n);
            change = codec.read(n.get("ch"));
        } catch (RuntimeException e) {
            throw new JournalCorruptedException(p, f.offset(), "record number " + f.lsn() + " has a valid checksum "
                    + "but cannot be read (" + e.getMessage() + "): written by an incompatible version?");
        }
        Pending b = pending.computeIfAbsent(brand, k -> new Pending());
        if (f.lsn() >= b.after) {
            b.changes.add(change);
            if (isInput(change)) {
                b.last = change;
            }
        }
    }

    private long readSnapshot(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            Long lsn = null;
            boolean end = false;
            while (pos < size && !end) {
                Frames.Frame f = Frames.read(ch, pos, size, config.maxRecordBytes());
                if (f == null) {
                    throw new JournalCorruptedException(p, pos, "a damaged snapshot record (" + describeBad(ch, pos, size)
                            + ")");
                }
                if (lsn == null && f.type() != Frames.SNAPSHOT_HEADER) {
                    throw new JournalCorruptedException(p, pos, "a snapshot must start with its header record");
                }
                if (f.type() == Frames.SNAPSHOT_BRAND) {
                    readSnapshotBrand(p, pos, f.payload());
                    pos += f.size();
                    continue;
                }
                JsonNode n;
                try {
                    n = json.parseObject(new String(f.payload(), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    throw new JournalCorruptedException(p, pos, "a snapshot record cannot be read: " + e.getMessage());
                }
                if (f.type() == Frames.SNAPSHOT_HEADER) {
                    int v = n.path("v").asInt(1);
                    if (v > SNAPSHOT_VERSION) {
                        throw new JournalCorruptedException(p, pos, "a snapshot of format version " + v
                                + ", newer than this version of Firebreak reads (" + SNAPSHOT_VERSION
                                + "): open the journal with the version that wrote it");
                    }
                    lsn = f.lsn();
                } else if (f.type() == Frames.SNAPSHOT_END) {
                    end = true;
                } else {
                    throw new JournalCorruptedException(p, pos, "a record of type " + f.type() + " in a snapshot");
                }
                pos += f.size();
            }
            if (!end) {
                throw new JournalCorruptedException(p, pos, "the snapshot has no end record: incomplete");
            }
            return lsn;
        }
    }

    /**
     * Reads one brand's snapshot record ({@code {"brand", "after", "state", "changes", "last"}}) with a streaming
     * parser: the state is one JSON string as long as the brand's whole encoded state (megabytes for a brand
     * with thousands of incidents), read without building a tree and bounded by the record size, not by
     * {@link FirebreakJson#MAX_STRING_LENGTH}.
     */
    private void readSnapshotBrand(Path p, long pos, byte[] payload) {
        String brand = null;
        Pending b = new Pending();
        try (JsonParser in = snapshotJson.getFactory().createParser(payload)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new JournalCorruptedException(p, pos, "a snapshot record cannot be read: expected a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken t = in.nextToken();
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "brand":
                        brand = in.getValueAsString();
                        break;
                    case "after":
                        b.after = in.getValueAsLong();
                        break;
                    case "state":
                        if (t == JsonToken.START_OBJECT) { // format 2: the state's own JSON, taken as it is
                            int start = (int) in.currentTokenLocation().getByteOffset();
                            in.skipChildren();
                            int end = (int) in.currentTokenLocation().getByteOffset() + 1;
                            b.state = new String(payload, start, end - start, StandardCharsets.UTF_8);
                        } else { // format 1: the state as a JSON string
                            b.state = in.getValueAsString();
                        }
                        break;
                    case "changes":
                        if (t == JsonToken.START_ARRAY) {
                            while (in.nextToken() != JsonToken.END_ARRAY) {
                                b.changes.add(codec.read(snapshotJson.readTree(in)));
                            }
                        } else {
                            in.skipChildren();
                        }
                        break;
                    case "last":
                        b.last = codec.read(snapshotJson.readTree(in));
                        break;
                    default:
                        in.skipChildren();
                        break;
                }
            }
        } catch (IOException e) {
            throw new JournalCorruptedException(p, pos, "a snapshot record cannot be read: " + e.getMessage());
        } catch (JournalCorruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalCorruptedException(p, pos, "a snapshot brand cannot be read: " + e.getMessage());
        }
        if (brand == null) {
            throw new JournalCorruptedException(p, pos, "a snapshot brand cannot be read: it names no brand");
        }
        pending.put(brand, b);
    }

    private static long lsnOf(Path p, String prefix, String suffix) {
        String n = p.getFileName().toString();
        try {
            return Long.parseLong(n.substring(prefix.length(), n.length() - suffix.length()));
        } catch (NumberFormatException e) {
            throw new JournalCorruptedException(p, 0, "not a journal file name");
        }
    }

    // ================================================================ the store

    /**
     * The state and changes recovered for a brand. A journal serves one engine: a brand is handed over
     * once.
     *
     * @throws IllegalStateException if the brand was already loaded
     */
    @Override
    public StoredBrand load(String brand, StoreContext context) {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(context, "context");
        if (loaded.putIfAbsent(brand, Boolean.TRUE) != null) {
            throw new IllegalStateException("brand '" + brand + "' was already loaded from the journal in " + dir
                    + ": a journal serves one engine (close it and open it again to build another)");
        }
        Pending p = pending.remove(brand);
        if (p == null) {
            return StoredBrand.empty();
        }
        if (p.last != null) {
            lastChanges.put(brand, p.last);
        }
        Optional<BrandState> state;
        try {
            state = p.state == null ? Optional.empty() : Optional.of(context.decode(p.state));
        } catch (RuntimeException e) {
            throw new StoreException("the snapshot state of brand '" + brand + "' in " + dir + " cannot be read: "
                    + e.getMessage(), e);
        }
        return new StoredBrand(state, p.changes);
    }

    @Override
    public void save(BrandState state, BrandChange change) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(change, "change");
        checkUsable();
        byte[] payload = codec.write(codec.toNode(state.brand(), change)).getBytes(StandardCharsets.UTF_8);
        if (payload.length > config.maxRecordBytes()) {
            throw new StoreException("a change of brand '" + state.brand() + "' takes " + payload.length
                    + " bytes, more than maxRecordBytes (" + config.maxRecordBytes() + ")");
        }
        synchronized (writeLock) {
            checkUsable();
            long lsn = nextLsn;
            ByteBuffer frame = Frames.encode(Frames.CHANGE, lsn, payload);
            int size = frame.remaining();
            try {
                Frames.writeFully(segment, frame);
            } catch (IOException e) {
                throw fail("cannot write to " + segments.get(segments.size() - 1), e);
            }
            nextLsn = lsn + 1;
            segmentSize += size;
            recordsSinceSnapshot++;
            bytesSinceSnapshot += size;
            if (isInput(change)) {
                lastChanges.put(state.brand(), change);
            }
            if (segmentSize >= config.segmentBytes()) {
                roll();
            }
        }
    }

    /** Fsyncs as the policy says: at once for every record, when the interval is due, never for never. */
    @Override
    public void sync() {
        switch (config.fsync().mode()) {
            case EVERY_RECORD:
                force();
                break;
            case INTERVAL:
                if (intervalDue()) {
                    force();
                }
                break;
            default:
                break;
        }
    }

    /** Fsyncs when the interval policy is due, and takes a snapshot when one is due. */
    @Override
    public void maintain(StoreContext context) {
        checkUsable();
        if (config.fsync().mode() == FsyncPolicy.Mode.INTERVAL && intervalDue()) {
            force();
        }
        boolean due;
        synchronized (writeLock) {
            due = recordsSinceSnapshot >= config.snapshotEveryRecords()
                    || bytesSinceSnapshot >= config.snapshotEveryBytes();
        }
        if (due) {
            snapshot(context);
        }
    }

    private boolean intervalDue() {
        return syncedLsn < nextLsn && config.clock().millis() - lastForceMillis
                >= config.fsync().interval().orElseThrow().toMillis();
    }

    /** Forces everything written so far to the disk now, whatever the policy. */
    public void flush() {
        checkUsable();
        force();
    }

    private void force() {
        long target = nextLsn;
        if (syncedLsn >= target) {
            return;
        }
        synchronized (syncLock) {
            if (syncedLsn >= target) {
                return; // another thread's fsync covered our records: group commit
            }
            try {
                segment.force(false);
            } catch (IOException e) {
                throw fail("cannot fsync " + dir, e);
            }
            syncedLsn = target;
            lastForceMillis = config.clock().millis();
        }
    }

    /** Whether a change comes from outside (a mention, a tick, a person), not from a publishing control. */
    private static boolean isInput(BrandChange c) {
        return !(c instanceof BrandChange.Paused) && !(c instanceof BrandChange.Resumed);
    }

    /**
     * The last input the journal holds for a brand (recovered, or saved since): the last mention, tick or
     * person's action, not a publishing control's answer. For a caller that must know where to resume its
     * input after a crash (as {@code firebreak replay --journal} does).
     */
    public Optional<BrandChange> lastInput(String brand) {
        Objects.requireNonNull(brand, "brand");
        BrandChange c = lastChanges.get(brand);
        if (c == null) {
            Pending p = pending.get(brand);
            c = p == null ? null : p.last;
        }
        return Optional.ofNullable(c);
    }

    /** What {@link #open} found. */
    public JournalRecovery recovery() {
        return recovery;
    }

    /** The journal's directory. */
    public Path directory() {
        return dir;
    }

    /**
     * The sequence number below which every record is known to be on the disk (fsynced). Under
     * {@link FsyncPolicy#everyRecord()} it equals {@link #nextLsn()} whenever no engine call is in flight.
     */
    public long durableLsn() {
        return syncedLsn;
    }

    /** The sequence number the next record gets: the number of records ever written. */
    public long nextLsn() {
        return nextLsn;
    }

    // ================================================================ segments and snapshots

    private void openSegment(long base) throws IOException {
        Path p = dir.resolve(SEGMENT_PREFIX + pad(base) + SEGMENT_SUFFIX);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        fsyncDir();
        segments.add(p);
        segment = ch;
        segmentSize = 0;
    }

    /** Starts a new segment (unless the current one is still empty); under the write lock. */
    private void roll() {
        if (segmentSize == 0) {
            return;
        }
        synchronized (syncLock) {
            FileChannel old = segment;
            try {
                old.force(false);
                syncedLsn = nextLsn;
                openSegment(nextLsn);
                old.close();
            } catch (IOException e) {
                throw fail("cannot start a new segment in " + dir, e);
            }
        }
    }

    private void snapshot(StoreContext context) {
        if (!snapshotLock.tryLock()) {
            return;
        }
        Path tmp = null;
        try {
            long start;
            List<Path> old;
            synchronized (writeLock) {
                checkUsable();
                roll();
                start = nextLsn;
                recordsSinceSnapshot = 0;
                bytesSinceSnapshot = 0;
                old = new ArrayList<>(segments.subList(0, segments.size() - 1));
            }
            tmp = dir.resolve(SNAPSHOT_PREFIX + pad(start) + SNAPSHOT_SUFFIX + TMP_SUFFIX);
            int brands = 0;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ObjectNode header = JsonNodeFactory.instance.objectNode().put("v", SNAPSHOT_VERSION).put("lsn", start);
                write(out, Frames.SNAPSHOT_HEADER, start, header);
                IOException[] error = new IOException[1];
                int[] count = new int[1];
                context.forEachState(state -> {
                    if (error[0] != null) {
                        return;
                    }
                    long after = nextLsn; // under the brand's lock: every change of it is before this
                    ObjectNode n = JsonNodeFactory.instance.objectNode();
                    n.put("brand", state.brand());
                    n.put("after", after);
                    n.putRawValue("state", new RawValue(stateCodec.encode(state))); // a JSON object, not a string
                    BrandChange last = lastChanges.get(state.brand());
                    if (last != null) {
                        n.set("last", codec.change(last));
                    }
                    try {
                        write(out, Frames.SNAPSHOT_BRAND, after, n);
                        count[0]++;
                    } catch (IOException e) {
                        error[0] = e;
                    }
                });
                if (error[0] != null) {
                    throw error[0];
                }
                brands = count[0];
                for (Map.Entry<String, Pending> e : pending.entrySet()) {
                    // brands in the journal that this engine does not watch: carried over untouched
                    Pending p = e.getValue();
                    ObjectNode n = JsonNodeFactory.instance.objectNode();
                    n.put("brand", e.getKey());
                    n.put("after", start);
                    if (p.state != null) {
                        n.put("state", p.state);
                    }
                    ArrayNode changes = n.putArray("changes");
                    p.changes.forEach(c -> changes.add(codec.change(c)));
                    if (p.last != null) {
                        n.set("last", codec.change(p.last));
                    }
                    write(out, Frames.SNAPSHOT_BRAND, start, n);
                    brands++;
                }
                write(out, Frames.SNAPSHOT_END, start, JsonNodeFactory.instance.objectNode().put("brands", brands));
                out.force(true);
            }
            Path target = dir.resolve(SNAPSHOT_PREFIX + pad(start) + SNAPSHOT_SUFFIX);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            fsyncDir();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, SNAPSHOT_PREFIX + "*" + SNAPSHOT_SUFFIX)) {
                for (Path p : ds) {
                    if (!p.equals(target)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
            synchronized (writeLock) {
                segments.removeAll(old);
            }
            fsyncDir();
            log.debug("Journal {}: snapshot of {} brands at record {}; {} old segments dropped", dir, brands, start,
                    old.size());
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot write a snapshot in " + dir + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.warn("Cannot delete the unfinished snapshot {}: {}", tmp, e.toString());
                }
            }
            snapshotLock.unlock();
        }
    }

    private void write(FileChannel out, byte type, long lsn, JsonNode node) throws IOException {
        byte[] payload = json.write(node).getBytes(StandardCharsets.UTF_8);
        if (payload.length > config.maxRecordBytes()) {
            throw new IOException("a snapshot record of " + payload.length + " bytes exceeds maxRecordBytes ("
                    + config.maxRecordBytes() + "): raise it in the JournalConfig");
        }
        Frames.writeFully(out, Frames.encode(type, lsn, payload));
    }

    private void fsyncDir() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems (and platforms) cannot open a directory: the rename is still atomic
            log.debug("Cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static String pad(long lsn) {
        return String.format(java.util.Locale.ROOT, "%020d", lsn);
    }

    private void checkUsable() {
        if (closed) {
            throw new StoreException("the journal in " + dir + " is closed");
        }
        StoreException f = failed;
        if (f != null) {
            throw new StoreException("the journal in " + dir + " failed earlier and takes no more writes (reopen it "
                    + "to recover): " + f.getMessage(), f);
        }
    }

    private StoreException fail(String what, IOException e) {
        StoreException x = new StoreException(what + ": " + e, e);
        failed = x;
        log.error("Journal {} failed; it takes no more writes: {}", dir, x.getMessage());
        return x;
    }

    /** Fsyncs what was written, closes the segment and releases the directory's lock. Idempotent. */
    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                synchronized (syncLock) {
                    if (failed == null) {
                        segment.force(false);
                    }
                    segment.close();
                }
            } catch (IOException e) {
                log.warn("Journal {}: the last fsync on close failed: {}", dir, e.toString());
            } finally {
                try {
                    lock.release();
                } catch (IOException e) {
                    log.warn("Journal {}: cannot release the lock: {}", dir, e.toString());
                }
                closeQuietly(lockChannel);
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    @Override
    public String toString() {
        return "JournalStore[" + dir + ", " + config.fsync() + ", next record " + nextLsn + "]";
    }
}
