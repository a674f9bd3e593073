package dev.firebreak.examples.cli;

import dev.firebreak.detect.AdaptiveDetector;
import dev.firebreak.detect.DetectorConfig;
import java.io.BufferedReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code detect}: scores a CSV time series {@code timestamp,value} with the engine's spike detector
 * ({@link AdaptiveDetector}, default settings) and writes {@code timestamp,value,anomaly_score}, row for
 * row, the timestamp and value exactly as they were read.
 */
final class DetectCommand implements Command {

    static final String HEADER = "timestamp,value";
    static final String OUT_HEADER = "timestamp,value,anomaly_score";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final DetectorConfig config;

    /** A detect command with the default detector settings. */
    DetectCommand() {
        this(DetectorConfig.defaults());
    }

    DetectCommand(DetectorConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public String summary() {
        return "score a CSV time series (timestamp,value) for spikes, online";
    }

    @Override
    public String help() {
        return "usage: firebreak detect [--in F] [--out F] [--rejects F]\n"
                + "\n"
                + "Reads a CSV time series with the header timestamp,value (timestamps YYYY-MM-DD HH:MM:SS, UTC,\n"
                + "one row per bucket, oldest first) and writes timestamp,value,anomaly_score with the same rows\n"
                + "in the same order. anomaly_score is in [0, 1] and computed online: a row's score uses only\n"
                + "that row and the rows before it. This is the detector the engine runs on mention volumes;\n"
                + "the first " + config.warmUp() + " rows only train it and score 0.\n"
                + "\n"
                + "  --in F        input file (default: standard input)\n"
                + "  --out F       output file (default: standard output)\n"
                + "  --rejects F   also write rejected rows there, as they were read\n"
                + "\n"
                + "A row that cannot be read is reported on standard error as 'line N: <what is wrong>' and\n"
                + "skipped; blank lines are ignored. Exit code 0 if at least one row was scored (or the file has\n"
                + "no rows), 1 if the header is wrong or no row could be read, 2 for bad usage.\n";
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "out", "rejects");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        AdaptiveDetector detector = config.newDetector();
        long scored = 0;
        long rejected = 0;
        try (BufferedReader in = Streams.reader(args.path("in"), io)) {
            String header = in.readLine();
            if (header == null) {
                io.err().println("firebreak detect: error: the input is empty; expected the header " + HEADER);
                return Main.FAILURE;
            }
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1);
            }
            if (!header.strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
                io.err().println("firebreak detect: error: line 1: expected the header " + HEADER + ", found '"
                        + abbreviate(header) + "'");
                return Main.FAILURE;
            }
            try (Writer out = Streams.writer(args.path("out"), io);
                    Writer rejects = args.path("rejects").isPresent() ? Streams.writer(args.path("rejects"), io)
                            : null) {
                Streams.writeLine(out, OUT_HEADER);
                long lineNo = 1;
                long started = System.nanoTime();
                long lastProgress = started;
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Row row;
                    try {
                        row = Row.parse(line);
                    } catch (IllegalArgumentException e) {
                        rejected++;
                        io.err().println("line " + lineNo + ": " + e.getMessage());
                        if (rejects != null) {
                            Streams.writeLine(rejects, line);
                        }
                        continue;
                    }
                    double score = detector.observe(row.time(), row.value());
                    Streams.writeLine(out, row.timestampText() + "," + row.valueText() + "," + format(score));
                    scored++;
                    if ((scored & 0xFFFF) == 0) {
                        long now = System.nanoTime();
                        if (now - lastProgress >= PROGRESS_NANOS) {
                            io.err().println("detect: " + scored + " rows scored");
                            lastProgress = now;
                        }
                    }
                }
            }
        }
        if (scored == 0 && rejected > 0) {
            io.err().println("firebreak detect: error: none of the " + rejected + " rows could be read");
            return Main.FAILURE;
        }
        return Main.OK;
    }

    /** A score as a plain decimal (no exponent), exact to the double's shortest representation. */
    static String format(double score) {
        if (score == 0) {
            return "0";
        }
        return BigDecimal.valueOf(score).toPlainString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** One data row: the text as read, and its parsed time and value. */
    record Row(String timestampText, String valueText, Instant time, double value) {

        /** Parses {@code timestamp,value}; throws with a message that says what is wrong. */
        static Row parse(String line) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("expected timestamp,value but found no comma");
            }
            if (line.indexOf(',', comma + 1) >= 0) {
                throw new IllegalArgumentException("expected 2 fields (timestamp,value) but found more");
            }
            String ts = line.substring(0, comma);
            String val = line.substring(comma + 1);
            Instant time;
            try {
                time = LocalDateTime.parse(ts.strip(), TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp '" + abbreviate(ts) + "' is not YYYY-MM-DD HH:MM:SS");
            }
            String v = val.strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("value is missing");
            }
            if (!NUMBER.matcher(v).matches()) {
                throw new IllegalArgumentException("value '" + abbreviate(val) + "' is not a decimal number");
            }
            double value = Double.parseDouble(v);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value '" + abbreviate(val) + "' is too large to be a finite number");
            }
            return new Row(ts, val, time, value);
        }
    }
}
