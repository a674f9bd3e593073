/**
 * The crisis engine on Kafka Streams, for deployments that outgrow one JVM: {@link
 * dev.firebreak.streams.FirebreakTopology} builds the topology, {@link dev.firebreak.streams.StreamsSettings}
 * holds its topics and defaults (exactly-once v2, RocksDB).
 *
 * <h2>Design: the journal on state stores</h2>
 * A brand's engine state ({@link dev.firebreak.engine.BrandState}: dedup memory of up to 100,000 mentions,
 * detector baselines, incidents with escalation and plans) can be megabytes. Writing it to a keyed store after
 * every mention would copy it into the changelog on every record. Splitting it into finer keys (per incident,
 * per series, per mention key) would mean a second implementation of the engine's logic on keyed state, which
 * the single-JVM engine would not share. Instead each task keeps what the journal keeps
 * ({@link dev.firebreak.store.JournalStore}), through the same store SPI ({@link
 * dev.firebreak.store.IncidentStore}):
 * <ul>
 *   <li>{@code firebreak-changes}: every committed {@link dev.firebreak.store.BrandChange} of a brand (a mention
 *       with its classification, a tick, a person's action), a few hundred bytes each, keyed
 *       {@code brand/sequence};</li>
 *   <li>{@code firebreak-snapshots}: now and then (every {@link StreamsSettings#snapshotEveryChanges()} changes
 *       or {@link StreamsSettings#snapshotEveryBytes()} bytes of a brand) the brand's whole state, gzipped JSON,
 *       in chunks of at most {@link StreamsSettings#snapshotChunkBytes()} so that each fits in one changelog
 *       record; the changes it covers are then deleted;</li>
 *   <li>{@code firebreak-heads}: per brand, which changes and which snapshot make its state, and its last tick;
 *       the task's engine time; a fingerprint of each incident's last written summary.</li>
 * </ul>
 * All three are changelogged (compacted topics), so the state of a failed instance's brands is in Kafka. The
 * engine's per-brand logic is deterministic: re-applying a brand's changes on its snapshot rebuilds exactly the
 * state that was committed. The {@link dev.firebreak.engine.CrisisEngine} objects a task holds in memory (one
 * per brand) are only a cache of its stores: none exists after the task is initialised until its first record or
 * punctuation, which builds them from the stores; a call that throws drops its brand's engine (rebuilt from the
 * stores on next use); a failure of the stores themselves goes back to Kafka Streams, which closes the task and,
 * under exactly-once, restores its stores from the changelogs before initialising it again. Nothing the engine
 * knows lives outside the stores. Under exactly-once the changelog writes, the output records and the input
 * offsets commit in one transaction, so after a failover the new owner of a brand sees exactly the committed
 * state, reprocesses exactly the uncommitted input, and the outputs of the aborted attempt are never read.
 *
 * <p>The costs: a snapshot encodes the brand's whole state (for a brand at the dedup limit, megabytes, at most
 * every 10,000 changes by default); taking over a task decodes each brand's snapshot and re-applies up to that
 * many changes (standby replicas keep the stores warm, but the engines are rebuilt on assignment either way);
 * the heads store is written on every change. Memory holds the task's brands' states, as the single-JVM engine
 * holds all of them.
 *
 * <h2>Stages</h2>
 * The first stage reads mentions (and actions), matches each mention to the watched brands and classifies it
 * once; it is stateless and scales with the input partitions, so a storm about one brand is classified in
 * parallel. It writes one record per brand to the repartition topic, keyed by brand and timed by the mention's
 * {@code createdAt}. The second stage runs each brand's engine: its parallelism is the repartition topic's
 * partition count ({@link StreamsSettings#partitions()}), and a brand is processed on one thread at a time.
 *
 * <h2>Time</h2>
 * A task's engine time is its stream time: the newest {@code createdAt} it has read (a {@code createdAt} more
 * than {@link StreamsSettings#maxFutureSkew()} ahead of its record's timestamp is replaced by that timestamp).
 * Each brand is ticked (deadlines, bucket closes, demotions) at every multiple of
 * {@link StreamsSettings#tickInterval()}, in order and before its next input; a stream-time punctuator ticks
 * every brand of the task as stream time passes; when the task reads nothing for
 * {@link StreamsSettings#idleAdvance()} of wall-clock time, a wall-clock punctuator moves the engine time to the
 * wall clock, so deadlines fire while no mention comes. A brand's sequence of changes depends only on its own
 * inputs and the engine time they come at, not on how its ticks interleave with other brands' inputs, batching or
 * punctuation timing (a mention that arrives out of order is taken at the task's engine time, as the single-JVM
 * engine takes it at its clock's). A silence longer than 1,440 ticks is caught up by its last 1,440.
 *
 * <h2>Input formats</h2>
 * Mentions: the Mention JSON of the command line ({@code CLI.md}); the record key is ignored; a mention without
 * {@code createdAt} takes its record's timestamp. Actions:
 * <pre>{"incident": "kestrel-0002", "action": "acknowledge", "by": "maria"}
 * {"incident": "kestrel-0002", "action": "complete_step", "step": "holding_statement", "by": "maria"}
 * {"incident": "kestrel-0002", "action": "set_fault", "atFault": true, "by": "maria"}</pre>
 * where {@code action} is {@code acknowledge}, {@code public_reply}, {@code complete_step}, {@code set_fault},
 * {@code monitor}, {@code resolve} or {@code review}. The brand's own replies, seen as mentions from its own
 * accounts, count as public replies by themselves.
 *
 * <h2>Output formats</h2>
 * JSON in UTF-8, one object per record, times ISO-8601 UTC.
 * <ul>
 *   <li><b>alerts</b> (key: brand): {@code {"brand", "signal", "topic", "platform"?, "at", "observed", "expected",
 *       "score", "summary", "topTerms", "hashtags", "samples": [{"platform", "id"}], "influentialAuthors":
 *       [{"platform", "handle", "followers", "verified"}], "ownedAccounts", "origin", "originReason",
 *       "incident"?}}.</li>
 *   <li><b>incidents</b> (key: incident id): the incident as it is now, written after each change that alters
 *       it (checked after every event and every tick, so at most one tick late): {@code {"id", "brand", "topic",
 *       "severity" (now), "highestSeverity", "crisis" (now), "everCrisis", "crisisAt", "watch", "state",
 *       "openedAt", "detectedAt", "updatedAt", "alertAt", "lastMentionAt", "mentions", "negativeMentions",
 *       "uniqueAuthors", "reach", "negativeShare", "peakRate", "atFault", "reasons", "topTerms", "hashtags",
 *       "escalation": {"state", "level", "role", "severity", "acknowledgedBy"?, "acknowledgedAt",
 *       "ackDeadline", "responseDeadline", "respondedAt", "respondedBy"?, "reminders", "exhausted",
 *       "history": [{"level", "role", "reason", "at"}]}, "plan": [{"step", "owner", "due", "doneAt"?,
 *       "doneBy"?}], "mergedFrom", "changes"}} where {@code changes} lists the types of the events behind the
 *       record (empty for mentions joining or figures re-assessed). An incident merged into another is written
 *       once more under its own key with the survivor's summary and {@code "mergedInto"}. Keep the latest per
 *       key (the topic can be compacted) for a current view.</li>
 *   <li><b>escalations</b> (key: incident id): {@code {"type", "at", "brand", "incident", ...}} for
 *       {@code escalated} ({@code fromLevel, toLevel, role, reason, reminder, contacts: [{name, channel,
 *       address}]}), {@code deadline_missed} ({@code kind, deadline, level, role}), {@code escalation_exhausted}
 *       ({@code level, role}), {@code acknowledged} ({@code by, level, role}) and {@code public_reply_recorded}
 *       ({@code by, reply?: {platform, id}}).</li>
 *   <li><b>events</b> (key: brand, when set): every engine event in the same shape: the escalation types above
 *       and {@code incident_opened}, {@code severity_changed}, {@code watch_changed} ({@code watch, reason}),
 *       {@code alert_raised}, {@code state_changed},
 *       {@code plan_updated}, {@code step_completed}, {@code publishing_paused}, {@code publishing_resumed},
 *       {@code incidents_merged}, {@code mention_rejected}.</li>
 *   <li><b>dead letters</b> (key: brand when known): {@code {"reason", "stage": "read|classify|engine|action",
 *       "brand"?, "source": {"topic", "partition", "offset", "timestamp"}, "key"|"keyBase64"?,
 *       "value"|"valueBase64", "valueBytes", "truncated"}}: the value as it came (as text when it is UTF-8, else
 *       base64), cut to {@link StreamsSettings#deadLetterMaxValueBytes()}; for the engine and action stages
 *       the mention or action as the first stage read it, and the source of the original record.</li>
 * </ul>
 *
 * <h2>Bad records</h2>
 * Sources are read as bytes, so deserialization never fails and no deserialization exception handler is
 * involved (in Kafka Streams 4.1 such a handler can only skip or fail, not write a dead letter in the
 * transaction). Reading, matching and classifying happen inside the topology: a record that is not UTF-8, not
 * JSON, not a mention or action, that the classifier fails on, that names an unwatched brand, that the engine
 * refuses (an illegal action) or cannot process, or a brand whose stored state cannot be read, becomes a dead
 * letter in the same transaction, and the stream goes on. Only a failure of Kafka or of the state stores stops
 * the task.
 *
 * <h2>Not here</h2>
 * Publishing controls (pausing scheduled posts) are not called from the topology: a side effect outside Kafka
 * would run again on every retry. Crisis plans keep "pause scheduled content" as a step; act on the
 * {@code plan_updated} or {@code severity_changed} records instead.
 */
package dev.firebreak.streams;
