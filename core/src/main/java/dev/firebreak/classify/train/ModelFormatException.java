package dev.firebreak.classify.train;

import java.io.IOException;

/**
 * A model file that cannot be used: not a Firebreak model, truncated, corrupt (checksum mismatch),
 * written by a newer Firebreak, or holding values out of range. The message names the problem.
 */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the problem. */
    public ModelFormatException(String message) {
        super(message);
    }
}
