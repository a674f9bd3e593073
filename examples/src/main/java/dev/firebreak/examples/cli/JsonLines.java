package dev.firebreak.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads JSON lines the way every command does (see CLI.md): a line that cannot be read is reported
 * on standard error as {@code line N: <what is wrong>} and skipped, optionally copied raw to the
 * {@code --rejects} file, and the run goes on. Blank lines are skipped silently. Progress goes to
 * standard error when the input takes more than a few seconds.
 */
final class JsonLines {

    /** What to do with one line; throws {@link IllegalArgumentException} (with a clear message) to reject it. */
    @FunctionalInterface
    interface LineHandler {
        void handle(String line, long lineNumber) throws IOException;
    }

    /**
     * Counts of one run.
     *
     * @param processed lines handled successfully
     * @param rejected lines reported and skipped
     */
    record Result(long processed, long rejected) {
        /** The exit code CLI.md asks for: 0 if a line was processed or the input was empty, else 1. */
        int exitCode() {
            return processed > 0 || rejected == 0 ? 0 : 1;
        }
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    private JsonLines() {
    }

    /** Reads every line of {@code in} and hands it to {@code handler}, reporting bad lines. */
    static Result forEach(BufferedReader in, Optional<Path> rejectsFile, CliIO io, LineHandler handler)
            throws IOException {
        long processed = 0;
        long rejected = 0;
        long lineNumber = 0;
        long start = System.nanoTime();
        long lastProgress = start;
        Writer rejects = rejectsFile.isPresent() ? Streams.writer(rejectsFile, io) : null;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    handler.handle(line, lineNumber);
                    processed++;
                } catch (IllegalArgumentException e) {
                    rejected++;
                    io.err().println("line " + lineNumber + ": " + e.getMessage());
                    if (rejects != null) {
                        Streams.writeLine(rejects, line);
                    }
                }
                if ((lineNumber & 1023) == 0) {
                    long now = System.nanoTime();
                    if (now - lastProgress > PROGRESS_EVERY.toNanos()) {
                        io.err().println("... " + lineNumber + " lines read (" + processed + " processed, " + rejected
                                + " rejected)");
                        lastProgress = now;
                    }
                }
            }
        } finally {
            if (rejects != null) {
                rejects.close();
            }
        }
        if (rejected > 0 && processed == 0) {
            io.err().println("error: none of the " + rejected + " lines could be read");
        }
        return new Result(processed, rejected);
    }
}
