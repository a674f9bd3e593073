package dev.firebreak.classify.train;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import dev.firebreak.mention.Mention;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Categories learned by a {@link CategoryTrainer}: a mention gets every category whose one-vs-rest
 * probability is at least 0.5, most probable first, each backed by a {@code trained_category} signal
 * naming it. Every other part of the classification is neutral, so add it to another classifier with
 * {@code CompositeClassifier.builder(builtIn).addCategoriesFrom(categoryModel)}.
 *
 * <p>Scoring runs one binary model per category, so it costs about that many times a
 * {@link TrainedModel}, in time and in working memory (about 2 MB per category for each thread that
 * classifies). Thread-safe. The file format is a container of model files, see docs/model-format.md.
 */
public final class CategoryModel implements MentionClassifier {

    static final byte[] MAGIC = {'F', 'B', 'C', 'A', 'T', 'E', 'G', 0};
    static final int VERSION = 1;

    private final List<Category> categories;
    private final List<TrainedModel> models;
    private final List<Signal> signals;

    CategoryModel(List<Category> categories, List<TrainedModel> models) {
        this.categories = List.copyOf(categories);
        this.models = List.copyOf(models);
        if (this.categories.size() != this.models.size() || this.categories.isEmpty()) {
            throw new IllegalArgumentException("one model per category");
        }
        List<Signal> s = new ArrayList<>();
        for (Category c : this.categories) {
            s.add(Signal.forCategory("trained_category", c, ""));
        }
        this.signals = List.copyOf(s);
    }

    /** The categories it learned, in id order. */
    public List<Category> categories() {
        return categories;
    }

    /** The settings it was trained with. */
    public TrainerConfig config() {
        return models.get(0).config();
    }

    @Override
    public Classification classify(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        int n = categories.size();
        double[] p = new double[n];
        int found = 0;
        for (int i = 0; i < n; i++) {
            p[i] = models.get(i).classify(mention).complaintScore();
            found += p[i] >= 0.5 ? 1 : 0;
        }
        if (found == 0) {
            return Classification.neutral(Language.UNDETERMINED, 0);
        }
        List<Category> cats = new ArrayList<>(found);
        List<Signal> sig = new ArrayList<>(found);
        boolean[] taken = new boolean[n];
        for (int f = 0; f < found; f++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && p[i] >= 0.5 && (best < 0 || p[i] > p[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            cats.add(categories.get(best));
            sig.add(signals.get(best));
        }
        return new Classification(Language.UNDETERMINED, 0, 0, Polarity.NEUTRAL, 0, false, cats, sig);
    }

    /** The probability of each category for this mention, in category order. */
    public Map<Category, Double> probabilities(Mention mention) {
        Map<Category, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            out.put(categories.get(i), models.get(i).classify(mention).complaintScore());
        }
        return out;
    }

    /** Writes the model to a file (replacing it). */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out);
        }
    }

    /**
     * Writes the model to a stream (not closed): magic {@code "FBCATEG\0"}, u16 version 1, u16 count,
     * then per category a u16-length UTF-8 id, a u64 length and a complete model file (see
     * {@link TrainedModel#writeTo(OutputStream)}), then a CRC-32 of everything before it.
     */
    public void writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream d = new DataOutputStream(bytes);
        d.write(MAGIC);
        d.writeShort(VERSION);
        d.writeShort(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            byte[] id = categories.get(i).id().getBytes(StandardCharsets.UTF_8);
            d.writeShort(id.length);
            d.write(id);
            ByteArrayOutputStream model = new ByteArrayOutputStream(1 << 16);
            models.get(i).writeTo(model);
            d.writeLong(model.size());
            model.writeTo(d);
        }
        d.flush();
        CRC32 crc = new CRC32();
        byte[] b = bytes.toByteArray();
        crc.update(b);
        out.write(b);
        new DataOutputStream(out).writeInt((int) crc.getValue());
        out.flush();
    }

    /**
     * Reads a category model saved by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a category model, is truncated or corrupt, or was
     *     written by a newer Firebreak
     */
    public static CategoryModel load(Path file) throws IOException {
        return load(file, Optional.empty());
    }

    /**
     * Reads a category model trained with a feature source
     * ({@link TrainerConfig.Builder#featuresFrom(String, MentionClassifier)}), giving it that classifier.
     */
    public static CategoryModel load(Path file, MentionClassifier featureSource) throws IOException {
        return load(file, Optional.of(Objects.requireNonNull(featureSource, "featureSource")));
    }

    private static CategoryModel load(Path file, Optional<MentionClassifier> source) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, source, file.toString());
        }
    }

    /** Reads a category model from a stream (read to its end, not closed). */
    public static CategoryModel read(InputStream in) throws IOException {
        return read(in, Optional.empty(), "stream");
    }

    private static CategoryModel read(InputStream in, Optional<MentionClassifier> source, String where)
            throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            boolean single = magic.length == MAGIC.length
                    && java.util.Arrays.equals(magic, ModelCodec.MAGIC);
            throw new ModelFormatException(where + " is not a Firebreak category model file"
                    + (single ? ": it holds a polarity or complaint model, load it with TrainedModel.load" : ""));
        }
        byte[] rest = in.readAllBytes();
        byte[] all = new byte[magic.length + rest.length];
        System.arraycopy(magic, 0, all, 0, magic.length);
        System.arraycopy(rest, 0, all, magic.length, rest.length);
        if (all.length < MAGIC.length + 2 + 2 + 4) {
            throw new ModelFormatException(where + " is truncated: " + all.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(all);
        buf.position(MAGIC.length);
        int version = Short.toUnsignedInt(buf.getShort());
        if (version > VERSION) {
            throw new ModelFormatException(where + " has category model format version " + version
                    + ", newer than this Firebreak reads (" + VERSION + "): upgrade Firebreak or retrain the model");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        if (ByteBuffer.wrap(all, all.length - 4, 4).getInt() != (int) crc.getValue()) {
            throw new ModelFormatException(where + " is truncated or corrupt: CRC-32 checksum mismatch");
        }
        buf.limit(all.length - 4);
        try {
            int count = Short.toUnsignedInt(buf.getShort());
            List<Category> categories = new ArrayList<>();
            List<TrainedModel> models = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[Short.toUnsignedInt(buf.getShort())];
                buf.get(id);
                long length = buf.getLong();
                if (length < 0 || length > buf.remaining()) {
                    throw new ModelFormatException(where + " is invalid: model " + i + " runs past the end");
                }
                byte[] model = new byte[(int) length];
                buf.get(model);
                try {
                    categories.add(Category.of(new String(id, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    throw new ModelFormatException(where + " is invalid: " + e.getMessage());
                }
                models.add(ModelCodec.read(new ByteArrayInputStream(model), source,
                        where + " (category " + categories.get(i).id() + ")"));
            }
            if (buf.hasRemaining() || count == 0) {
                throw new ModelFormatException(where + " is invalid: " + (count == 0 ? "no categories"
                        : buf.remaining() + " bytes after the last model"));
            }
            return new CategoryModel(categories, models);
        } catch (BufferUnderflowException e) {
            throw new ModelFormatException(where + " is invalid: it ends inside a category's model");
        }
    }

    @Override
    public String toString() {
        return "CategoryModel[categories=" + categories + ", " + config() + "]";
    }
}
