package dev.firebreak.examples.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.spi.MappedPayload;
import dev.firebreak.spi.PayloadException;
import dev.firebreak.spi.PayloadMapper;
import dev.firebreak.spi.RejectedItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ingest <platform>}: reads a saved platform payload (one JSON document, pretty-printed or
 * not, or a file of stream lines) and writes the mentions it holds as Mention JSON lines.
 */
final class IngestCommand implements Command {

    private final Map<String, Supplier<PayloadMapper>> mappers;
    private final FirebreakJson json = FirebreakJson.create();
    private final ObjectMapper plain = new ObjectMapper();

    /** An ingest command for the given platforms, by name. */
    IngestCommand(Map<String, Supplier<PayloadMapper>> mappers) {
        this.mappers = new LinkedHashMap<>(Objects.requireNonNull(mappers, "mappers"));
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "turn saved platform payloads (" + String.join(", ", mappers.keySet()) + ") into Mention JSON lines";
    }

    @Override
    public String help() {
        return "usage: firebreak ingest " + String.join("|", mappers.keySet()) + " [--in F] [--out F] [--rejects F]\n"
                + "\n"
                + "Reads a saved payload of the platform: any API response or webhook body the adapter\n"
                + "understands, as one JSON document, or a file of stream lines (one JSON object per line).\n"
                + "Writes the mentions it holds as Mention JSON lines.\n"
                + "\n"
                + "  --in F        input file (default: standard input)\n"
                + "  --out F       output file (default: standard output)\n"
                + "  --rejects F   also write rejected items or lines there\n"
                + "\n"
                + "Items that cannot be read are reported on standard error and skipped. An API error body\n"
                + "is reported with the platform's error code and message, exit code 1.\n";
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "out", "rejects");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        if (args.positional().isEmpty()) {
            throw new UsageException("name one platform: " + String.join(", ", mappers.keySet()));
        }
        if (args.positional().size() > 1) {
            throw new UsageException("unexpected argument '" + args.positional().get(1) + "'");
        }
        String platform = args.positional().get(0);
        Supplier<PayloadMapper> supplier = mappers.get(platform);
        if (supplier == null) {
            throw new UsageException("unknown platform '" + platform + "', expected one of "
                    + String.join(", ", mappers.keySet()));
        }
        PayloadMapper mapper = supplier.get();
        String input;
        try (BufferedReader in = Streams.reader(args.path("in"), io)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            input = sb.toString();
        }
        long written = 0;
        long rejected = 0;
        try (Writer out = Streams.writer(args.path("out"), io);
                Writer rejects = args.path("rejects").isPresent() ? Streams.writer(args.path("rejects"), io) : null) {
            if (isSingleDocument(input) || !hasACompleteObjectLine(input)) {
                // one document, or one that is broken (cut off, say): read as a whole, so that a broken
                // pretty-printed page is one error rather than one per line
                MappedPayload r = mapper.map(input.getBytes(StandardCharsets.UTF_8));
                written += write(r, out);
                rejected += report(r, rejects, io, "");
            } else {
                String[] lines = input.split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].isBlank()) {
                        continue; // keep-alive
                    }
                    try {
                        MappedPayload r = mapper.map(lines[i].getBytes(StandardCharsets.UTF_8));
                        written += write(r, out);
                        rejected += report(r, rejects, io, "line " + (i + 1) + ": ");
                    } catch (PayloadException e) {
                        if (e.errorCode().isPresent()) {
                            throw e;
                        }
                        rejected++;
                        io.err().println("line " + (i + 1) + ": " + e.getMessage());
                        if (rejects != null) {
                            Streams.writeLine(rejects, lines[i]);
                        }
                    }
                }
            }
        } catch (PayloadException e) {
            io.err().println("firebreak ingest: error: " + e.getMessage()
                    + e.errorCode().map(c -> " (error code " + c + ")").orElse(""));
            return Main.FAILURE;
        }
        if (written == 0 && rejected > 0) {
            io.err().println("error: none of the " + rejected + " items could be read");
            return Main.FAILURE;
        }
        return Main.OK;
    }

    private long write(MappedPayload r, Writer out) {
        for (Mention m : r.mentions()) {
            Streams.writeLine(out, json.writeMention(m));
        }
        return r.mentions().size();
    }

    private static long report(MappedPayload r, Writer rejects, CliIO io, String prefix) {
        for (RejectedItem item : r.rejected()) {
            io.err().println(prefix + item.location() + ": " + item.reason());
            if (rejects != null) {
                Streams.writeLine(rejects, item.raw());
            }
        }
        return r.rejected().size();
    }

    /**
     * Whether some line is a JSON object of its own, as the lines of a stream file are (the first may be
     * cut off where a capture started). A cut-off pretty-printed document has none.
     */
    private boolean hasACompleteObjectLine(String input) {
        for (String line : input.split("\r?\n")) {
            String l = line.strip();
            if (l.startsWith("{") && l.endsWith("}")) {
                try (JsonParser p = plain.getFactory().createParser(l)) {
                    if (plain.readTree(p) != null && p.nextToken() == null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not this one
                }
            }
        }
        return false;
    }

    /** Whether the input is exactly one JSON value (possibly spread over many lines). */
    private boolean isSingleDocument(String input) {
        try (JsonParser p = plain.getFactory().createParser(input)) {
            JsonNode first = plain.readTree(p);
            if (first == null) {
                return false;
            }
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

}
