package dev.firebreak.engine;

import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.spi.PublishingControl;
import java.util.List;
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
    /** What the checks need beyond the state (recent hashtags, reply texts); guarded by {@link #lock}. */
    final CheckMemory checks = new CheckMemory();

    BrandRuntime(Brand brand, BrandProcessor processor, BrandState state, List<PublishingControl> controls) {
        this.brand = brand;
        this.processor = processor;
        this.state = state;
        this.controls = List.copyOf(controls);
    }
}
