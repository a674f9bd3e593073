package dev.firebreak.classify;

import java.util.Objects;

/**
 * A lexicon file that cannot be read: names the file (or source), the line and what is wrong with it.
 * The message reads {@code acme.txt:12: weight must be a number in [0, 5], was 'high'}.
 */
public final class LexiconFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source the file name or source name given to the builder
     * @param line the 1-based line number, or 0 when the problem is not on one line
     * @param problem what is wrong
     */
    public LexiconFormatException(String source, int line, String problem) {
        super(Objects.requireNonNull(source, "source") + (line > 0 ? ":" + line : "") + ": "
                + Objects.requireNonNull(problem, "problem"));
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
