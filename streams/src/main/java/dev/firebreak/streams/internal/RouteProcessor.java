package dev.firebreak.streams.internal;

import dev.firebreak.classify.Classification;
import dev.firebreak.engine.BrandMatching;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.store.BrandChange;
import dev.firebreak.streams.StreamsSettings;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: reads a mention (or a person's action), matches it to the watched brands, classifies it
 * once, and routes it to each brand's engine, keyed by brand. Stateless, so it runs in parallel over the
 * input topic's partitions: classification, the costly part, scales with them, not with the brand partitions.
 * A record that cannot be read or classified becomes a dead letter; nothing here stops the stream but a
 * failure of Kafka itself.
 */
public final class RouteProcessor implements Processor<byte[], byte[], String, Out> {

    private static final Logger log = LoggerFactory.getLogger(RouteProcessor.class);

    private final EngineSetup setup;
    private final StreamsSettings settings;
    private final Inputs inputs = new Inputs();
    private final OutputJson output = new OutputJson();
    private final TaskClock recordTime = new TaskClock();
    private final FirebreakJson json = FirebreakJson.withClock(recordTime);
    private ProcessorContext<String, Out> context;

    /** A processor for one task. */
    public RouteProcessor(EngineSetup setup) {
        this.setup = setup;
        this.settings = setup.streams();
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> r) {
        Optional<RecordMetadata> md = context.recordMetadata();
        Optional<OutputJson.Source> src = md.map(m -> new OutputJson.Source(m.topic(), m.partition(), m.offset(),
                r.timestamp()));
        boolean action = settings.actionsTopic().isPresent()
                && md.map(RecordMetadata::topic).filter(settings.actionsTopic().get()::equals).isPresent();
        try {
            if (action) {
                action(r, src);
            } else {
                mention(r, src);
            }
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Routing the record at {} failed", src.orElse(null), e);
            dead(r, src, "read", "unexpected failure while routing: " + e, Optional.empty());
        }
    }

    private void mention(Record<byte[], byte[]> r, Optional<OutputJson.Source> src) {
        Optional<String> text = text(r, src, "Mention JSON");
        if (text.isEmpty()) {
            return;
        }
        Mention m;
        recordTime.set(Instant.ofEpochMilli(Math.max(0, r.timestamp()))); // createdAt when the mention has none
        try {
            m = json.readMention(text.get());
        } catch (RuntimeException e) {
            dead(r, src, "read", "not a mention: " + e.getMessage(), Optional.empty());
            return;
        }
        List<BrandMatching.Match> matches = setup.matching().match(m);
        if (matches.isEmpty()) {
            if (settings.unmatchedTopic().isPresent()) {
                context.forward(new Record<>(null, new Out(Out.Kind.UNMATCHED, r.value()), timestamp(r)));
            }
            return;
        }
        Classification c;
        try {
            c = setup.classifier().classify(m);
            if (c == null) {
                throw new IllegalStateException(setup.classifier().getClass().getName() + " returned null");
            }
        } catch (RuntimeException e) {
            dead(r, src, "classify", "classifier failed: " + e, Optional.of(matches.get(0).brand()));
            return;
        }
        long at = eventTime(m, r.timestamp());
        byte[] routed = inputs.encode(new BrandChange.Ingest(Instant.ofEpochMilli(at), m, c, false), src);
        for (BrandMatching.Match match : matches) {
            context.forward(new Record<>(match.brand(), new Out(Out.Kind.ROUTE, routed), at));
        }
    }

    /**
     * A mention's event time: its {@code createdAt}, unless that is before 1970 or further ahead of the record's
     * timestamp than {@link StreamsSettings#maxFutureSkew()}, when the record's timestamp stands in.
     */
    private long eventTime(Mention m, long recordTs) {
        long fallback = Math.max(0, recordTs);
        long created;
        try {
            created = m.createdAt().toEpochMilli();
        } catch (ArithmeticException e) {
            return fallback;
        }
        if (created < 0) {
            return fallback;
        }
        if (recordTs >= 0 && created - recordTs > settings.maxFutureSkew().toMillis()) {
            log.debug("Mention {} is dated {} ms after its record: the record's time stands in", m.key(),
                    created - recordTs);
            return fallback;
        }
        return created;
    }

    private void action(Record<byte[], byte[]> r, Optional<OutputJson.Source> src) {
        Optional<String> text = text(r, src, "an action in JSON");
        if (text.isEmpty()) {
            return;
        }
        BrandChange.Action a;
        try {
            a = Actions.read(json.parseObject(text.get()), Instant.ofEpochMilli(timestamp(r)));
        } catch (RuntimeException e) {
            dead(r, src, "read", "not an action: " + e.getMessage(), Optional.empty());
            return;
        }
        String id = a.incident().value();
        int dash = id.lastIndexOf('-');
        String brand = dash > 0 ? id.substring(0, dash) : "";
        if (setup.brand(brand).isEmpty()) {
            dead(r, src, "read", "incident '" + id + "' does not belong to a watched brand", Optional.empty());
            return;
        }
        context.forward(new Record<>(brand, new Out(Out.Kind.ROUTE, inputs.encode(a, src)), timestamp(r)));
    }

    /** The value as strict UTF-8 text, or a dead letter and empty. */
    private Optional<String> text(Record<byte[], byte[]> r, Optional<OutputJson.Source> src, String expected) {
        if (r.value() == null) {
            dead(r, src, "read", "a record without a value (a tombstone); expected " + expected, Optional.empty());
            return Optional.empty();
        }
        try {
            return Optional.of(Utf8.decodeStrict(r.value()));
        } catch (CharacterCodingException e) {
            dead(r, src, "read", e.getMessage() + "; expected " + expected, Optional.empty());
            return Optional.empty();
        }
    }

    private long timestamp(Record<?, ?> r) {
        return r.timestamp() >= 0 ? r.timestamp() : Math.max(0, context.currentSystemTimeMs());
    }

    private void dead(Record<byte[], byte[]> r, Optional<OutputJson.Source> src, String stage, String reason,
            Optional<String> brand) {
        log.warn("Dead letter ({}) from {}: {}", stage, src.map(s -> s.topic() + "-" + s.partition() + "@" + s.offset())
                .orElse("?"), reason);
        byte[] value = output.bytes(output.deadLetter(reason, stage, src, brand, r.key(), r.value(),
                settings.deadLetterMaxValueBytes()));
        context.forward(new Record<>(brand.orElse(null), new Out(Out.Kind.DEAD_LETTER, value), timestamp(r)));
    }
}
