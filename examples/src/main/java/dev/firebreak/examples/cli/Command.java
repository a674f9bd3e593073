package dev.firebreak.examples.cli;

/** One {@code firebreak} sub-command. */
interface Command {

    /** The name typed on the command line, for example {@code classify}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text: usage line, options, what it writes. */
    String help();

    /** The options that take a value, without {@code --}: {@code in}, {@code out}, ... */
    java.util.Set<String> options();

    /** The options that take no value, without {@code --}. */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0 success, 1 failure while running
     * @throws UsageException for bad usage (exit code 2)
     * @throws Exception for a failure while running (exit code 1, the message is printed)
     */
    int run(Args args, CliIO io) throws Exception;
}
