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
     * rather than stopping the run.
     */
    static BufferedReader reader(Optional<Path> file, CliIO io) throws IOException {
        InputStream in;
        if (file.isPresent()) {
            try {
                in = Files.newInputStream(file.get());
            } catch (NoSuchFileException e) {
                throw new IOException("input file not found: " + file.get());
            }
        } else {
            in = new NonClosingInputStream(io.in());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Reader r = new InputStreamReader(in, decoder);
        return new BufferedReader(r, 1 << 16);
    }

    /** A UTF-8 writer to the file, or to standard output when absent (not closed with the writer). */
    static Writer writer(Optional<Path> file, CliIO io) throws IOException {
        OutputStream out;
        if (file.isPresent()) {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newOutputStream(file.get());
        } else {
            out = new NonClosingOutputStream(io.out());
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
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
