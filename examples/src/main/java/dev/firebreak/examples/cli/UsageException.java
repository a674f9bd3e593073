package dev.firebreak.examples.cli;

/** Bad usage of a command: unknown option, missing value, bad value. Exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
