package dev.firebreak.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.testkit.DevData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the detector over the NAB development corpus when {@code ../shared/data} is present (skipped on
 * a fresh clone). The NAB score itself is measured with {@code tools/nab.sh}, not here.
 */
class NabDevDataTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void scoresEveryNabSeriesWithinZeroAndOne() throws IOException {
        Path data = DevData.require().resolve("nab-dev/data");
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 40, "expected the NAB files, found " + files.size());
        for (Path f : files) {
            AdaptiveDetector d = DetectorConfig.defaults().newDetector();
            List<String> lines = Files.readAllLines(f);
            for (int i = 1; i < lines.size(); i++) {
                String[] cols = lines.get(i).split(",");
                double s = d.observe(LocalDateTime.parse(cols[0], TIME).toInstant(ZoneOffset.UTC),
                        Double.parseDouble(cols[1]));
                assertTrue(s >= 0 && s <= 1, f + " line " + (i + 1) + ": score " + s);
            }
        }
    }

    @Test
    void seesTheKnownLevelShiftOfAnEc2Series() throws IOException {
        // realAWSCloudwatch/ec2_cpu_utilization_ac20cd: CPU jumps from about 35% to 100% on 2014-04-14 23:44
        Path f = DevData.require().resolve("nab-dev/data/realAWSCloudwatch/ec2_cpu_utilization_ac20cd.csv");
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        double before = 0;
        double at = 0;
        List<String> lines = Files.readAllLines(f);
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split(",");
            LocalDateTime t = LocalDateTime.parse(cols[0], TIME);
            double s = d.observe(t.toInstant(ZoneOffset.UTC), Double.parseDouble(cols[1]));
            if (t.isAfter(LocalDateTime.parse("2014-04-06T00:00")) && t.isBefore(LocalDateTime.parse("2014-04-14T23:40"))) {
                before = Math.max(before, s);
            } else if (!t.isBefore(LocalDateTime.parse("2014-04-14T23:40")) && t.isBefore(LocalDateTime.parse("2014-04-15T01:00"))) {
                at = Math.max(at, s);
            }
        }
        assertTrue(at > 0.9, "the jump scored " + at);
        assertTrue(at > before, "the jump scored " + at + ", the eight days before up to " + before);
    }
}
