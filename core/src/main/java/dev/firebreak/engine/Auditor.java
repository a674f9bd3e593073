package dev.firebreak.engine;

import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.escalation.Contact;
import dev.firebreak.escalation.DeadlineKind;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.internal.OrderedArrayMap;
import dev.firebreak.plan.PlanStep;
import dev.firebreak.plan.StepKind;
import dev.firebreak.store.BrandChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Derives the audit trail from what one committed change did: the events it caused, read together with
 * the change (who acted, what a publishing control did) and the incidents' state after it (counters,
 * deadlines, plan). A pure function of (audit book, state, change, events): re-applying a change on
 * recovery derives the same records, so the trail survives a restart exactly.
 */
final class Auditor {

    private final long bucketSeconds;

    Auditor(long bucketSeconds) {
        this.bucketSeconds = bucketSeconds;
    }

    /**
     * Records what {@code change} did.
     *
     * @param events the events it caused, in order (may be null)
     * @param applied whether the change was applied without an exception
     * @param joinedKnown whether {@code joined} is known: the change is an ingest that ran to its end
     * @param joined when known, the incident of the ingested mention's dedup entry (following merges), or null
     */
    void record(BrandState s, BrandChange change, List<FirebreakEvent> events, boolean applied, boolean joinedKnown,
            IncidentTracker joined) {
        AuditBook book = s.audit;
        Instant now = change.at();
        flushEnded(book, now);
        BrandChange.Ingest ingest = change instanceof BrandChange.Ingest ? (BrandChange.Ingest) change : null;
        if (events == null) {
            // most mentions cause no event: at most the incident the mention joined is touched (no sets to fill)
            if (ingest != null && !ingest.owned()) {
                IncidentTracker t = joinedKnown ? joined : joinedIncident(s, ingest);
                if (t != null) {
                    attachments(book, t, now, ingest);
                    deadlines(book, t, now, Set.of());
                }
            }
            if (applied) {
                changeRecords(s, book, change);
            }
            if (change instanceof BrandChange.Tick) {
                prune(s, book);
            }
            return;
        }
        Set<IncidentId> touched = new LinkedHashSet<>();
        Map<IncidentId, Set<String>> acted = new LinkedHashMap<>();
        for (FirebreakEvent e : events) {
            event(s, book, e, touched, acted);
        }
        IncidentTracker attachedTo = null;
        if (ingest != null && !ingest.owned()) {
            attachedTo = joinedKnown ? joined : joinedIncident(s, ingest);
            if (attachedTo != null) {
                touched.add(attachedTo.id);
            }
        }
        for (IncidentId id : touched) {
            IncidentTracker t = s.incidents.get(id);
            if (t == null) {
                continue;
            }
            attachments(book, t, now, t == attachedTo ? ingest : null);
            deadlines(book, t, now, acted.getOrDefault(id, Set.of()));
        }
        if (applied) {
            changeRecords(s, book, change);
        }
        if (change instanceof BrandChange.Tick) {
            prune(s, book);
        }
    }

    /** The incident of an ingested mention's dedup entry (following merges), or null. */
    private static IncidentTracker joinedIncident(BrandState s, BrandChange.Ingest ingest) {
        return s.resolveSeen(s.seen.find(ingest.mention().platform(), ingest.mention().id()));
    }

    // ---------------------------------------------------------------- events

    private void event(BrandState s, AuditBook book, FirebreakEvent e, Set<IncidentId> touched,
            Map<IncidentId, Set<String>> acted) {
        Instant at = e.at();
        if (e instanceof FirebreakEvent.IncidentOpened) {
            FirebreakEvent.IncidentOpened o = (FirebreakEvent.IncidentOpened) e;
            add(book, o.incident(), at, AuditAction.OPENED, AuditRecord.ENGINE, o.reason(),
                    "topic", o.topic().toString(), "severity", o.severity().jsonName());
            touched.add(o.incident());
        } else if (e instanceof FirebreakEvent.AlertRaised) {
            FirebreakEvent.AlertRaised a = (FirebreakEvent.AlertRaised) e;
            if (a.alert().incident().isPresent()) {
                IncidentId id = a.alert().incident().get();
                add(book, id, at, AuditAction.ALERT_RAISED, AuditRecord.ENGINE, a.alert().summary(),
                        "signal", a.alert().signal().jsonName(), "observed", num(a.alert().observed()),
                        "expected", num(a.alert().expected()));
                touched.add(id);
            }
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            FirebreakEvent.SeverityChanged c = (FirebreakEvent.SeverityChanged) e;
            add(book, c.incident(), at, AuditAction.SEVERITY_CHANGED, AuditRecord.ENGINE,
                    String.join("; ", c.reasons()), "from", c.from().jsonName(), "to", c.to().jsonName(),
                    "crisis", String.valueOf(c.becameCrisis()), "watch", String.valueOf(c.watch()));
            touched.add(c.incident());
        } else if (e instanceof FirebreakEvent.WatchChanged) {
            FirebreakEvent.WatchChanged w = (FirebreakEvent.WatchChanged) e;
            add(book, w.incident(), at, AuditAction.WATCH_CHANGED, AuditRecord.ENGINE,
                    (w.watch() ? "flagged to watch: " : "no longer watched: ") + w.reason(), "watch",
                    String.valueOf(w.watch()));
            touched.add(w.incident());
        } else if (e instanceof FirebreakEvent.Escalated) {
            FirebreakEvent.Escalated x = (FirebreakEvent.Escalated) e;
            String notified = notified(x.contacts(), x.role().name());
            add(book, x.incident(), at, x.isReminder() ? AuditAction.REMINDED : AuditAction.ESCALATED,
                    AuditRecord.ENGINE, x.reason().jsonName() + ": level " + x.toLevel() + " " + x.role().name()
                            + " notified (" + notified + ")",
                    "fromLevel", String.valueOf(x.fromLevel()), "toLevel", String.valueOf(x.toLevel()),
                    "role", x.role().name(), "notified", notified, "cause", x.reason().jsonName());
            touched.add(x.incident());
        } else if (e instanceof FirebreakEvent.DeadlineMissed) {
            FirebreakEvent.DeadlineMissed d = (FirebreakEvent.DeadlineMissed) e;
            add(book, d.incident(), at, AuditAction.DEADLINE_MISSED, AuditRecord.ENGINE,
                    d.kind().jsonName() + " due " + d.deadline() + " missed at level " + d.level() + " "
                            + d.role().name(),
                    "kind", d.kind().jsonName(), "due", d.deadline().toString(), "level", String.valueOf(d.level()),
                    "role", d.role().name());
            AuditBook.Trail tr = book.trail(d.incident());
            if (d.kind() == DeadlineKind.ACKNOWLEDGEMENT) {
                tr.ackDeadline = null;
            } else {
                tr.responseDeadline = null;
            }
            touched.add(d.incident());
        } else if (e instanceof FirebreakEvent.EscalationExhausted) {
            FirebreakEvent.EscalationExhausted x = (FirebreakEvent.EscalationExhausted) e;
            add(book, x.incident(), at, AuditAction.ESCALATION_EXHAUSTED, AuditRecord.ENGINE,
                    "every reminder spent at level " + x.level() + " " + x.role().name() + "; clocks stopped",
                    "level", String.valueOf(x.level()), "role", x.role().name());
            touched.add(x.incident());
        } else if (e instanceof FirebreakEvent.Acknowledged) {
            FirebreakEvent.Acknowledged a = (FirebreakEvent.Acknowledged) e;
            add(book, a.incident(), at, AuditAction.ACKNOWLEDGED, a.by(),
                    "acknowledged at level " + a.level() + " " + a.role().name(),
                    "level", String.valueOf(a.level()), "role", a.role().name());
            touched.add(a.incident());
            acted.computeIfAbsent(a.incident(), k -> new LinkedHashSet<>()).add("ack");
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            FirebreakEvent.PublicReplyRecorded r = (FirebreakEvent.PublicReplyRecorded) e;
            if (r.reply().isPresent()) {
                add(book, r.incident(), at, AuditAction.PUBLIC_REPLY, r.by(), "public reply seen from the brand's "
                        + "account", "reply", r.reply().get().toString());
            } else {
                add(book, r.incident(), at, AuditAction.PUBLIC_REPLY, r.by(), "public reply recorded");
            }
            touched.add(r.incident());
            acted.computeIfAbsent(r.incident(), k -> new LinkedHashSet<>()).add("reply");
        } else if (e instanceof FirebreakEvent.StateChanged) {
            FirebreakEvent.StateChanged c = (FirebreakEvent.StateChanged) e;
            add(book, c.incident(), at, AuditAction.STATE_CHANGED, c.by(),
                    c.from().jsonName() + " -> " + c.to().jsonName(), "from", c.from().jsonName(), "to",
                    c.to().jsonName());
            touched.add(c.incident());
        } else if (e instanceof FirebreakEvent.PlanUpdated) {
            FirebreakEvent.PlanUpdated p = (FirebreakEvent.PlanUpdated) e;
            if (!p.added().isEmpty()) {
                StringJoiner added = new StringJoiner(", ");
                for (PlanStep st : p.plan().steps()) {
                    if (p.added().contains(st.kind())) {
                        added.add(st.kind().jsonName() + "@" + st.due());
                    }
                }
                add(book, p.incident(), at, AuditAction.PLAN_UPDATED, AuditRecord.ENGINE,
                        p.plan().severity().jsonName() + " plan: " + p.added().size() + " new steps",
                        "severity", p.plan().severity().jsonName(), "added", added.toString());
            }
            touched.add(p.incident());
        } else if (e instanceof FirebreakEvent.StepCompleted) {
            FirebreakEvent.StepCompleted c = (FirebreakEvent.StepCompleted) e;
            IncidentTracker t = s.incidents.get(c.incident());
            Optional<PlanStep> step = t == null ? Optional.empty() : t.plan.step(c.step());
            if (step.isPresent()) {
                long late = Math.max(0, Duration.between(step.get().due(), at).getSeconds());
                add(book, c.incident(), at, AuditAction.STEP_DONE, c.by(), c.step().jsonName() + (late == 0
                        ? " done on time" : " done " + late / 60 + " min late"), "step", c.step().jsonName(), "due",
                        step.get().due().toString(), "lateSeconds", String.valueOf(late));
            } else {
                add(book, c.incident(), at, AuditAction.STEP_DONE, c.by(), c.step().jsonName() + " done",
                        "step", c.step().jsonName());
            }
            if (c.step() == StepKind.PAUSE_SCHEDULED) {
                book.pauseHolders.add(c.incident());
            }
            touched.add(c.incident());
        } else if (e instanceof FirebreakEvent.IncidentsMerged) {
            FirebreakEvent.IncidentsMerged m = (FirebreakEvent.IncidentsMerged) e;
            AuditBook.Trail absorbed = book.trail(m.absorbed());
            flush(book, m.absorbed(), absorbed);
            add(book, m.absorbed(), at, AuditAction.MERGED_INTO, AuditRecord.ENGINE, m.reason(), "into",
                    m.survivor().value());
            add(book, m.survivor(), at, AuditAction.MERGED, AuditRecord.ENGINE, m.reason(), "absorbed",
                    m.absorbed().value());
            AuditBook.Trail survivor = book.trail(m.survivor());
            // the absorbed incident's mentions arrive with it: not new mentions of the story
            survivor.mentions += absorbed.mentions;
            survivor.negatives += absorbed.negatives;
            if (book.pauseHolders.remove(m.absorbed())) {
                book.pauseHolders.add(m.survivor());
            }
            touched.add(m.survivor());
        }
    }

    private static String notified(List<Contact> contacts, String role) {
        if (contacts.isEmpty()) {
            return "the " + role + " role (no contacts listed)";
        }
        StringJoiner j = new StringJoiner("; ");
        for (Contact c : contacts) {
            j.add(c.name() + " by " + c.channel());
        }
        return j.toString();
    }

    // ---------------------------------------------------------------- figures

    private long floor(long epochSecond) {
        return Math.floorDiv(epochSecond, bucketSeconds) * bucketSeconds;
    }

    /** {@code book.trail(t.id)}, kept on the incident so that its next mentions find it without a lookup. */
    private static AuditBook.Trail trail(AuditBook book, IncidentTracker t) {
        AuditBook.Trail tr = t.trail;
        if (tr == null) {
            tr = t.trail = book.trail(t.id);
        }
        return tr;
    }

    private void attachments(AuditBook book, IncidentTracker t, Instant now, BrandChange.Ingest ingest) {
        AuditBook.Trail tr = trail(book, t);
        long added = t.mentions - tr.mentions;
        long negatives = t.negatives - tr.negatives;
        tr.mentions = t.mentions;
        tr.negatives = t.negatives;
        if (added <= 0) {
            return;
        }
        long bucket = floor(now.getEpochSecond());
        if (tr.bucket != bucket) {
            flush(book, t.id, tr);
            tr.bucket = bucket;
            book.running.add(t.id);
            book.runningLow = Math.min(book.runningLow, bucket);
        }
        tr.bucketMentions += added;
        tr.bucketNegatives += Math.max(0, negatives);
        if (ingest != null) {
            tr.bucketSentiment += ingest.classification().sentiment();
            tr.bucketSentimentCount++;
        }
        tr.bucketReach = t.reach;
        tr.bucketTotal = t.mentions;
    }

    private void flushEnded(AuditBook book, Instant now) {
        long current = floor(now.getEpochSecond());
        if (book.runningLow >= current) {
            return; // no running bucket ended (and none is running when the low is Long.MAX_VALUE)
        }
        long low = Long.MAX_VALUE;
        for (Iterator<IncidentId> it = book.running.iterator(); it.hasNext(); ) {
            IncidentId id = it.next();
            AuditBook.Trail tr = book.trails.get(id);
            if (tr == null || tr.bucket == Long.MIN_VALUE) {
                it.remove();
            } else if (tr.bucket < current) {
                tr.add(attached(book, id, tr, false));
                clearBucket(tr);
                it.remove();
            } else {
                low = Math.min(low, tr.bucket);
            }
        }
        book.runningLow = low;
    }

    private void flush(AuditBook book, IncidentId id, AuditBook.Trail tr) {
        if (tr.bucket != Long.MIN_VALUE) {
            tr.add(attached(book, id, tr, false));
            clearBucket(tr);
        }
        book.running.remove(id);
    }

    private static void clearBucket(AuditBook.Trail tr) {
        tr.bucket = Long.MIN_VALUE;
        tr.bucketMentions = 0;
        tr.bucketNegatives = 0;
        tr.bucketSentiment = 0;
        tr.bucketSentimentCount = 0;
        tr.bucketReach = 0;
        tr.bucketTotal = 0;
    }

    /** The attachment record of a trail's running bucket. */
    AuditRecord attached(AuditBook book, IncidentId id, AuditBook.Trail tr, boolean open) {
        Instant end = Instant.ofEpochSecond(tr.bucket + bucketSeconds);
        String[] kv = new String[open ? 16 : 14];
        kv[0] = "bucket";
        kv[1] = book.bucketText(tr.bucket);
        kv[2] = "mentions";
        kv[3] = String.valueOf(tr.bucketMentions);
        kv[4] = "negatives";
        kv[5] = String.valueOf(tr.bucketNegatives);
        kv[6] = "sentimentSum";
        kv[7] = num(tr.bucketSentiment);
        kv[8] = "sentimentCount";
        kv[9] = String.valueOf(tr.bucketSentimentCount);
        kv[10] = "reach";
        kv[11] = String.valueOf(tr.bucketReach);
        kv[12] = "total";
        kv[13] = String.valueOf(tr.bucketTotal);
        if (open) {
            kv[14] = "open";
            kv[15] = "true";
        }
        return new AuditRecord(end, id, AuditAction.MENTIONS_ATTACHED, AuditRecord.ENGINE,
                tr.bucketMentions + " mentions attached (" + tr.bucketNegatives + " negative)", OrderedArrayMap.ofPairs(kv));
    }

    private static void deadlines(AuditBook book, IncidentTracker t, Instant now, Set<String> acted) {
        if (t.escalation == null) {
            return;
        }
        AuditBook.Trail tr = trail(book, t);
        if (acted.isEmpty() && java.util.Objects.equals(t.escalation.ackDeadline().orElse(null), tr.ackDeadline)
                && java.util.Objects.equals(t.escalation.responseDeadline().orElse(null), tr.responseDeadline)) {
            // no one acted and no deadline moved (most mentions joining an incident): nothing to record, and no
            // status object to build for it
            return;
        }
        EscalationStatus st = t.escalation.status();
        Instant ack = st.ackDeadline().orElse(null);
        Instant resp = st.responseDeadline().orElse(null);
        if (tr.ackDeadline != null && !tr.ackDeadline.equals(ack) && !acted.isEmpty()) {
            met(book, t.id, now, DeadlineKind.ACKNOWLEDGEMENT, tr.ackDeadline, acted.contains("ack")
                    ? st.acknowledgedBy().orElse(AuditRecord.ENGINE) : st.respondedBy().orElse(AuditRecord.ENGINE));
        }
        if (tr.responseDeadline != null && !tr.responseDeadline.equals(resp) && acted.contains("reply")) {
            met(book, t.id, now, DeadlineKind.FIRST_RESPONSE, tr.responseDeadline,
                    st.respondedBy().orElse(AuditRecord.ENGINE));
        }
        if (ack != null && !ack.equals(tr.ackDeadline)) {
            add(book, t.id, now, AuditAction.DEADLINE_SET, AuditRecord.ENGINE, "acknowledgement due " + ack
                    + " at level " + st.level() + " " + st.role().name(), "kind",
                    DeadlineKind.ACKNOWLEDGEMENT.jsonName(), "due", ack.toString(), "level",
                    String.valueOf(st.level()));
        }
        if (resp != null && !resp.equals(tr.responseDeadline)) {
            add(book, t.id, now, AuditAction.DEADLINE_SET, AuditRecord.ENGINE, "first public response due " + resp,
                    "kind", DeadlineKind.FIRST_RESPONSE.jsonName(), "due", resp.toString(), "level",
                    String.valueOf(st.level()));
        }
        tr.ackDeadline = ack;
        tr.responseDeadline = resp;
    }

    private static void met(AuditBook book, IncidentId id, Instant now, DeadlineKind kind, Instant due, String by) {
        if (now.isAfter(due)) {
            return;
        }
        long spare = Duration.between(now, due).getSeconds();
        add(book, id, now, AuditAction.DEADLINE_MET, by, kind.jsonName() + " deadline met with " + spare / 60
                + " min to spare", "kind", kind.jsonName(), "due", due.toString(), "spareSeconds",
                String.valueOf(spare));
    }

    // ---------------------------------------------------------------- changes

    private void changeRecords(BrandState s, AuditBook book, BrandChange change) {
        if (change instanceof BrandChange.Action) {
            BrandChange.Action a = (BrandChange.Action) change;
            if (a.kind() == BrandChange.ActionKind.SET_FAULT) {
                IncidentTracker t = s.resolve(a.incident());
                if (t != null) {
                    boolean fault = a.atFault().orElse(false);
                    add(book, t.id, a.at(), AuditAction.FAULT_SET, a.by(), fault ? "the brand is at fault: apologise"
                            : "the brand is not at fault: explain the policy", "atFault", String.valueOf(fault));
                }
            }
        } else if (change instanceof BrandChange.Paused) {
            BrandChange.Paused p = (BrandChange.Paused) change;
            IncidentTracker t = s.resolve(p.incident());
            if (t != null) {
                for (BrandChange.ControlOutcome o : p.outcomes()) {
                    add(book, t.id, p.at(), AuditAction.PUBLISHING_PAUSED, AuditRecord.ENGINE, o.posts()
                            + " scheduled posts held on " + o.control() + (o.failures().isEmpty() ? ""
                            : "; failures: " + String.join("; ", o.failures())), "control", o.control(),
                            "posts", String.valueOf(o.posts()), "failures", String.join("; ", o.failures()));
                }
                book.pauseHolders.add(t.id);
            }
        } else if (change instanceof BrandChange.Resumed) {
            BrandChange.Resumed r = (BrandChange.Resumed) change;
            for (IncidentId id : book.pauseHolders) {
                for (BrandChange.ControlOutcome o : r.outcomes()) {
                    add(book, id, r.at(), AuditAction.PUBLISHING_RESUMED, AuditRecord.ENGINE, o.posts()
                            + " held posts released on " + o.control() + (o.failures().isEmpty() ? ""
                            : "; failures: " + String.join("; ", o.failures())), "control", o.control(),
                            "posts", String.valueOf(o.posts()), "failures", String.join("; ", o.failures()));
                }
            }
            book.pauseHolders.clear();
        }
    }

    /** Drops the trails of incidents the engine no longer holds (closed beyond the retention). */
    private static void prune(BrandState s, AuditBook book) {
        if (book.trails.size() <= s.incidents.size()) {
            return;
        }
        List<IncidentId> gone = new ArrayList<>();
        for (IncidentId id : book.trails.keySet()) {
            if (s.resolve(id) == null) {
                gone.add(id);
            }
        }
        for (IncidentId id : gone) {
            book.remove(id);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void add(AuditBook book, IncidentId id, Instant at, AuditAction action, String actor, String reason,
            String... kv) {
        book.trail(id).add(new AuditRecord(at, id, action, actor, reason, OrderedArrayMap.ofPairs(kv)));
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v);
    }

    /** The trail of an incident id, with the running bucket as a last, open record. */
    List<AuditRecord> trail(BrandState s, IncidentId id) {
        AuditBook.Trail tr = s.audit.trails.get(id);
        if (tr == null) {
            return List.of();
        }
        List<AuditRecord> out = new ArrayList<>(tr.records.size() + 1);
        out.addAll(tr.records);
        if (tr.bucket != Long.MIN_VALUE) {
            out.add(attached(s.audit, id, tr, true));
        }
        return out;
    }
}
