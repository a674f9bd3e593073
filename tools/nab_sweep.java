import dev.firebreak.detect.AdaptiveDetector;
import dev.firebreak.detect.DetectorConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs AdaptiveDetector over every CSV of the NAB corpus in one JVM, with the default settings changed
 * by {@code name=value} arguments (DetectorConfig.Builder setters, e.g. seasonalBinsPerDay=16,
 * repeatHalfLife=47, seasonalWarmUp=PT12H), and writes timestamp,value,anomaly_score files for the
 * NAB scorer. Used by tools/nab_sweep.sh; run from the repository root after building core:
 *   java -cp core/target/classes tools/nab_sweep.java DATA_DIR OUT_DIR [name=value ...]
 */
public class NabSweep {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: nab_sweep.java DATA_DIR OUT_DIR [name=value ...]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        DetectorConfig.Builder b = DetectorConfig.defaults().toBuilder();
        for (int i = 2; i < args.length; i++) {
            set(b, args[i]);
        }
        DetectorConfig config = b.build();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            Path target = out.resolve(data.relativize(f).toString());
            Files.createDirectories(target.getParent());
            score(config, f, target);
        }
    }

    private static void set(DetectorConfig.Builder b, String assignment) throws Exception {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected name=value, was " + assignment);
        }
        String name = assignment.substring(0, eq);
        String value = assignment.substring(eq + 1);
        for (Method m : DetectorConfig.Builder.class.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> t = m.getParameterTypes()[0];
            Object v = t == int.class ? Integer.valueOf(value)
                    : t == long.class ? Long.valueOf(value)
                    : t == double.class ? Double.valueOf(value)
                    : t == boolean.class ? Boolean.valueOf(value)
                    : t == Duration.class ? Duration.parse(value)
                    : null;
            if (v == null) {
                throw new IllegalArgumentException(name + " takes a " + t.getSimpleName());
            }
            m.invoke(b, v);
            return;
        }
        throw new IllegalArgumentException("DetectorConfig.Builder has no setter " + name);
    }

    private static void score(DetectorConfig config, Path in, Path out) throws IOException {
        AdaptiveDetector detector = config.newDetector();
        List<String> lines = Files.readAllLines(in);
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("timestamp,value,anomaly_score\n");
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split(",");
                double s = detector.observe(LocalDateTime.parse(cols[0].strip(), TIME).toInstant(ZoneOffset.UTC),
                        Double.parseDouble(cols[1]));
                w.write(cols[0] + "," + cols[1] + "," + s + "\n");
            }
        }
    }
}
