package dev.firebreak.store;

import java.nio.file.Path;

/**
 * A journal holds a damaged record that is not its torn tail: a bad checksum or an impossible header
 * with intact records after it, a missing segment, or a broken snapshot. Recovery stops rather than drop
 * the records after the damage silently; the message names the file and the offset. To accept the loss,
 * move the named file (and every later segment) aside and open the journal again: it recovers what comes
 * before.
 */
public final class JournalCorruptedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    JournalCorruptedException(Path file, long offset, String what) {
        super("journal file " + file + " is corrupt at offset " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** The byte offset of the damage in it. */
    public long offset() {
        return offset;
    }
}
