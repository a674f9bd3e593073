package dev.firebreak.facebook.internal;

import dev.firebreak.facebook.HeldPost;
import dev.firebreak.facebook.HoldStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link HoldStore} in a JSON-lines file, rewritten atomically. Not part of the API. */
public final class FileHoldStore implements HoldStore {

    private final Path path;
    private final Map<String, HeldPost> holds = new LinkedHashMap<>();

    /** Opens (or prepares to create) the file and reads the holds already in it. */
    public FileHoldStore(Path path) {
        this.path = path.toAbsolutePath();
        if (Files.exists(this.path)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(this.path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read holds file " + this.path, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    HeldPost h = HeldPost.fromJson(lines.get(i));
                    holds.put(h.postId(), h);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("holds file " + this.path + " line " + (i + 1) + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public synchronized List<HeldPost> all() {
        return List.copyOf(holds.values());
    }

    @Override
    public synchronized void put(HeldPost hold) {
        Objects.requireNonNull(hold, "hold");
        HeldPost before = holds.put(hold.postId(), hold);
        try {
            write();
        } catch (UncheckedIOException e) {
            if (before == null) {
                holds.remove(hold.postId());
            } else {
                holds.put(hold.postId(), before);
            }
            throw e;
        }
    }

    @Override
    public synchronized void remove(String postId) {
        Objects.requireNonNull(postId, "postId");
        HeldPost before = holds.remove(postId);
        if (before == null) {
            return;
        }
        try {
            write();
        } catch (UncheckedIOException e) {
            holds.put(postId, before);
            throw e;
        }
    }

    private void write() {
        StringBuilder sb = new StringBuilder();
        for (HeldPost h : holds.values()) {
            sb.append(h.toJson()).append('\n');
        }
        Path dir = path.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                writeAndMove(tmp, sb.toString());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write holds file " + path, e);
        }
    }

    private void writeAndMove(Path tmp, String content) throws IOException {
        {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public String toString() {
        return "HoldStore.file[" + path + "]";
    }
}
