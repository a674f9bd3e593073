package dev.firebreak.streams.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The input topics' timestamps: the record's own, or for a record without a valid one (produced by an old
 * client, say) the partition's time, else 0. Never fails, never drops: a mention's event time is its
 * {@code createdAt} anyway; this only decides when a record without one was read.
 */
public final class LenientTimestamps implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(0, partitionTime);
    }
}
