package dev.firebreak.examples.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import dev.firebreak.spi.PayloadMapper;

/**
 * The {@code firebreak} command line: {@code java -jar examples/target/firebreak.jar <command> [options]}.
 * The contract (formats, exit codes, bad lines) is CLI.md; every command has {@code --help}.
 */
public final class Main {

    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for a failure while running. */
    static final int FAILURE = 1;
    /** Exit code for bad usage. */
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        CliIO io = CliIO.system();
        int code = run(args, io);
        io.out().flush();
        io.err().flush();
        System.exit(code);
    }

    /** Runs a command with the given streams and returns its exit code; never calls {@code System.exit}. */
    public static int run(String[] args, CliIO io) {
        Map<String, Command> commands = commands();
        if (args.length == 0) {
            io.err().println("firebreak: name a command");
            io.err().print(overview(commands));
            return USAGE;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            io.out().print(overview(commands));
            io.out().flush();
            return OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            io.err().println("firebreak: unknown command '" + args[0] + "'");
            io.err().print(overview(commands));
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            io.out().print(command.help());
            io.out().flush();
            return OK;
        }
        try {
            Args parsed = Args.parse(rest, command.options(), command.flags());
            parsed.requireOutputsDistinctFromInput();
            int code = command.run(parsed, io);
            io.out().flush();
            if (io.out().checkError()) {
                // a PrintStream swallows write errors: a full disk or a closed pipe must not look like success
                io.err().println("firebreak " + command.name() + ": error: cannot write to standard output");
                return FAILURE;
            }
            return code;
        } catch (UsageException e) {
            io.err().println("firebreak " + command.name() + ": " + e.getMessage());
            io.err().println("Run 'firebreak " + command.name() + " --help' for usage.");
            return USAGE;
        } catch (Exception | OutOfMemoryError e) {
            io.out().flush();
            io.err().println("firebreak " + command.name() + ": error: " + message(e));
            return FAILURE;
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The commands, in the order the overview lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                // commands are registered here, one line each, in the order of CLI.md
                new ClassifyCommand(),
                new EvaluateCommand(),
                new TrainCommand("builtin", dev.firebreak.classify.BuiltInClassifier::create, true),
                new DetectCommand(),
                new ReplayCommand(),
                new IngestCommand(ingestPlatforms()),
                new CheckPostCommand(),
                new CheckReplyCommand()
        )) {
            m.put(c.name(), c);
        }
        return m;
    }

    /** The platforms {@code ingest} understands, by name. */
    static Map<String, Supplier<PayloadMapper>> ingestPlatforms() {
        Map<String, Supplier<PayloadMapper>> m = new LinkedHashMap<>();

        m.put("twitter", dev.firebreak.twitter.TwitterMapper::new);

        m.put("facebook", dev.firebreak.facebook.FacebookMapper::create);

        return m;
    }

    private static String overview(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: java -jar firebreak.jar <command> [options]\n\ncommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        }
        sb.append("\nRun 'firebreak <command> --help' for a command's options.\n");
        return sb.toString();
    }
}
