package dev.firebreak.engine;

import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/** One watched brand inside an engine: its config, its state, its lock and its event outbox. */
final class BrandRuntime {
    final Brand brand;
    final BrandProcessor processor;
    final BrandState state;
    final List<PublishingControl> controls;
    /**
     * Guards {@link #state} ({@code synchronized}, reentrant). Never held while listeners or publishing controls
     * run. It is this runtime itself, whose header shares a cache line with the fields every mention reads: a
     * {@code ReentrantLock} and its synchronizer were two more cold cache lines per mention (EngineCpuTime).
     */
    final Object lock = this;
    /** Events in the order they happened, waiting to be published. */
    final ConcurrentLinkedQueue<FirebreakEvent> outbox = new ConcurrentLinkedQueue<>();
    /** Held by the thread delivering this brand's events, so they arrive in order. */
    final ReentrantLock publishing = new ReentrantLock();
    /** Serialises calls to the brand's publishing controls. */
    final ReentrantLock controlling = new ReentrantLock();

    /**
     * The engine's ingest counters ({@link EngineStats}) for the mentions addressed to this brand alone (by its
     * brand field or its own account), changed and read under {@link #lock}: per brand and plain, where shared
     * {@code LongAdder}s were two contended writes per mention. The engine adds them up on reading.
     */
    long ingested;
    long taken;
    long updated;
    long duplicates;

    /** The match of a mention addressed to this brand (by its brand field or its author). */
    final List<BrandMatcher.Match> direct;
    /** What {@code ingest} returns for a mention only this brand took (immutable, shared). */
    private final IngestResult resultNew;
    private final IngestResult resultUpdated;
    private final IngestResult resultDuplicate;
    /**
     * Hashes of the brand's own accounts ({@code 31 * platform name hash + account hash}), to rule out most
     * authors without reading the brand's account sets.
     */
    private final int[] ownedHashes;
    /** The first two of {@link #ownedHashes} (most brands have one or two accounts), read without the array. */
    private final int ownedCount;
    private final int ownedHash0;
    private final int ownedHash1;

    BrandRuntime(Brand brand, BrandProcessor processor, BrandState state, List<PublishingControl> controls) {
        this.brand = brand;
        this.processor = processor;
        this.state = state;
        this.controls = List.copyOf(controls);
        this.direct = List.of(new BrandMatcher.Match(this, false));
        List<String> name = List.of(brand.name());
        this.resultNew = new IngestResult(IngestResult.Status.NEW, name, Optional.empty());
        this.resultUpdated = new IngestResult(IngestResult.Status.UPDATED, name, Optional.empty());
        this.resultDuplicate = new IngestResult(IngestResult.Status.DUPLICATE, name, Optional.empty());
        int n = 0;
        for (Set<String> accounts : brand.ownedAccounts().values()) {
            n += accounts.size();
        }
        int[] hashes = new int[n];
        int i = 0;
        for (Map.Entry<Platform, Set<String>> e : brand.ownedAccounts().entrySet()) {
            for (String account : e.getValue()) {
                hashes[i++] = 31 * e.getKey().name().hashCode() + account.hashCode();
            }
        }
        this.ownedHashes = hashes;
        this.ownedCount = n;
        this.ownedHash0 = n > 0 ? hashes[0] : 0;
        this.ownedHash1 = n > 1 ? hashes[1] : 0;
    }

    /** Counts one mention addressed to this brand: its outcome, or null if it failed. Under {@link #lock}. */
    void tally(IngestResult.Status status) {
        ingested++;
        if (status == IngestResult.Status.NEW) {
            taken++;
        } else if (status == IngestResult.Status.UPDATED) {
            updated++;
        } else if (status != null) {
            duplicates++;
        }
    }

    /** The result of a mention only this brand took. */
    IngestResult result(IngestResult.Status status) {
        switch (status) {
            case NEW:
                return resultNew;
            case UPDATED:
                return resultUpdated;
            case DUPLICATE:
                return resultDuplicate;
            default:
                return new IngestResult(status, List.of(brand.name()), Optional.empty());
        }
    }

    /**
     * {@code s.toLowerCase(Locale.ROOT).hashCode()}, in one pass and without a lower-cased copy when the text is
     * ASCII (a handle or an id nearly always is).
     */
    static int lowerHash(String s) {
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.toLowerCase(Locale.ROOT).hashCode();
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return h;
    }

    /** {@link Brand#ownsAuthor}, ruling out by hash first. */
    boolean ownsAuthor(Platform platform, Author author) {
        int count = ownedCount;
        if (count == 0) {
            return false;
        }
        int p = 31 * platform.name().hashCode();
        String handle = author.handle();
        String id = author.id();
        boolean byHandle = !handle.isEmpty();
        boolean byId = !id.isEmpty();
        int h = byHandle ? p + lowerHash(handle) : 0;
        int d = byId ? p + lowerHash(id) : 0;
        if (count <= 2) {
            if (byHandle && (ownedHash0 == h || count == 2 && ownedHash1 == h)
                    || byId && (ownedHash0 == d || count == 2 && ownedHash1 == d)) {
                return brand.ownsAuthor(platform, author);
            }
            return false;
        }
        for (int x : ownedHashes) {
            if (byHandle && x == h || byId && x == d) {
                return brand.ownsAuthor(platform, author);
            }
        }
        return false;
    }
}
