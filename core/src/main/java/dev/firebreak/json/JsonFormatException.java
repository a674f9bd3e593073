package dev.firebreak.json;

/**
 * JSON that cannot be read as the expected Firebreak type: bad syntax, a missing required field, a
 * wrong type or a value out of range. The message names the field and what was wrong, and never
 * repeats more than a short excerpt of the input.
 */
public final class JsonFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error with a specific message. */
    public JsonFormatException(String message) {
        super(message);
    }

    /** An error with a specific message and its cause. */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
