package dev.firebreak.store;

/**
 * A store could not do what the engine asked (a disk full, an I/O error, a journal closed under it). The
 * engine call that needed the store throws it after the brand's lock is released; the in-memory state may
 * then be ahead of what the store holds, and a restart recovers what the store holds.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure. */
    public StoreException(String message) {
        super(message);
    }
}
