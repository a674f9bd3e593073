package dev.firebreak.streams;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How {@link FirebreakTopology} runs on Kafka Streams: its topics, its state stores, its engine time and its
 * processing guarantee. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * <h2>Topics</h2>
 * Input: {@link #mentionsTopic()} (Mention JSON) and, unless turned off, {@link #actionsTopic()} (people
 * acknowledging, replying, completing steps, resolving). Output: {@link #alertsTopic()},
 * {@link #incidentsTopic()}, {@link #escalationsTopic()}, {@link #deadLetterTopic()}, and when set
 * {@link #eventsTopic()} (every engine event) and {@link #unmatchedTopic()} (mentions no watched brand takes).
 * These topics must exist; Kafka Streams creates its own internal topics (the repartition topic by brand and
 * the stores' changelogs).
 *
 * <h2>Engine time</h2>
 * Each task's engine runs on stream time: the newest event time of the mentions it has read (their
 * {@code createdAt}). Deadlines and bucket closes run on ticks at every multiple of {@link #tickInterval()}:
 * each brand is ticked at every boundary before its next input, by a stream-time punctuator as stream time
 * passes, and, while a task reads nothing for {@link #idleAdvance()}, by a wall-clock punctuator that moves
 * the engine time to the wall clock, so that a deadline fires on time when no mention comes. Turn idle
 * advance off for a backfill or a replay of old data, whose event times are far behind the wall clock.
 *
 * @param mentionsTopic where mentions are read from (Mention JSON, one per record; the key is ignored)
 * @param actionsTopic where people's actions on incidents are read from, if anywhere
 * @param alertsTopic where alerts are written (key: brand)
 * @param incidentsTopic where incident summaries are written after every change (key: incident id)
 * @param escalationsTopic where escalation events are written (key: incident id)
 * @param deadLetterTopic where records that cannot be processed are written, with the reason
 * @param eventsTopic where every engine event is written (key: brand), if anywhere
 * @param unmatchedTopic where mentions that no watched brand takes are written, if anywhere (else dropped)
 * @param partitions the partition count of the repartition topic by brand, the cap on parallelism; empty for
 *     as many as the mentions topic has
 * @param storeType where the engine state lives locally (its changelog is in Kafka either way)
 * @param tickInterval the spacing of engine ticks (deadline resolution), 1 second to 1 hour
 * @param idleAdvance how long a task must read nothing before its engine time follows the wall clock; empty
 *     to follow stream time only
 * @param maxFutureSkew how far a mention's {@code createdAt} may be ahead of its record's timestamp before
 *     the record's timestamp is used instead (a wrong clock must not push stream time into the future)
 * @param snapshotEveryChanges how many changes of a brand are kept before its state is snapshotted
 * @param snapshotEveryBytes how many bytes of changes of a brand are kept before its state is snapshotted
 * @param snapshotChunkBytes the largest value written to the snapshot store (snapshots are split into
 *     chunks; keep it under the changelog topic's {@code max.message.bytes} and the producer's
 *     {@code max.request.size})
 * @param deadLetterMaxValueBytes how much of a bad record's value a dead letter keeps
 * @param processingGuarantee {@link StreamsConfig#EXACTLY_ONCE_V2} (default) or
 *     {@link StreamsConfig#AT_LEAST_ONCE}
 */
public record StreamsSettings(String mentionsTopic, Optional<String> actionsTopic, String alertsTopic,
        String incidentsTopic, String escalationsTopic, String deadLetterTopic, Optional<String> eventsTopic,
        Optional<String> unmatchedTopic, Optional<Integer> partitions, StoreType storeType, Duration tickInterval,
        Optional<Duration> idleAdvance, Duration maxFutureSkew, int snapshotEveryChanges, long snapshotEveryBytes,
        int snapshotChunkBytes, int deadLetterMaxValueBytes, String processingGuarantee) {

    /** Where the engine state lives locally. */
    public enum StoreType {
        /** RocksDB on local disk (the default): state larger than memory, fast restarts with local state. */
        ROCKS_DB,
        /** In memory: nothing on local disk; every restart restores from the changelog. */
        IN_MEMORY
    }

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Validates. */
    public StreamsSettings {
        topic("mentionsTopic", mentionsTopic);
        Objects.requireNonNull(actionsTopic, "actionsTopic").ifPresent(t -> topic("actionsTopic", t));
        topic("alertsTopic", alertsTopic);
        topic("incidentsTopic", incidentsTopic);
        topic("escalationsTopic", escalationsTopic);
        topic("deadLetterTopic", deadLetterTopic);
        Objects.requireNonNull(eventsTopic, "eventsTopic").ifPresent(t -> topic("eventsTopic", t));
        Objects.requireNonNull(unmatchedTopic, "unmatchedTopic").ifPresent(t -> topic("unmatchedTopic", t));
        Objects.requireNonNull(partitions, "partitions").ifPresent(p -> range("partitions", p, 1, 10_000));
        Objects.requireNonNull(storeType, "storeType");
        duration("tickInterval", tickInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        Objects.requireNonNull(idleAdvance, "idleAdvance")
                .ifPresent(d -> duration("idleAdvance", d, Duration.ofSeconds(1), Duration.ofDays(1)));
        duration("maxFutureSkew", maxFutureSkew, Duration.ZERO, Duration.ofDays(7));
        range("snapshotEveryChanges", snapshotEveryChanges, 1, 10_000_000);
        range("snapshotEveryBytes", snapshotEveryBytes, 1_024, 1L << 40);
        range("snapshotChunkBytes", snapshotChunkBytes, 1_024, 64 << 20);
        range("deadLetterMaxValueBytes", deadLetterMaxValueBytes, 0, 64 << 20);
        for (String out : new String[] {alertsTopic, incidentsTopic, escalationsTopic, deadLetterTopic,
                eventsTopic.orElse(alertsTopic), unmatchedTopic.orElse(alertsTopic)}) {
            if (out.equals(mentionsTopic) || actionsTopic.filter(out::equals).isPresent()) {
                throw new IllegalArgumentException("output topic '" + out + "' is also an input topic: the topology "
                        + "would read its own output");
            }
        }
        if (actionsTopic.filter(mentionsTopic::equals).isPresent()) {
            throw new IllegalArgumentException("actionsTopic and mentionsTopic must differ, both were '" + mentionsTopic
                    + "'");
        }
        Objects.requireNonNull(processingGuarantee, "processingGuarantee");
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
                && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException("processingGuarantee must be '" + StreamsConfig.EXACTLY_ONCE_V2 + "' or '"
                    + StreamsConfig.AT_LEAST_ONCE + "', was '" + processingGuarantee + "'");
        }
    }

    private static void topic(String field, String name) {
        Objects.requireNonNull(name, field);
        if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(field + " must be a Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', "
                    + "'_', '-'), was '" + (name.length() > 60 ? name.substring(0, 60) + "..." : name) + "'");
        }
    }

    private static void range(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + v);
        }
    }

    private static void duration(String field, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, field);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + d);
        }
    }

    /**
     * The defaults: topics {@code firebreak-mentions}, {@code firebreak-actions}, {@code firebreak-alerts},
     * {@code firebreak-incidents}, {@code firebreak-escalations}, {@code firebreak-dead-letters} (no events or
     * unmatched topic); the repartition topic as wide as the mentions topic; RocksDB; ticks every minute; idle
     * advance after 1 minute; 1 hour of future skew; a snapshot every 10,000 changes or 16 MiB of a brand, in
     * chunks of 512 KiB; 64 KiB of a bad value in its dead letter; exactly-once v2.
     */
    public static StreamsSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mentionsTopic = mentionsTopic;
        b.actionsTopic = actionsTopic;
        b.alertsTopic = alertsTopic;
        b.incidentsTopic = incidentsTopic;
        b.escalationsTopic = escalationsTopic;
        b.deadLetterTopic = deadLetterTopic;
        b.eventsTopic = eventsTopic;
        b.unmatchedTopic = unmatchedTopic;
        b.partitions = partitions;
        b.storeType = storeType;
        b.tickInterval = tickInterval;
        b.idleAdvance = idleAdvance;
        b.maxFutureSkew = maxFutureSkew;
        b.snapshotEveryChanges = snapshotEveryChanges;
        b.snapshotEveryBytes = snapshotEveryBytes;
        b.snapshotChunkBytes = snapshotChunkBytes;
        b.deadLetterMaxValueBytes = deadLetterMaxValueBytes;
        b.processingGuarantee = processingGuarantee;
        return b;
    }

    /**
     * The Kafka Streams configuration this topology expects: the application id (also the prefix of its
     * internal topics and its consumer group), the brokers, and {@link #processingGuarantee()}. Add your own
     * (security, {@code num.standby.replicas}, {@code num.stream.threads}, {@code state.dir}) to the result.
     *
     * @param applicationId the Kafka Streams application id: every instance of one deployment uses the same
     * @param bootstrapServers {@code host:port,...}
     */
    public Properties properties(String applicationId, String bootstrapServers) {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId must not be blank");
        }
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        return p;
    }

    /** Builds {@link StreamsSettings}; every setter fails fast on a bad value, naming the field. */
    public static final class Builder {
        private String mentionsTopic = "firebreak-mentions";
        private Optional<String> actionsTopic = Optional.of("firebreak-actions");
        private String alertsTopic = "firebreak-alerts";
        private String incidentsTopic = "firebreak-incidents";
        private String escalationsTopic = "firebreak-escalations";
        private String deadLetterTopic = "firebreak-dead-letters";
        private Optional<String> eventsTopic = Optional.empty();
        private Optional<String> unmatchedTopic = Optional.empty();
        private Optional<Integer> partitions = Optional.empty();
        private StoreType storeType = StoreType.ROCKS_DB;
        private Duration tickInterval = Duration.ofMinutes(1);
        private Optional<Duration> idleAdvance = Optional.of(Duration.ofMinutes(1));
        private Duration maxFutureSkew = Duration.ofHours(1);
        private int snapshotEveryChanges = 10_000;
        private long snapshotEveryBytes = 16L << 20;
        private int snapshotChunkBytes = 512 << 10;
        private int deadLetterMaxValueBytes = 64 << 10;
        private String processingGuarantee = StreamsConfig.EXACTLY_ONCE_V2;

        private Builder() {
        }

        /** The input topic of mentions. */
        public Builder mentionsTopic(String topic) {
            topic("mentionsTopic", topic);
            this.mentionsTopic = topic;
            return this;
        }

        /** The input topic of people's actions on incidents. */
        public Builder actionsTopic(String topic) {
            topic("actionsTopic", topic);
            this.actionsTopic = Optional.of(topic);
            return this;
        }

        /** Reads no actions: incidents can then only be acknowledged by the brand's own replies. */
        public Builder noActions() {
            this.actionsTopic = Optional.empty();
            return this;
        }

        /** The output topic of alerts. */
        public Builder alertsTopic(String topic) {
            topic("alertsTopic", topic);
            this.alertsTopic = topic;
            return this;
        }

        /** The output topic of incident summaries. */
        public Builder incidentsTopic(String topic) {
            topic("incidentsTopic", topic);
            this.incidentsTopic = topic;
            return this;
        }

        /** The output topic of escalation events. */
        public Builder escalationsTopic(String topic) {
            topic("escalationsTopic", topic);
            this.escalationsTopic = topic;
            return this;
        }

        /** The output topic of dead letters. */
        public Builder deadLetterTopic(String topic) {
            topic("deadLetterTopic", topic);
            this.deadLetterTopic = topic;
            return this;
        }

        /** Also writes every engine event to this topic. */
        public Builder eventsTopic(String topic) {
            topic("eventsTopic", topic);
            this.eventsTopic = Optional.of(topic);
            return this;
        }

        /** Writes the mentions no watched brand takes to this topic instead of dropping them. */
        public Builder unmatchedTopic(String topic) {
            topic("unmatchedTopic", topic);
            this.unmatchedTopic = Optional.of(topic);
            return this;
        }

        /** The partition count of the repartition topic by brand, 1 to 10,000. */
        public Builder partitions(int partitions) {
            range("partitions", partitions, 1, 10_000);
            this.partitions = Optional.of(partitions);
            return this;
        }

        /** Where the engine state lives locally. */
        public Builder storeType(StoreType type) {
            this.storeType = Objects.requireNonNull(type, "storeType");
            return this;
        }

        /** The spacing of engine ticks, 1 second to 1 hour. */
        public Builder tickInterval(Duration interval) {
            duration("tickInterval", interval, Duration.ofSeconds(1), Duration.ofHours(1));
            this.tickInterval = interval;
            return this;
        }

        /** How long a task must read nothing before its engine time follows the wall clock, 1 s to 1 day. */
        public Builder idleAdvance(Duration idle) {
            duration("idleAdvance", idle, Duration.ofSeconds(1), Duration.ofDays(1));
            this.idleAdvance = Optional.of(idle);
            return this;
        }

        /** Engine time follows stream time only: for backfills and replays of old data. */
        public Builder noIdleAdvance() {
            this.idleAdvance = Optional.empty();
            return this;
        }

        /** How far {@code createdAt} may be ahead of the record's timestamp, 0 to 7 days. */
        public Builder maxFutureSkew(Duration skew) {
            duration("maxFutureSkew", skew, Duration.ZERO, Duration.ofDays(7));
            this.maxFutureSkew = skew;
            return this;
        }

        /** Changes of a brand kept before a snapshot, 1 to 10,000,000. */
        public Builder snapshotEveryChanges(int changes) {
            range("snapshotEveryChanges", changes, 1, 10_000_000);
            this.snapshotEveryChanges = changes;
            return this;
        }

        /** Bytes of changes of a brand kept before a snapshot, 1 KiB to 1 TiB. */
        public Builder snapshotEveryBytes(long bytes) {
            range("snapshotEveryBytes", bytes, 1_024, 1L << 40);
            this.snapshotEveryBytes = bytes;
            return this;
        }

        /** The largest snapshot chunk, 1 KiB to 64 MiB. */
        public Builder snapshotChunkBytes(int bytes) {
            range("snapshotChunkBytes", bytes, 1_024, 64 << 20);
            this.snapshotChunkBytes = bytes;
            return this;
        }

        /** How much of a bad record's value its dead letter keeps, 0 to 64 MiB. */
        public Builder deadLetterMaxValueBytes(int bytes) {
            range("deadLetterMaxValueBytes", bytes, 0, 64 << 20);
            this.deadLetterMaxValueBytes = bytes;
            return this;
        }

        /** {@link StreamsConfig#EXACTLY_ONCE_V2} or {@link StreamsConfig#AT_LEAST_ONCE}. */
        public Builder processingGuarantee(String guarantee) {
            Objects.requireNonNull(guarantee, "processingGuarantee");
            if (!guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !guarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
                throw new IllegalArgumentException("processingGuarantee must be '" + StreamsConfig.EXACTLY_ONCE_V2
                        + "' or '" + StreamsConfig.AT_LEAST_ONCE + "', was '" + guarantee + "'");
            }
            this.processingGuarantee = guarantee;
            return this;
        }

        /** The settings. */
        public StreamsSettings build() {
            return new StreamsSettings(mentionsTopic, actionsTopic, alertsTopic, incidentsTopic, escalationsTopic,
                    deadLetterTopic, eventsTopic, unmatchedTopic, partitions, storeType, tickInterval, idleAdvance,
                    maxFutureSkew, snapshotEveryChanges, snapshotEveryBytes, snapshotChunkBytes,
                    deadLetterMaxValueBytes, processingGuarantee);
        }
    }
}
