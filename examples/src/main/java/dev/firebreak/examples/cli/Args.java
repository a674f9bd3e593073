package dev.firebreak.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value} options (repeatable), {@code --flag} flags and
 * positional arguments. Options are checked against what the command declares, so a typo is a usage
 * error, not silently ignored.
 */
final class Args {

    private final Map<String, List<String>> options;
    private final Set<String> flags;
    private final List<String> positional;

    private Args(Map<String, List<String>> options, Set<String> flags, List<String> positional) {
        this.options = options;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * Parses arguments.
     *
     * @param args the raw arguments after the command name
     * @param valued the options that take a value, without {@code --}
     * @param flagNames the options that take no value, without {@code --}
     * @throws UsageException for an unknown option or a missing value
     */
    static Args parse(List<String> args, Set<String> valued, Set<String> flagNames) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flagNames.contains(name)) {
                    if (inline != null) {
                        throw new UsageException("option --" + name + " takes no value");
                    }
                    flags.add(name);
                } else if (valued.contains(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
        return new Args(options, flags, positional);
    }

    /** The last value of an option, if given. */
    Optional<String> value(String name) {
        List<String> v = options.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** All values of a repeatable option, in order. */
    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** The value of a required option. */
    String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("missing required option --" + name));
    }

    /** An option's value as a path, if given. */
    Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    /** An option's value as an int in a range, or the default. */
    int intValue(String name, int defaultValue, int min, int max) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v.get() + "'");
        }
    }

    /** Whether a flag was given. */
    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The positional arguments. */
    List<String> positional() {
        return positional;
    }

    /**
     * Checks that no positional argument was given, for the commands that take options only.
     *
     * @throws UsageException naming the first positional argument
     */
    void requireNoPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
    }

    /** The options that name a file a command writes. */
    private static final List<String> OUTPUTS = List.of("out", "rejects", "report", "html");

    /**
     * Checks that no output file is the {@code --in} file (writing it would truncate the input before it
     * is read) and that no two outputs are the same file (they would overwrite each other).
     *
     * @throws UsageException naming the option
     */
    void requireOutputsDistinctFromInput() throws UsageException {
        Map<Path, String> seen = new LinkedHashMap<>();
        Optional<String> in = value("in");
        if (in.isPresent()) {
            seen.put(Path.of(in.get()).toAbsolutePath().normalize(), "in");
        }
        for (String name : OUTPUTS) {
            Optional<String> v = value(name);
            if (v.isEmpty()) {
                continue;
            }
            Path out = Path.of(v.get()).toAbsolutePath().normalize();
            for (Map.Entry<Path, String> e : seen.entrySet()) {
                if (sameFile(out, e.getKey())) {
                    throw new UsageException("--" + name + " " + v.get() + (e.getValue().equals("in")
                            ? " is the input file: writing it would destroy the input; choose another file"
                            : " is also the --" + e.getValue() + " file; choose another file"));
                }
            }
            seen.put(out, name);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
