package dev.firebreak.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.detect.AdaptiveDetector;
import dev.firebreak.detect.DetectorConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");

    private record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "detect";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new CliIO(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String stamp(int i) {
        return START.plusSeconds(300L * i).toString().replace('T', ' ').replace("Z", "");
    }

    /** Counts per 5 minutes for 4 days with a burst on the last day. */
    private static String series(int n) {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < n; i++) {
            int v = i == n - 10 ? 60 : r.nextInt(4);
            sb.append(stamp(i)).append(',').append(v).append('\n');
        }
        return sb.toString();
    }

    @Test
    void writesTheSameRowsInTheSameOrderWithAScore() {
        String input = series(4 * 288);
        Result r = run(input);
        assertEquals(0, r.code(), r.err());
        List<String> in = input.lines().toList();
        List<String> out = r.lines();
        assertEquals("timestamp,value,anomaly_score", out.get(0));
        assertEquals(in.size(), out.size());
        AdaptiveDetector d = DetectorConfig.defaults().newDetector();
        for (int i = 1; i < in.size(); i++) {
            String[] cols = out.get(i).split(",");
            assertEquals(in.get(i), cols[0] + "," + cols[1]);
            double score = Double.parseDouble(cols[2]);
            assertTrue(score >= 0 && score <= 1, out.get(i));
            assertEquals(d.observe(START.plusSeconds(300L * (i - 1)), Double.parseDouble(cols[1])), score, 0.0);
        }
        double burst = Double.parseDouble(out.get(in.size() - 10).split(",")[2]);
        assertTrue(burst > 0.9, "burst scored " + burst);
    }

    @Test
    void scoresAreOnlineAPrefixScoresTheSame() {
        List<String> full = run(series(600)).lines();
        List<String> prefix = run(series(600).lines().limit(401).reduce("", (a, b) -> a + b + "\n")).lines();
        assertEquals(full.subList(0, prefix.size()), prefix);
    }

    @Test
    void keepsTheValueTextAsWritten() {
        Result r = run("timestamp,value\n2024-01-01 00:00:00,1.50\n2024-01-01 00:05:00,2e3\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lines().get(1).startsWith("2024-01-01 00:00:00,1.50,"), r.out());
        assertTrue(r.lines().get(2).startsWith("2024-01-01 00:05:00,2e3,"), r.out());
    }

    @Test
    void reportsAndSkipsRowsItCannotReadAndCopiesThemToRejects(@TempDir Path dir) throws Exception {
        String input = "timestamp,value\n"
                + "2024-01-01 00:00:00,1\n"
                + "2024-01-01 00:05:00,abc\n"
                + "2024-01-01T00:10:00,3\n"
                + "2024-01-01 00:15:00,NaN\n"
                + "2024-01-01 00:20:00\n"
                + "2024-01-01 00:25:00,1,2\n"
                + "2024-01-01 00:30:00,\n"
                + "2024-13-01 00:35:00,4\n"
                + "\n"
                + "2024-01-01 00:40:00,5\n";
        Path rejects = dir.resolve("rejects.csv");
        Result r = run(input, "--rejects", rejects.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.lines().size(), r.out());
        String err = r.err();
        assertTrue(err.contains("line 3: value 'abc' is not a decimal number"), err);
        assertTrue(err.contains("line 4: timestamp '2024-01-01T00:10:00' is not YYYY-MM-DD HH:MM:SS"), err);
        assertTrue(err.contains("line 5: value 'NaN' is not a decimal number"), err);
        assertTrue(err.contains("line 6: expected timestamp,value but found no comma"), err);
        assertTrue(err.contains("line 7: expected 2 fields"), err);
        assertTrue(err.contains("line 8: value is missing"), err);
        assertTrue(err.contains("line 9: timestamp '2024-13-01 00:35:00'"), err);
        assertEquals(List.of("2024-01-01 00:05:00,abc", "2024-01-01T00:10:00,3", "2024-01-01 00:15:00,NaN",
                "2024-01-01 00:20:00", "2024-01-01 00:25:00,1,2", "2024-01-01 00:30:00,", "2024-13-01 00:35:00,4"),
                Files.readAllLines(rejects));
    }

    @Test
    void failsWhenNoRowCanBeRead() {
        Result r = run("timestamp,value\nx,1\ny,2\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("none of the 2 rows could be read"), r.err());
    }

    @Test
    void failsOnAWrongHeaderOrAnEmptyInput() {
        Result wrong = run("time,count\n2024-01-01 00:00:00,1\n");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("line 1: expected the header timestamp,value, found 'time,count'"), wrong.err());
        Result empty = run("");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("empty"), empty.err());
    }

    @Test
    void acceptsAByteOrderMarkAndAHeaderOnlyFile() {
        Result r = run("\uFEFFtimestamp,value\n");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("timestamp,value,anomaly_score"), r.lines());
    }

    @Test
    void readsAndWritesFiles(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out/scores.csv");
        Files.writeString(in, series(300));
        Result r = run("", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(301, Files.readAllLines(out).size());
        assertEquals("", r.out());
    }

    @Test
    void badUsageExitsWithTwoAndHelpWithZero() {
        assertEquals(2, run("", "--bogus", "x").code());
        assertEquals(2, run("", "extra").code());
        Result help = run("", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("usage: firebreak detect [--in F] [--out F] [--rejects F]"), help.out());
        assertEquals(1, run("", "--in", "/no/such/file.csv").code());
    }
}
