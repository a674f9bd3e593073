package dev.firebreak.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process with the given standard input and captures its output. */
record CliRun(int code, String out, String err) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CliRun run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = new CliIO(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(args, io);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output as JSON objects, one per line. */
    List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        for (String l : this.out.split("\n")) {
            if (!l.isBlank()) {
                try {
                    out.add(MAPPER.readTree(l));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** The rule ids of one output line's findings. */
    static List<String> rules(JsonNode line) {
        List<String> out = new ArrayList<>();
        line.get("findings").forEach(f -> out.add(f.get("rule").textValue()));
        return out;
    }
}
