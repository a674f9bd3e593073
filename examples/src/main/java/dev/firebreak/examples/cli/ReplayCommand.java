package dev.firebreak.examples.cli;

import dev.firebreak.classify.BuiltInClassifier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.escalation.EscalationReason;
import dev.firebreak.escalation.EscalationRecord;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;

import dev.firebreak.plan.PlanStep;
import dev.firebreak.spi.PauseReport;
import dev.firebreak.spi.PublishingControl;
import dev.firebreak.spi.ScheduledPost;
import dev.firebreak.report.PostMortem;
import dev.firebreak.report.PostMortemHtml;
import dev.firebreak.store.BrandChange;
import dev.firebreak.store.FsyncPolicy;
import dev.firebreak.store.JournalConfig;
import dev.firebreak.store.JournalStore;
import dev.firebreak.store.StoreException;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code replay --in F [--brand NAME ...] [--journal DIR] [--report F] [--html F]}: runs the whole engine over
 * mentions ordered by {@code createdAt}, the engine's clock following the data, and prints the timeline. With
 * {@code --journal} the engine state lives in a {@link JournalStore}; run again after a crash, the replay
 * recovers the engine from it, skips the input it already applied (found from the journal's last input per
 * brand) and goes on, ending with the same report as an uninterrupted run.
 */
final class ReplayCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "run the engine over mentions and print the incident timeline";
    }

    @Override
    public String help() {
        return "usage: firebreak replay --in F [--brand NAME ...] [--journal DIR] [--report F] [--html F] [--rejects F]\n"
                + "\n"
                + "Runs the whole engine (classify, detect, group, escalate, plan) over Mention JSON lines,\n"
                + "ordered by createdAt, with the engine's clock following the data. Prints the timeline\n"
                + "(incidents opened, alerts, severity changes, escalations, deadlines missed, plan steps).\n"
                + "\n"
                + "  --in F        Mention JSON lines (default: standard input)\n"
                + "  --brand NAME  watch this brand (repeatable), and only the brands named so; default: every\n"
                + "                brand named in the data. Mentions without a \"brand\" field match a brand\n"
                + "                by its name in their text (as the output of 'firebreak ingest')\n"
                + "  --journal DIR persist the engine state in a journal there; running the same command again\n"
                + "                after a crash resumes from the journal and ends with the same report\n"
                + "  --report F    also write the JSON report of every incident there\n"
                + "  --html F      also write the post-mortem of every incident there, as one HTML page\n"
                + "  --rejects F   also write unreadable lines there\n"
                + "\n"
                + "Brands come from the mentions' \"brand\" field and --brand; a brand's own accounts are the\n"
                + "authors of its mentions marked \"ownedAccount\": true. Between mentions the engine ticks\n"
                + "every minute, for at most 8 days of a quiet gap. Scheduled content is paused on a simulated\n"
                + "local schedule so that the pause shows in the timeline.\n";
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "brand", "journal", "report", "html", "rejects");
    }

    /** A clock the replay moves with the data. */
    private static final class ReplayClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A local schedule of a few posts, so that a crisis pause is visible in the replay. */
    private static final class SimulatedSchedule implements PublishingControl {
        private final List<ScheduledPost> scheduled = new ArrayList<>();
        private final List<ScheduledPost> held = new ArrayList<>();

        SimulatedSchedule(String brand) {
            scheduled.add(new ScheduledPost("sched-1", brand, Instant.EPOCH, "Happy hour: 2-for-1 lattes!"));
            scheduled.add(new ScheduledPost("sched-2", brand, Instant.EPOCH, "Newsletter: our spring menu"));
            scheduled.add(new ScheduledPost("sched-3", brand, Instant.EPOCH, "Ad campaign 'Cozy days'"));
        }

        @Override
        public String name() {
            return "simulated local schedule";
        }

        @Override
        public List<ScheduledPost> scheduled() {
            return List.copyOf(scheduled);
        }

        @Override
        public List<ScheduledPost> held() {
            return List.copyOf(held);
        }

        @Override
        public PauseReport pause(String reason) {
            List<ScheduledPost> moved = new ArrayList<>(scheduled);
            held.addAll(moved);
            scheduled.clear();
            return new PauseReport(moved, List.of());
        }

        @Override
        public PauseReport resume() {
            List<ScheduledPost> moved = new ArrayList<>(held);
            scheduled.addAll(moved);
            held.clear();
            return new PauseReport(moved, List.of());
        }
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        // a report that cannot be written is said before the replay, not after it
        Streams.checkWritable(args.path("report"));
        Streams.checkWritable(args.path("html"));
        FirebreakJson json = FirebreakJson.create();
        List<Mention> mentions = new ArrayList<>();
        JsonLines.Result read;
        try (BufferedReader in = Streams.reader(args.path("in"), io)) {
            read = JsonLines.forEach(in, args.path("rejects"), io, (line, n) -> mentions.add(json.readMention(line)));
        }
        if (mentions.isEmpty()) {
            io.err().println("firebreak replay: no mentions to replay");
            return read.exitCode();
        }
        mentions.sort(Comparator.comparing(Mention::createdAt)); // stable: equal times keep file order
        List<Brand> brands = brands(mentions, args.values("brand"));
        if (brands.isEmpty()) {
            throw new UsageException("no brand to watch: the mentions have no \"brand\" field; name the brand with"
                    + " --brand NAME (its mentions are found by the name in their text)");
        }
        List<Call> calls = calls(mentions);
        ReplayClock clock = new ReplayClock();
        PrintStream out = io.out();
        JournalStore journal = null;
        int from = 0;
        if (args.path("journal").isPresent()) {
            java.nio.file.Path dirPath = args.path("journal").get();
            if (java.nio.file.Files.exists(dirPath) && !java.nio.file.Files.isDirectory(dirPath)) {
                io.err().println("firebreak replay: error: --journal " + dirPath + " is a file; the journal is a"
                        + " directory: give a new or journal directory");
                return Main.FAILURE;
            }
            try {
                journal = JournalStore.open(args.path("journal").get(), JOURNAL);
            } catch (StoreException e) {
                io.err().println("firebreak replay: " + e.getMessage());
                return 1;
            }
        }
        try {
            if (journal != null && !journal.recovery().isFresh()) {
                try {
                    from = resumeAt(journal, brands, calls, mentions);
                } catch (IllegalStateException e) {
                    io.err().println("firebreak replay: " + e.getMessage());
                    return 1;
                }
                clock.now = calls.get(Math.max(0, from - 1)).at;
            }
            CrisisEngine.Builder b = CrisisEngine.builder()
                    .clock(clock)
                    .classifier(BuiltInClassifier.create())
                    .brands(brands)
                    .listener(e -> print(out, e));
            for (Brand brand : brands) {
                b.publishingControl(brand.name(), new SimulatedSchedule(brand.name()));
            }
            if (journal != null) {
                b.store(journal);
            }
            CrisisEngine engine = b.build();
            out.println("Replaying " + mentions.size() + " mentions for " + names(brands) + " from "
                    + TIME.format(mentions.get(0).createdAt()) + " to "
                    + TIME.format(mentions.get(mentions.size() - 1).createdAt()) + " UTC");
            if (journal != null && !journal.recovery().isFresh()) {
                out.println("Resumed from the journal in " + journal.directory() + ": " + journal.recovery().records()
                        + " changes after " + journal.recovery().snapshotLsn().map(l -> "the snapshot at record " + l)
                        .orElse("the start") + (journal.recovery().truncatedBytes() > 0 ? " (a torn tail of "
                        + journal.recovery().truncatedBytes() + " bytes cut off)" : "") + "; " + from + " of "
                        + calls.size() + " steps were already applied");
            }
            out.println();
            int step = 0;
            for (int i = from; i < calls.size(); i++) {
                Call c = calls.get(i);
                clock.now = c.at;
                if (c.mention < 0) {
                    engine.tick(c.at);
                } else {
                    engine.ingest(mentions.get(c.mention));
                }
                if (++step % 2000 == 0 && calls.size() > 5000) {
                    io.err().println("firebreak replay: " + i + " of " + calls.size() + " steps");
                }
            }
            List<IncidentDetails> all = engine.allDetails();
            out.println();
            out.println(summary(engine, all, from > 0));
            if (args.path("report").isPresent()) {
                try (Writer w = Streams.writer(args.path("report"), io)) {
                    w.write(json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report(all)));
                    w.write('\n');
                }
            }
            if (args.path("html").isPresent()) {
                List<PostMortem> pms = new ArrayList<>();
                for (IncidentDetails d : all) {
                    pms.add(PostMortem.of(d, engine.auditTrail(d.incident().id())));
                }
                String title = "Post-mortem: " + names(brands) + ", " + TIME.format(mentions.get(0).createdAt())
                        + " to " + TIME.format(mentions.get(mentions.size() - 1).createdAt()) + " UTC";
                try (Writer w = Streams.writer(args.path("html"), io)) {
                    w.write(PostMortemHtml.render(title, pms));
                }
            }
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
        return read.exitCode();
    }

    /** The journal of a replay: fsync at most every 200 ms (a kill loses nothing; the replay can be run again). */
    private static final JournalConfig JOURNAL = JournalConfig.builder()
            .fsync(FsyncPolicy.every(Duration.ofMillis(200))).snapshotEveryRecords(2_000).build();

    /** One engine call of the replay: a tick ({@code mention < 0}) or the ingest of a mention. */
    static final class Call {
        final Instant at;
        final int mention;

        Call(Instant at, int mention) {
            this.at = at;
            this.mention = mention;
        }
    }

    /**
     * How long into a quiet gap the replay ticks minute by minute. Every deadline, reminder, demotion and
     * resolution the engine has pending falls well inside it; beyond it the next mention comes without
     * ticks, so mentions years apart replay in a few thousand steps instead of millions.
     */
    static final Duration TICK_GAPS_UP_TO = Duration.ofDays(8);

    /**
     * The replay as a list of calls: ticks minute by minute between mentions (for at most
     * {@link #TICK_GAPS_UP_TO} of a gap), so deadlines fire when due.
     */
    static List<Call> calls(List<Mention> mentions) {
        List<Call> calls = new ArrayList<>();
        Instant last = null;
        for (int i = 0; i < mentions.size(); i++) {
            Instant t = mentions.get(i).createdAt();
            if (last != null) {
                Instant quietUntil = last.plus(TICK_GAPS_UP_TO);
                for (Instant tick = nextMinute(last); tick.isBefore(t) && !tick.isAfter(quietUntil);
                        tick = tick.plusSeconds(60)) {
                    calls.add(new Call(tick, -1));
                }
            }
            if (last == null || t.isAfter(last)) {
                last = t;
            }
            calls.add(new Call(last, i));
        }
        Instant end = last.plus(Duration.ofMinutes(5));
        for (Instant tick = nextMinute(last); !tick.isAfter(end); tick = tick.plusSeconds(60)) {
            calls.add(new Call(tick, -1));
        }
        return calls;
    }

    /**
     * Where to resume: after the last call every brand's journal has, found from each brand's last input. A
     * tick cut off half-way (some brands had it) is run again (a second tick at the same time changes
     * nothing); so is a mention cut off half-way when several brands are watched (the brands that had it
     * count it as a duplicate, which the report does not show).
     *
     * @throws IllegalStateException if the journal does not match the input
     */
    private static int resumeAt(JournalStore journal, List<Brand> brands, List<Call> calls, List<Mention> mentions) {
        Map<Instant, Integer> ticks = new LinkedHashMap<>();
        Map<String, Integer> ingests = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            if (c.mention < 0) {
                ticks.put(c.at, i);
            } else {
                ingests.putIfAbsent(mentions.get(c.mention).key() + "@" + c.at, i);
            }
        }
        int last = -1;
        int lowest = Integer.MAX_VALUE;
        for (Brand b : brands) {
            Optional<BrandChange> input = journal.lastInput(b.name());
            if (input.isEmpty()) {
                continue;
            }
            Integer at;
            BrandChange c = input.get();
            if (c instanceof BrandChange.Tick) {
                at = ticks.get(c.at());
            } else if (c instanceof BrandChange.Ingest) {
                at = ingests.get(((BrandChange.Ingest) c).mention().key() + "@" + c.at());
            } else {
                at = null;
            }
            if (at == null) {
                throw new IllegalStateException("the journal in " + journal.directory() + " does not match this input: "
                        + "its last step for brand " + b.name() + " (" + c.getClass().getSimpleName() + " at " + c.at()
                        + ") is not in it; use another --journal directory");
            }
            last = Math.max(last, at);
            lowest = Math.min(lowest, at);
        }
        if (last < 0) {
            return 0;
        }
        boolean partial = lowest < last && calls.get(last).mention < 0 || brands.size() > 1 && calls.get(last).mention >= 0;
        return partial ? last : last + 1;
    }

    private static Instant nextMinute(Instant t) {
        return Instant.ofEpochSecond((t.getEpochSecond() / 60 + 1) * 60);
    }

    /**
     * The brands named in the data, or the ones asked for (whether or not the data names them: mentions
     * without a {@code brand} field match a brand by its name in their text), with their own accounts.
     */
    private static List<Brand> brands(List<Mention> mentions, List<String> only) throws UsageException {
        Map<String, Brand.Builder> builders = new LinkedHashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String o : only) {
            wanted.add(o.strip().toLowerCase(Locale.ROOT));
        }
        for (Mention m : mentions) {
            if (m.brand().isEmpty()) {
                continue;
            }
            String name = m.brand().get().strip().toLowerCase(Locale.ROOT);
            if (!wanted.isEmpty() && !wanted.contains(name)) {
                continue;
            }
            Brand.Builder bb = builders.computeIfAbsent(name, n -> Brand.builder(n).keywords(n));
            if (m.ownedAccount() && !m.author().handle().isEmpty()) {
                bb.ownedAccount(m.platform(), m.author().handle());
            }
        }
        for (String name : wanted) {
            try {
                builders.computeIfAbsent(name, n -> Brand.builder(n).keywords(n));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--brand: " + e.getMessage());
            }
        }
        List<Brand> out = new ArrayList<>();
        for (Brand.Builder bb : builders.values()) {
            out.add(bb.build());
        }
        return out;
    }

    private static String names(List<Brand> brands) {
        StringJoiner j = new StringJoiner(", ");
        brands.forEach(b -> j.add(b.name()));
        return j.toString();
    }

    // ---------------------------------------------------------------- timeline

    private static void line(PrintStream out, FirebreakEvent e, String what, String incident, String text) {
        out.printf(Locale.ROOT, "%s  %-8s %-10s %-13s %s%n", TIME.format(e.at()), e.brand(), what, incident, text);
    }

    static void print(PrintStream out, FirebreakEvent e) {
        if (e instanceof FirebreakEvent.IncidentOpened) {
            FirebreakEvent.IncidentOpened o = (FirebreakEvent.IncidentOpened) e;
            line(out, e, "OPENED", o.incident().value(), o.topic() + ", " + o.severity().jsonName()
                    + (o.severity().isCrisis() ? " (CRISIS)" : " (problem)") + ": " + o.reason());
        } else if (e instanceof FirebreakEvent.AlertRaised) {
            FirebreakEvent.AlertRaised a = (FirebreakEvent.AlertRaised) e;
            line(out, e, "ALERT", a.alert().incident().map(i -> i.value()).orElse("-"),
                    a.alert().signal().jsonName() + ": " + a.alert().summary() + "; origin "
                            + a.alert().origin().origin().jsonName() + " (" + a.alert().origin().reason() + ")"
                            + (a.alert().topTerms().isEmpty() ? "" : "; terms " + String.join(", ",
                            a.alert().topTerms().subList(0, Math.min(5, a.alert().topTerms().size())))));
        } else if (e instanceof FirebreakEvent.SeverityChanged) {
            FirebreakEvent.SeverityChanged s = (FirebreakEvent.SeverityChanged) e;
            line(out, e, "SEVERITY", s.incident().value(), s.from().jsonName() + " -> " + s.to().jsonName()
                    + (s.becameCrisis() ? " (now a CRISIS)" : "") + ": " + String.join("; ", s.reasons()));
        } else if (e instanceof FirebreakEvent.WatchChanged) {
            FirebreakEvent.WatchChanged w = (FirebreakEvent.WatchChanged) e;
            line(out, e, "WATCH", w.incident().value(), (w.watch() ? "flagged to watch: " : "no longer watched: ")
                    + w.reason());
        } else if (e instanceof FirebreakEvent.Escalated) {
            FirebreakEvent.Escalated x = (FirebreakEvent.Escalated) e;
            line(out, e, x.isReminder() ? "REMINDER" : "ESCALATED", x.incident().value(), "level " + x.toLevel()
                    + " " + x.role() + " (" + x.reason().jsonName() + ")");
        } else if (e instanceof FirebreakEvent.DeadlineMissed) {
            FirebreakEvent.DeadlineMissed d = (FirebreakEvent.DeadlineMissed) e;
            line(out, e, "MISSED", d.incident().value(), d.kind().jsonName() + " due " + HOUR.format(d.deadline())
                    + " at level " + d.level() + " " + d.role());
        } else if (e instanceof FirebreakEvent.EscalationExhausted) {
            FirebreakEvent.EscalationExhausted d = (FirebreakEvent.EscalationExhausted) e;
            line(out, e, "EXHAUSTED", d.incident().value(), "every reminder spent at level " + d.level()
                    + " " + d.role() + "; clocks stopped");
        } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
            FirebreakEvent.PublicReplyRecorded r = (FirebreakEvent.PublicReplyRecorded) e;
            line(out, e, "REPLIED", r.incident().value(), "public reply by @" + r.by()
                    + r.reply().map(k -> " (" + k + ")").orElse(""));
        } else if (e instanceof FirebreakEvent.StateChanged) {
            FirebreakEvent.StateChanged s = (FirebreakEvent.StateChanged) e;
            if (s.to() != dev.firebreak.incident.IncidentState.ESCALATED) {
                line(out, e, "STATE", s.incident().value(), s.from().jsonName() + " -> " + s.to().jsonName()
                        + " (by " + s.by() + ")");
            }
        } else if (e instanceof FirebreakEvent.PlanUpdated) {
            FirebreakEvent.PlanUpdated p = (FirebreakEvent.PlanUpdated) e;
            StringJoiner j = new StringJoiner(", ");
            for (PlanStep s : p.plan().steps()) {
                if (p.added().contains(s.kind())) {
                    j.add(s.kind().jsonName() + " (" + s.owner() + ", due " + due(e.at(), s.due()) + ")");
                }
            }
            if (j.length() > 0) {
                line(out, e, "PLAN", p.incident().value(), p.plan().severity().jsonName() + " plan: " + j);
            }
        } else if (e instanceof FirebreakEvent.StepCompleted) {
            FirebreakEvent.StepCompleted s = (FirebreakEvent.StepCompleted) e;
            line(out, e, "DONE", s.incident().value(), s.step().jsonName() + " (by " + s.by() + ")");
        } else if (e instanceof FirebreakEvent.PublishingPaused) {
            FirebreakEvent.PublishingPaused p = (FirebreakEvent.PublishingPaused) e;
            line(out, e, "PAUSED", p.incident().value(), p.held() + " scheduled posts held on " + p.control()
                    + (p.isComplete() ? "" : "; failures: " + p.failures()));
        } else if (e instanceof FirebreakEvent.PublishingResumed) {
            FirebreakEvent.PublishingResumed p = (FirebreakEvent.PublishingResumed) e;
            line(out, e, "RESUMED", "-", p.released() + " posts released on " + p.control());
        } else if (e instanceof FirebreakEvent.IncidentsMerged) {
            FirebreakEvent.IncidentsMerged m = (FirebreakEvent.IncidentsMerged) e;
            line(out, e, "MERGED", m.survivor().value(), m.absorbed().value() + " merged in: " + m.reason());
        } else if (e instanceof FirebreakEvent.MentionRejected) {
            FirebreakEvent.MentionRejected r = (FirebreakEvent.MentionRejected) e;
            line(out, e, "REJECTED", "-", r.mention() + ": " + r.reason());
        }
    }

    private static String due(Instant now, Instant due) {
        return due.getEpochSecond() / 86_400 == now.getEpochSecond() / 86_400 ? HOUR.format(due) : TIME.format(due);
    }

    /** The summary; after a resume the counts of mentions and alerts are those of this run only. */
    private static String summary(CrisisEngine engine, List<IncidentDetails> all, boolean resumed) {
        StringBuilder sb = new StringBuilder();
        if (resumed) {
            sb.append("this run, after the journal: ");
        }
        sb.append(String.format(Locale.ROOT, "%d mentions read: %d taken, %d duplicates or updates, %d unmatched, "
                        + "%d rejected; %d alerts, %d incidents%n", engine.stats().ingested(), engine.stats().taken(),
                engine.stats().duplicates() + engine.stats().updated(), engine.stats().unmatched(),
                engine.stats().rejected(), engine.stats().alerts(), all.size()));
        for (IncidentDetails d : all) {
            sb.append(String.format(Locale.ROOT, "  %-13s %-28s highest %-8s %-6s now %-12s %4d mentions, %3.0f%% "
                            + "negative, reach %d%n", d.incident().id(), d.incident().topic(),
                    d.highestSeverity().jsonName(), d.everCrisis() ? "CRISIS" : "", d.incident().state().jsonName(),
                    d.incident().mentions(), d.incident().negativeShare() * 100, d.incident().reach()));
        }
        return sb.toString().stripTrailing();
    }

    // ---------------------------------------------------------------- report

    /** The report of CLI.md: {"incidents": [...]}. */
    static ObjectNode report(List<IncidentDetails> all) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode incidents = root.putArray("incidents");
        for (IncidentDetails d : all) {
            ObjectNode o = incidents.addObject();
            o.put("id", d.incident().id().value());
            o.put("brand", d.incident().brand());
            o.put("topic", d.incident().topic().toString());
            o.put("severity", d.highestSeverity().jsonName());
            o.put("crisis", d.everCrisis());
            if (d.crisisAt().isPresent()) {
                o.put("crisisAt", d.crisisAt().get().toString());
            } else {
                o.putNull("crisisAt");
            }
            o.put("state", d.incident().state().jsonName());
            o.put("openedAt", d.incident().openedAt().toString());
            if (d.firstAlertAt().isPresent()) {
                o.put("alertAt", d.firstAlertAt().get().toString());
            } else {
                o.putNull("alertAt");
            }
            o.put("mentions", d.incident().mentions());
            o.put("negativeShare", Math.round(d.incident().negativeShare() * 10_000) / 10_000.0);
            o.put("reach", d.incident().reach());
            ArrayNode esc = o.putArray("escalations");
            for (EscalationRecord r : d.escalation().history()) {
                if (r.reason() != EscalationReason.OPENED) {
                    esc.addObject().put("level", r.level()).put("role", r.role().name()).put("at", r.at().toString());
                }
            }
            ArrayNode plan = o.putArray("plan");
            for (PlanStep s : d.plan().steps()) {
                plan.addObject().put("step", s.kind().jsonName()).put("owner", s.owner().name())
                        .put("due", s.due().toString());
            }
        }
        return root;
    }

}
