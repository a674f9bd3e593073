package dev.firebreak.classify.train;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.Task;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The model file format, version 2 (docs/model-format.md); version 1 is still read. Big-endian throughout.
 *
 * <pre>
 * magic        8 bytes  "FBMODEL" 0x00
 * version      u16      2
 * body length  u64      bytes of the body that follows
 * body
 *   feature version u16   FeatureExtractor.VERSION
 *   task            str   "polarity" | "complaint"
 *   labels          u8 count, then str each
 *   n-grams         u8 wordMin, wordMax, charMin, charMax
 *   hash bits       u8
 *   epochs          i32
 *   learning rate   f64
 *   l2              f64
 *   seed            i64
 *   stacking folds  u8     (version 2)
 *   class weights   u8 mode (0 none, 1 balanced, 2 explicit); explicit: u16 count, (str label, f64 weight) each
 *   feature source  u8 present; if 1: str name
 *   outputs         u8     1 for two labels (logistic), else the number of labels (softmax)
 *   dense count     u16    8 (see TrainedModel.DENSE; 6 in version 1)
 *   bias            f32 x outputs
 *   dense weights   f32 x dense count x outputs
 *   mix             (version 2) f32 x 2 x outputs x outputs: per feature group (words, chars), row = logit
 *   source names    (version 2) u8 bits (10), u16 count of used buckets, then (u16 bucket, f32 x outputs) each
 *   rows            u32 count of used buckets, then (u32 bucket, f32 idf, f32 x outputs) each, buckets increasing
 * checksum     u32      CRC-32 of every byte before it
 * str = u16 byte length + UTF-8 bytes
 * </pre>
 */
final class ModelCodec {

    static final byte[] MAGIC = {'F', 'B', 'M', 'O', 'D', 'E', 'L', 0};
    static final int VERSION = 2;
    /** The dense features of version 1 (a different set, read only for models without a feature source). */
    private static final int DENSE_V1 = 6;
    private static final int HEADER = MAGIC.length + 2 + 8;

    private ModelCodec() {
    }

    static void write(TrainedModel model, OutputStream out) throws IOException {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream body = new DataOutputStream(bodyBytes);
        TrainerConfig c = model.config();
        body.writeShort(model.featureVersion());
        writeString(body, model.task().jsonName());
        body.writeByte(model.labels().size());
        for (String l : model.labels()) {
            writeString(body, l);
        }
        body.writeByte(c.wordNgramMin());
        body.writeByte(c.wordNgramMax());
        body.writeByte(c.charNgramMin());
        body.writeByte(c.charNgramMax());
        body.writeByte(c.hashBits());
        body.writeInt(c.epochs());
        body.writeDouble(c.learningRate());
        body.writeDouble(c.l2());
        body.writeLong(c.seed());
        body.writeByte(c.stackingFolds());
        ClassWeights cw = c.classWeights();
        if (cw.isBalanced()) {
            body.writeByte(1);
        } else if (cw.explicit().isEmpty()) {
            body.writeByte(0);
        } else {
            body.writeByte(2);
            body.writeShort(cw.explicit().size());
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(cw.explicit()).entrySet()) {
                writeString(body, e.getKey());
                body.writeDouble(e.getValue());
            }
        }
        if (c.featureSourceName().isPresent()) {
            body.writeByte(1);
            writeString(body, c.featureSourceName().get());
        } else {
            body.writeByte(0);
        }
        int outputs = model.outputs();
        body.writeByte(outputs);
        body.writeShort(TrainedModel.DENSE);
        for (float b : model.bias()) {
            body.writeFloat(b);
        }
        for (float d : model.dense()) {
            body.writeFloat(d);
        }
        for (float m : model.mix()) {
            body.writeFloat(m);
        }
        float[] source = model.source();
        body.writeByte(TrainedModel.SOURCE_BITS);
        int used = 0;
        for (int b = 0; b < TrainedModel.SOURCE_BUCKETS; b++) {
            if (nonZero(source, b * outputs, outputs)) {
                used++;
            }
        }
        body.writeShort(used);
        for (int b = 0; b < TrainedModel.SOURCE_BUCKETS; b++) {
            if (nonZero(source, b * outputs, outputs)) {
                body.writeShort(b);
                for (int k = 0; k < outputs; k++) {
                    body.writeFloat(source[b * outputs + k]);
                }
            }
        }
        WeightTable table = model.weights();
        float[] t = table.rows();
        int stride = table.stride();
        body.writeInt(table.used());
        for (int r = 0; r < table.used(); r++) {
            body.writeInt(table.bucket(r));
            int o = table.rowOffset(r);
            for (int k = 0; k < stride; k++) {
                body.writeFloat(t[o + k]);
            }
        }
        body.flush();

        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(HEADER);
        DataOutputStream header = new DataOutputStream(headerBytes);
        header.write(MAGIC);
        header.writeShort(VERSION);
        header.writeLong(bodyBytes.size());
        header.flush();
        CRC32 crc = new CRC32();
        crc.update(headerBytes.toByteArray());
        byte[] b = bodyBytes.toByteArray();
        crc.update(b);
        out.write(headerBytes.toByteArray());
        out.write(b);
        new DataOutputStream(out).writeInt((int) crc.getValue());
        out.flush();
    }

    private static boolean nonZero(float[] w, int o, int outputs) {
        for (int k = 0; k < outputs; k++) {
            if (w[o + k] != 0) {
                return true;
            }
        }
        return false;
    }

    static TrainedModel read(InputStream in, Optional<MentionClassifier> source, String where) throws IOException {
        // the header first, so that a large file of another kind is not read whole
        byte[] header = in.readNBytes(HEADER);
        int magicBytes = Math.min(header.length, MAGIC.length);
        if (header.length < MAGIC.length
                || !java.util.Arrays.equals(header, 0, magicBytes, MAGIC, 0, magicBytes)) {
            throw new ModelFormatException(where + " is not a Firebreak model file: it does not start with the magic "
                    + "bytes \"FBMODEL\\0\"" + (header.length == 0 ? " (the file is empty)" : ""));
        }
        if (header.length < HEADER) {
            throw new ModelFormatException(where + " is truncated: " + header.length + " bytes, shorter than the "
                    + HEADER + "-byte header");
        }
        ByteBuffer head = ByteBuffer.wrap(header);
        head.position(MAGIC.length);
        int version = Short.toUnsignedInt(head.getShort());
        if (version > VERSION) {
            throw new ModelFormatException(where + " has model format version " + version
                    + ", newer than this Firebreak reads (" + VERSION + "): upgrade Firebreak or retrain the model");
        }
        if (version < 1) {
            throw new ModelFormatException(where + " has unknown model format version " + version);
        }
        long bodyLength = head.getLong();
        if (bodyLength < 0 || bodyLength > Integer.MAX_VALUE - HEADER - 8) {
            throw new ModelFormatException(where + " is corrupt: its header gives an impossible body length "
                    + bodyLength);
        }
        byte[] rest = in.readNBytes((int) bodyLength + 4);
        long expected = HEADER + bodyLength + 4;
        if (rest.length < bodyLength + 4) {
            throw new ModelFormatException(where + " is truncated: " + (HEADER + rest.length)
                    + " bytes, its header says " + expected + " bytes");
        }
        long extra = 0;
        while (in.read() >= 0) {
            extra++;
        }
        if (extra > 0) {
            throw new ModelFormatException(where + " is corrupt: " + extra + " unexpected bytes after the checksum");
        }
        byte[] all = new byte[(int) expected];
        System.arraycopy(header, 0, all, 0, HEADER);
        System.arraycopy(rest, 0, all, HEADER, rest.length);
        CRC32 crc = new CRC32();
        crc.update(all, 0, (int) (HEADER + bodyLength));
        int stored = ByteBuffer.wrap(all, (int) (HEADER + bodyLength), 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(where + " is corrupt: CRC-32 checksum mismatch (stored "
                    + String.format("%08x", stored) + ", computed " + String.format("%08x", (int) crc.getValue()) + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(all);
        buf.position(HEADER);
        buf.limit((int) (HEADER + bodyLength));
        try {
            return readBody(buf, version, source, where);
        } catch (BufferUnderflowException e) {
            throw new ModelFormatException(where + " is invalid: the body ends before its weights do");
        }
    }

    private static TrainedModel readBody(ByteBuffer buf, int version, Optional<MentionClassifier> source, String where)
            throws ModelFormatException {
        int featureVersion = Short.toUnsignedInt(buf.getShort());
        if (featureVersion < FeatureExtractor.OLDEST_VERSION || featureVersion > FeatureExtractor.VERSION) {
            throw new ModelFormatException(where + " was trained with feature extraction version " + featureVersion
                    + ", this Firebreak extracts versions " + FeatureExtractor.OLDEST_VERSION + " to "
                    + FeatureExtractor.VERSION + ": retrain the model");
        }
        String taskName = readString(buf, where);
        Task task;
        try {
            task = Task.fromJson(taskName);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + " is invalid: unknown task '" + taskName + "'");
        }
        int labelCount = Byte.toUnsignedInt(buf.get());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < labelCount; i++) {
            labels.add(readString(buf, where));
        }
        if (!labels.equals(task.labels())) {
            throw new ModelFormatException(where + " is invalid: labels " + labels + " do not match task "
                    + taskName + " " + task.labels());
        }
        int wordMin = Byte.toUnsignedInt(buf.get());
        int wordMax = Byte.toUnsignedInt(buf.get());
        int charMin = Byte.toUnsignedInt(buf.get());
        int charMax = Byte.toUnsignedInt(buf.get());
        int hashBits = Byte.toUnsignedInt(buf.get());
        int epochs = buf.getInt();
        double learningRate = buf.getDouble();
        double l2 = buf.getDouble();
        long seed = buf.getLong();
        int stackingFolds = version > 1 ? Byte.toUnsignedInt(buf.get()) : 3;
        TrainerConfig.Builder config;
        try {
            config = TrainerConfig.builder().wordNgrams(wordMin, wordMax).hashBits(hashBits).epochs(epochs)
                    .learningRate(learningRate).l2(l2).seed(seed).stackingFolds(stackingFolds);
            if (charMin == 0 && charMax == 0) {
                config.noCharNgrams();
            } else {
                config.charNgrams(charMin, charMax);
            }
            int mode = Byte.toUnsignedInt(buf.get());
            if (mode == 0) {
                config.classWeights(ClassWeights.none());
            } else if (mode == 1) {
                config.classWeights(ClassWeights.balanced());
            } else if (mode == 2) {
                int count = Short.toUnsignedInt(buf.getShort());
                Map<String, Double> weights = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    weights.put(readString(buf, where), buf.getDouble());
                }
                config.classWeights(ClassWeights.of(weights));
            } else {
                throw new ModelFormatException(where + " is invalid: unknown class-weight mode " + mode);
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + " is invalid: " + e.getMessage());
        }
        int hasSource = Byte.toUnsignedInt(buf.get());
        if (hasSource == 1) {
            String name = readString(buf, where);
            if (version == 1) {
                throw new ModelFormatException(where + " has model format version 1 and uses the classifier '" + name
                        + "' as features, which this Firebreak reads differently since version 2: retrain the model");
            }
            if (source.isEmpty()) {
                throw new ModelFormatException(where + " uses the scores and signals of the classifier '" + name
                        + "' as features: load it with TrainedModel.load(path, thatClassifier)");
            }
            try {
                config.featuresFrom(name, source.get());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(where + " is invalid: " + e.getMessage());
            }
        } else if (hasSource != 0) {
            throw new ModelFormatException(where + " is invalid: feature-source flag " + hasSource);
        }
        int outputs = Byte.toUnsignedInt(buf.get());
        if (outputs != TrainedModel.outputsFor(task)) {
            throw new ModelFormatException(where + " is invalid: " + outputs + " outputs for task " + taskName);
        }
        int denseCount = Short.toUnsignedInt(buf.getShort());
        int expectedDense = version == 1 ? DENSE_V1 : TrainedModel.DENSE;
        if (denseCount != expectedDense) {
            throw new ModelFormatException(where + " is invalid: " + denseCount + " dense features, expected "
                    + expectedDense);
        }
        float[] bias = new float[outputs];
        for (int k = 0; k < outputs; k++) {
            bias[k] = buf.getFloat();
        }
        float[] dense = new float[TrainedModel.DENSE * outputs];
        for (int i = 0; i < denseCount * outputs; i++) {
            float v = buf.getFloat();
            if (version > 1) {
                dense[i] = v;
            }
        }
        float[] sourceWeights = new float[TrainedModel.SOURCE_BUCKETS * outputs];
        float[] mix = TrainedModel.identityMix(outputs);
        if (version > 1) {
            for (int i = 0; i < mix.length; i++) {
                mix[i] = buf.getFloat();
            }
            int bits = Byte.toUnsignedInt(buf.get());
            if (bits != TrainedModel.SOURCE_BITS) {
                throw new ModelFormatException(where + " is invalid: " + bits + " bits of feature-source buckets, "
                        + "expected " + TrainedModel.SOURCE_BITS);
            }
            int used = Short.toUnsignedInt(buf.getShort());
            int previous = -1;
            for (int r = 0; r < used; r++) {
                int b = Short.toUnsignedInt(buf.getShort());
                if (b <= previous || b >= TrainedModel.SOURCE_BUCKETS) {
                    throw new ModelFormatException(where + " is invalid: feature-source row for bucket " + b
                            + " out of order or out of range");
                }
                previous = b;
                for (int k = 0; k < outputs; k++) {
                    sourceWeights[b * outputs + k] = buf.getFloat();
                }
            }
        }
        long rows = Integer.toUnsignedLong(buf.getInt());
        int buckets = 1 << hashBits;
        int stride = outputs + 1;
        if (rows > buckets || rows * (4 + 4L * stride) != buf.remaining()) {
            throw new ModelFormatException(where + " is invalid: " + rows + " weight rows do not fit the "
                    + buf.remaining() + " bytes left for them");
        }
        float[] w = new float[stride << hashBits];
        int previous = -1;
        for (long r = 0; r < rows; r++) {
            int b = buf.getInt();
            if (b <= previous || b >= buckets) {
                throw new ModelFormatException(where + " is invalid: weight row for bucket " + b
                        + " out of order or out of range");
            }
            previous = b;
            for (int k = 0; k < stride; k++) {
                w[b * stride + k] = buf.getFloat();
            }
        }
        return new TrainedModel(task, config.build(), featureVersion, w, bias, dense, sourceWeights, mix);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer buf, String where) throws ModelFormatException {
        int len = Short.toUnsignedInt(buf.getShort());
        if (len > buf.remaining()) {
            throw new ModelFormatException(where + " is invalid: a string of " + len + " bytes runs past the body");
        }
        ByteBuffer slice = buf.slice();
        slice.limit(len);
        buf.position(buf.position() + len);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(where + " is invalid: a string is not UTF-8");
        }
    }
}
