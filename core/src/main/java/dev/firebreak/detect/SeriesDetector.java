package dev.firebreak.detect;

import java.time.Instant;

/**
 * Online anomaly detection on one regular time series (for example mentions per 5-minute bucket for
 * one brand and topic): each value is scored as it arrives, using only that value and the ones
 * before it. Memory is constant per series.
 *
 * <p>An instance holds the state of one series and is not thread-safe; the engine keeps one per
 * series key and calls it under that key's lock.
 */
public interface SeriesDetector {

    /**
     * Observes the value of the next bucket.
     *
     * @param bucketStart the start of the bucket; later than the previous call's
     * @param value the observed value, finite
     * @return the anomaly score in [0, 1]: 0 normal, 1 certainly anomalous
     */
    double observe(Instant bucketStart, double value);
}
