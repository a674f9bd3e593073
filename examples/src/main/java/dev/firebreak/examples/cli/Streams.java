package dev.firebreak.examples.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Opening {@code --in} / {@code --out} files or the standard streams, always UTF-8. */
final class Streams {

    private Streams() {
    }

    /**
     * A UTF-8 reader of the file, or of standard input when absent. Malformed bytes become U+FFFD
     * rather than stopping the run, and closing the reader says on standard error on which lines that
     * happened; a byte order mark at the start is skipped.
     *
     * @throws IOException naming the file and what is wrong with it (not found, a directory, not readable)
     */
    static BufferedReader reader(Optional<Path> file, CliIO io) throws IOException {
        InputStream in;
        if (file.isPresent()) {
            Path f = file.get();
            try {
                if (Files.isDirectory(f)) {
                    throw new IOException("cannot read " + f + ": it is a directory");
                }
                in = Files.newInputStream(f);
            } catch (NoSuchFileException e) {
                throw new IOException("input file not found: " + f);
            } catch (FileSystemException e) {
                throw new IOException("cannot read " + f + ": " + reason(e));
            }
        } else {
            in = new NonClosingInputStream(io.in());
        }
        in = new Utf8Check(in, io);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Reader r = new InputStreamReader(in, decoder);
        BufferedReader br = new BufferedReader(r, 1 << 16);
        br.mark(1);
        if (br.read() != BOM) {
            br.reset();
        }
        return br;
    }

    private static final int BOM = '\uFEFF';

    /**
     * A UTF-8 writer to the file (its directory created if missing), or to standard output when absent
     * (not closed with the writer).
     *
     * @throws IOException naming the file and why it cannot be written
     */
    static Writer writer(Optional<Path> file, CliIO io) throws IOException {
        OutputStream out;
        if (file.isPresent()) {
            Path f = file.get();
            try {
                if (Files.isDirectory(f)) {
                    throw new IOException("cannot write " + f + ": it is a directory");
                }
                Path parent = f.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newOutputStream(f);
            } catch (FileSystemException e) {
                throw new IOException("cannot write " + f + ": " + reason(e));
            }
        } else {
            out = new NonClosingOutputStream(io.out());
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Fails now, before a long run, if the file could not be written when the run ends: it is a directory,
     * a file stands where a directory of its path should be, or its directory cannot be written. Creates and
     * changes nothing.
     *
     * @throws IOException naming the file and why it cannot be written, as {@link #writer} would
     */
    static void checkWritable(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get().toAbsolutePath();
        if (Files.isDirectory(f)) {
            throw new IOException("cannot write " + file.get() + ": it is a directory");
        }
        if (Files.exists(f)) {
            if (!Files.isWritable(f)) {
                throw new IOException("cannot write " + file.get() + ": permission denied");
            }
            return;
        }
        Path dir = f.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file.get() + ": " + dir + " exists and is not a directory");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new IOException("cannot write " + file.get() + ": permission denied");
        }
    }

    /** Why a file operation failed, in words: "permission denied", "not a directory", ... */
    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " exists and is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getFile();
        }
        String r = e.getReason();
        if (r == null || r.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return r.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + r.substring(1);
    }

    /** Writes one line, turning an I/O error into an unchecked one for use in lambdas. */
    static void writeLine(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Watches the bytes for invalid UTF-8 (the decoder turns it into U+FFFD silently) and, when closed,
     * reports the lines where it found some.
     */
    private static final class Utf8Check extends java.io.FilterInputStream {
        private static final int SHOWN = 10;
        private final CliIO io;
        private final java.util.List<Long> lines = new java.util.ArrayList<>();
        private long badLines;
        private long line = 1;
        private long lastBadLine;
        private int pending;

        Utf8Check(InputStream in, CliIO io) {
            super(in);
            this.io = io;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                check(buf[off + i] & 0xFF);
            }
            return n;
        }

        private void check(int b) {
            boolean bad = false;
            if (pending > 0) {
                if ((b & 0xC0) == 0x80) {
                    pending--;
                    return;
                }
                bad = true; // a sequence cut short; b starts afresh below
                pending = 0;
            }
            if (b == '\n') {
                line++;
            } else if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
            } else if (b >= 0x80) {
                bad = true;
            }
            if (bad && lastBadLine != line) {
                lastBadLine = line;
                badLines++;
                if (lines.size() < SHOWN) {
                    lines.add(line);
                }
            }
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (badLines > 0) {
                io.err().println("warning: invalid UTF-8 replaced by U+FFFD on " + badLines + " line"
                        + (badLines == 1 ? "" : "s") + " (" + (badLines > SHOWN ? "first: " : "") + "line"
                        + (lines.size() == 1 ? " " : "s ") + lines.toString().replaceAll("[\\[\\]]", "") + ")");
                badLines = 0;
            }
        }
    }

    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(PrintStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
