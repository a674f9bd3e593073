package dev.firebreak.engine;

/**
 * Counters of an engine since it was built. Every ingested mention ends in exactly one of
 * {@code taken}, {@code updated}, {@code duplicates}, {@code unmatched} or {@code rejected} (a mention
 * taken by two brands counts once here).
 *
 * @param ingested calls to ingest
 * @param taken mentions new to at least one brand
 * @param updated copies of known mentions that changed their engagement or visibility
 * @param duplicates copies of known mentions with nothing new
 * @param unmatched mentions no watched brand took
 * @param rejected mentions that could not be processed (dead letters)
 * @param alerts alerts raised
 * @param incidents incidents opened
 */
public record EngineStats(long ingested, long taken, long updated, long duplicates, long unmatched, long rejected,
        long alerts, long incidents) {
}
