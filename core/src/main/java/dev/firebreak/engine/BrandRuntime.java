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
    /** Guards {@link #state}. Never held while listeners or publishing controls run. */
    final ReentrantLock lock = new ReentrantLock();
    /** Events in the order they happened, waiting to be published. */
    final ConcurrentLinkedQueue<FirebreakEvent> outbox = new ConcurrentLinkedQueue<>();
    /** Held by the thread delivering this brand's events, so they arrive in order. */
    final ReentrantLock publishing = new ReentrantLock();
    /** Serialises calls to the brand's publishing controls. */
    final ReentrantLock controlling = new ReentrantLock();

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

    /** {@link Brand#ownsAuthor}, ruling out by hash first. */
    boolean ownsAuthor(Platform platform, Author author) {
        int[] hashes = ownedHashes;
        if (hashes.length == 0) {
            return false;
        }
        int p = 31 * platform.name().hashCode();
        String handle = author.handle();
        String id = author.id();
        int h = handle.isEmpty() ? 0 : p + handle.toLowerCase(Locale.ROOT).hashCode();
        int d = id.isEmpty() ? 0 : p + id.toLowerCase(Locale.ROOT).hashCode();
        for (int x : hashes) {
            if (!handle.isEmpty() && x == h || !id.isEmpty() && x == d) {
                return brand.ownsAuthor(platform, author);
            }
        }
        return false;
    }
}
