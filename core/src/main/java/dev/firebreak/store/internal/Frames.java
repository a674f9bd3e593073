package dev.firebreak.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The framing of every journal and snapshot record:
 *
 * <pre>
 * offset  size  field
 *      0     4  payload length, big-endian
 *      4     4  CRC32C of bytes 8 .. 18+length (type, version, lsn, payload)
 *      8     1  record type
 *      9     1  record version
 *     10     8  log sequence number (lsn)
 *     18     n  payload (UTF-8 JSON)
 * </pre>
 *
 * A record is valid only if its header is plausible (known type and version, a length within the
 * limit and the file) and its checksum matches: a torn or damaged record is never mistaken for data.
 */
public final class Frames {

    /** Header bytes before the payload. */
    public static final int HEADER = 18;
    /** A change of one brand. */
    public static final byte CHANGE = 1;
    /** A snapshot's first record. */
    public static final byte SNAPSHOT_HEADER = 10;
    /** One brand in a snapshot. */
    public static final byte SNAPSHOT_BRAND = 11;
    /** A snapshot's last record: without it the snapshot is incomplete. */
    public static final byte SNAPSHOT_END = 12;
    /** The record version this code writes and reads. */
    public static final byte VERSION = 1;

    private Frames() {
    }

    /** Whether a type byte is one this code knows. */
    public static boolean knownType(byte type) {
        return type == CHANGE || type == SNAPSHOT_HEADER || type == SNAPSHOT_BRAND || type == SNAPSHOT_END;
    }

    /** One framed record, ready to write. */
    public static ByteBuffer encode(byte type, long lsn, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(payload.length);
        b.putInt(0);
        b.put(type);
        b.put(VERSION);
        b.putLong(lsn);
        b.put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 8, HEADER - 8 + payload.length);
        b.putInt(4, (int) crc.getValue());
        b.flip();
        return b;
    }

    /** A record read back. */
    public record Frame(long offset, byte type, long lsn, byte[] payload) {
        /** Its size on disk. */
        public long size() {
            return HEADER + (long) payload.length;
        }
    }

    /**
     * Reads the record at {@code offset}, or returns null if there is no valid one there (torn, damaged or
     * implausible).
     */
    public static Frame read(FileChannel ch, long offset, long end, int maxRecord) throws IOException {
        if (end - offset < HEADER) {
            return null;
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(ch, h, offset);
        h.flip();
        int len = h.getInt();
        int crc = h.getInt();
        byte type = h.get();
        byte version = h.get();
        long lsn = h.getLong();
        if (len < 0 || len > maxRecord || len > end - offset - HEADER || !knownType(type) || version != VERSION
                || lsn < 0) {
            return null;
        }
        ByteBuffer p = ByteBuffer.allocate(len);
        readFully(ch, p, offset + HEADER);
        CRC32C c = new CRC32C();
        c.update(h.array(), 8, HEADER - 8);
        c.update(p.array(), 0, len);
        if ((int) c.getValue() != crc) {
            return null;
        }
        return new Frame(offset, type, lsn, p.array());
    }

    /**
     * Looks for any valid record starting after {@code from}: the difference between a torn tail (none)
     * and damage in the middle (some). Reads the rest of the file into memory; used only on recovery after
     * a bad record.
     */
    public static long findValidAfter(FileChannel ch, long from, long end, int maxRecord) throws IOException {
        long n = end - from;
        if (n <= HEADER || n > Integer.MAX_VALUE) {
            return n > Integer.MAX_VALUE ? scanChannel(ch, from, end, maxRecord) : -1;
        }
        ByteBuffer all = ByteBuffer.allocate((int) n);
        readFully(ch, all, from);
        byte[] a = all.array();
        for (int i = 1; i + HEADER <= a.length; i++) {
            byte type = a[i + 8];
            if (!knownType(type) || a[i + 9] != VERSION) {
                continue;
            }
            int len = ByteBuffer.wrap(a, i, 4).getInt();
            if (len < 0 || len > maxRecord || len > a.length - i - HEADER) {
                continue;
            }
            int crc = ByteBuffer.wrap(a, i + 4, 4).getInt();
            CRC32C c = new CRC32C();
            c.update(a, i + 8, HEADER - 8 + len);
            if ((int) c.getValue() == crc) {
                return from + i;
            }
        }
        return -1;
    }

    private static long scanChannel(FileChannel ch, long from, long end, int maxRecord) throws IOException {
        for (long o = from + 1; o + HEADER <= end; o++) {
            if (read(ch, o, end, maxRecord) != null) {
                return o;
            }
        }
        return -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new IOException("unexpected end of file at " + (pos + b.position()));
            }
        }
    }

    /** Writes all of {@code b} at the channel's position. */
    public static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
