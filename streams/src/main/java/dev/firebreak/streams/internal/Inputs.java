package dev.firebreak.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.json.JsonFormatException;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.internal.ChangeCodec;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The value of a record on the repartition topic by brand: one input for the brand's engine (a mention with
 * its classification, as a {@link BrandChange.Ingest}, or a person's {@link BrandChange.Action}) and where it
 * was read. Mentions and classifications are written exactly (full precision) with the journal's codec, so
 * the engine gets the very values the first stage had. Thread-safe.
 */
public final class Inputs {

    /** The format version written; a reader refuses other versions. */
    static final int VERSION = 1;

    private final ChangeCodec codec = new ChangeCodec();
    private final FirebreakJson json = FirebreakJson.create();

    /** A decoded input and its origin. */
    public record Routed(BrandChange input, Optional<OutputJson.Source> source) {
    }

    /** Encodes an input ({@link BrandChange.Ingest} or {@link BrandChange.Action}). */
    public byte[] encode(BrandChange input, Optional<OutputJson.Source> source) {
        if (!(input instanceof BrandChange.Ingest) && !(input instanceof BrandChange.Action)) {
            throw new IllegalArgumentException("only mentions and actions are routed, not " + input);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("v", VERSION);
        source.ifPresent(s -> o.putObject("src").put("topic", s.topic()).put("partition", s.partition())
                .put("offset", s.offset()).put("timestamp", s.timestamp()));
        o.set("in", codec.change(input));
        return codec.write(o).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a routed input.
     *
     * @throws JsonFormatException naming what is wrong
     */
    public Routed decode(byte[] value) {
        if (value == null) {
            throw new JsonFormatException("a record without a value");
        }
        String text;
        try {
            text = Utf8.decodeStrict(value);
        } catch (CharacterCodingException e) {
            throw new JsonFormatException(e.getMessage());
        }
        ObjectNode o = json.parseObject(text);
        int v = o.path("v").asInt(-1);
        if (v != VERSION) {
            throw new JsonFormatException("routed input of format version " + o.path("v") + ", this version reads "
                    + VERSION);
        }
        JsonNode in = o.get("in");
        if (in == null || !in.isObject()) {
            throw new JsonFormatException("routed input without 'in'");
        }
        BrandChange change = codec.read(in);
        if (!(change instanceof BrandChange.Ingest) && !(change instanceof BrandChange.Action)) {
            throw new JsonFormatException("routed input of kind '" + in.path("k").asText() + "'");
        }
        Optional<OutputJson.Source> src = Optional.empty();
        JsonNode s = o.get("src");
        if (s != null && s.isObject()) {
            src = Optional.of(new OutputJson.Source(s.path("topic").asText(""), s.path("partition").asInt(-1),
                    s.path("offset").asLong(-1), s.path("timestamp").asLong(-1)));
        }
        return new Routed(change, src);
    }
}
