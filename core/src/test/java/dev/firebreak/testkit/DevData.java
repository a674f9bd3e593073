package dev.firebreak.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the development data sets of {@code ../shared/data} (see its README) as labelled mentions,
 * for tests and measurements. The data is read where it lies, never copied into the project.
 *
 * <p>Tests call {@link #require()} first: on a fresh clone without {@code ../shared} the test is
 * skipped with a message instead of failing.
 */
public final class DevData {

    private DevData() {
    }

    /**
     * The {@code shared/data} folder: the system property {@code firebreak.shared.data} if set, else a
     * {@code shared/data} folder next to the working directory or one of its two parents.
     */
    public static Optional<Path> root() {
        String prop = System.getProperty("firebreak.shared.data");
        if (prop != null) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The data folder, or skips the calling test (a JUnit assumption) when it is absent. */
    public static Path require() {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), "../shared/data is not here (a fresh clone): skipping a test on development data");
        return root.get();
    }

    /** The XLM-T languages in the data folder. */
    public static final List<String> XLMT_LANGUAGES = List.of("english", "french", "german", "italian",
            "portuguese", "spanish", "arabic", "hindi");

    /**
     * XLM-T tweets of one language and split, labels negative/neutral/positive.
     *
     * @param language a folder name such as {@code english}
     * @param split {@code train} or {@code val}
     */
    public static List<LabeledMention> xlmt(String language, String split) {
        Path dir = require().resolve("sentiment/xlmt").resolve(language);
        List<String> texts = lines(dir.resolve(split + "_text.txt"));
        List<String> labels = lines(dir.resolve(split + "_labels.txt"));
        if (texts.size() != labels.size()) {
            throw new IllegalStateException(dir + ": " + texts.size() + " texts but " + labels.size() + " labels");
        }
        String[] names = {"negative", "neutral", "positive"};
        List<LabeledMention> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabeledMention(mention("xlmt-" + language + "-" + split + "-" + i, texts.get(i)),
                    names[Integer.parseInt(labels.get(i).strip())]));
        }
        return out;
    }

    /** NoReC sentences (Norwegian Bokmål and Nynorsk), split {@code train} or {@code dev}. */
    public static List<LabeledMention> norec(String split) {
        Path file = require().resolve("sentiment/norec").resolve(split + ".json");
        try {
            JsonNode arr = new ObjectMapper().readTree(file.toFile());
            List<LabeledMention> out = new ArrayList<>(arr.size());
            for (JsonNode n : arr) {
                out.add(new LabeledMention(mention("norec-" + n.get("sent_id").asText(), n.get("text").asText()),
                        Task.POLARITY.normaliseLabel(n.get("label").asText())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ChnSentiCorp hotel reviews; label 1 positive, 0 negative. */
    public static List<LabeledMention> chnSentiCorp() {
        List<LabeledMention> out = new ArrayList<>();
        List<List<String>> rows = Csv.read(require().resolve("sentiment/chnsenticorp-hotel.csv"));
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() < 2) {
                continue;
            }
            out.add(new LabeledMention(mention("chn-" + i, r.get(1)), r.get(0).strip().equals("1") ? "positive"
                    : "negative"));
        }
        return out;
    }

    /** Complaint tweets of the ACL 2019 release; label true/false. */
    public static List<LabeledMention> complaints() {
        List<LabeledMention> out = new ArrayList<>();
        List<List<String>> rows = Csv.read(require().resolve("complaints/dev.csv"));
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            out.add(new LabeledMention(mention("complaint-" + r.get(0), r.get(1)),
                    Task.COMPLAINT.normaliseLabel(r.get(2))));
        }
        return out;
    }

    /** Every {@code step}-th element, starting at {@code offset}: a small, stable sample. */
    public static <T> List<T> sample(List<T> data, int step, int offset) {
        List<T> out = new ArrayList<>();
        for (int i = offset; i < data.size(); i += step) {
            out.add(data.get(i));
        }
        return out;
    }

    private static Mention mention(String id, String text) {
        return Mention.builder(Platform.of("devdata"), id).text(text).createdAt(Instant.parse("2024-01-01T00:00:00Z"))
                .build();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> read(Path file) {
            String s;
            try {
                s = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
