package dev.firebreak.examples.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The standard streams a command uses, so that tests can run commands in-process.
 *
 * @param in standard input
 * @param out standard output: results only, never progress
 * @param err standard error: bad lines, warnings, progress
 */
public record CliIO(InputStream in, PrintStream out, PrintStream err) {

    public CliIO {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The process's streams, with UTF-8 output. */
    public static CliIO system() {
        return new CliIO(System.in, new PrintStream(System.out, false, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }
}
