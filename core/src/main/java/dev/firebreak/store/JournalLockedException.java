package dev.firebreak.store;

import java.nio.file.Path;

/** Another engine (in this process or another) holds the journal directory: two writers would corrupt it. */
public final class JournalLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    JournalLockedException(Path directory) {
        super("journal directory " + directory + " is locked: another engine holds it (lock file "
                + directory.resolve(JournalStore.LOCK_FILE) + "); stop that engine, or give this one another directory");
        this.directory = directory;
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }
}
