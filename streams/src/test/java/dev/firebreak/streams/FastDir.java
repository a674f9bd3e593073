package dev.firebreak.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A state directory on a memory file system when there is one ({@code /dev/shm}), else under the test's own
 * temporary directory: the test driver commits, and so flushes RocksDB, after every record, and an fsync per
 * record on a shared disk would make a RocksDB test slow without testing anything more.
 */
final class FastDir implements AutoCloseable {

    final Path path;
    private final boolean own;

    FastDir(Path fallback) {
        Path shm = Path.of("/dev/shm");
        Path p;
        boolean o;
        try {
            p = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "firebreak-test-")
                    : Files.createTempDirectory(fallback, "state-");
            o = p.startsWith(shm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.path = p;
        this.own = o;
    }

    @Override
    public void close() {
        if (!own) {
            return; // the test's temporary directory is deleted by JUnit
        }
        try (Stream<Path> w = Files.walk(path)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
