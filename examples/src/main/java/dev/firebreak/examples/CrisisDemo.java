package dev.firebreak.examples;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.account.OwnedAccount;
import dev.firebreak.check.ActiveIncident;
import dev.firebreak.check.CheckResult;
import dev.firebreak.check.CrisisContext;
import dev.firebreak.check.Finding;
import dev.firebreak.check.PlannedPost;
import dev.firebreak.check.PostChecker;
import dev.firebreak.check.ReplyChecker;
import dev.firebreak.check.ReplyDraft;
import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Category;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.incident.Topic;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The replay demo with the checks wired to the engine: replays {@code examples/data/demo-stream.jsonl}
 * (four days of a fictional coffee chain, Kestrel Coffee) through the crisis engine, and whenever an
 * incident crosses the line into a crisis, checks what the team is about to send against
 * {@link CrisisEngine#crisisContext(String) the engine's view}:
 *
 * <ul>
 *   <li>a cheerful scheduled post: allowed while the brand only has a problem, BLOCKED during the crisis
 *       ({@code crisis-cheerful}: unrelated cheerful content looks like indifference; {@code crisis-approval}:
 *       in crisis mode every post needs an approver);</li>
 *   <li>a bad reply draft, blaming the payment provider or the scheduling tool with no next step: FLAGGED;</li>
 *   <li>a good reply draft (own it, apologise, say what happens next and when): passes.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -cp examples/target/firebreak.jar dev.firebreak.examples.CrisisDemo
 * </pre>
 *
 * An optional argument names another stream of Mention JSON lines. Exit code 0, or 1 if the stream
 * cannot be read.
 */
public final class CrisisDemo {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The stream the demo replays by default, relative to the repository root. */
    public static final Path DEFAULT_STREAM = Path.of("examples", "data", "demo-stream.jsonl");

    private static final String BRAND = "kestrel";
    private static final String ACCOUNT = "instagram:kestrelcoffee";
    private static final String CHEERFUL_POST =
            "Happy hour is back! 2-for-1 lattes all afternoon, come and celebrate with us 🎉 #kestrelmoments";

    /** What one check during the replay was about. */
    public enum Kind {
        /** A planned post. */
        POST,
        /** A reply draft that should be flagged. */
        BAD_REPLY,
        /** A reply draft that should pass. */
        GOOD_REPLY
    }

    /**
     * One check made during the replay.
     *
     * @param at the engine's time
     * @param incident the incident that prompted it
     * @param crisis whether that incident was a crisis at the time
     * @param kind what was checked
     * @param text the text checked
     * @param result the checker's result
     */
    public record Check(Instant at, IncidentId incident, boolean crisis, Kind kind, String text, CheckResult result) {
        public Check {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(result, "result");
        }
    }

    private CrisisDemo() {
    }

    public static void main(String[] args) {
        Path stream = args.length > 0 ? Path.of(args[0]) : DEFAULT_STREAM;
        try {
            run(stream, System.out);
        } catch (NoSuchFileException e) {
            System.err.println("crisis demo: no such file: " + e.getFile()
                    + " (run it from the repository root, or name the stream as the argument)");
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("crisis demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Replays a stream of Mention JSON lines and checks posts and replies at each incident that becomes a
     * crisis, and once at the first problem (for contrast); prints the story to {@code out}.
     *
     * @return every check made, in order
     * @throws IOException if the stream cannot be read
     */
    public static List<Check> run(Path stream, PrintStream out) throws IOException {
        List<Mention> mentions = read(stream);
        mentions.sort(Comparator.comparing(Mention::createdAt)); // stable: equal times keep file order

        // --- README: crisis demo setup
        ReplayClock clock = new ReplayClock(mentions.get(0).createdAt());
        List<FirebreakEvent> pending = new ArrayList<>();
        CrisisEngine engine = CrisisEngine.builder()
                .clock(clock)
                .classifier(BuiltInClassifier.create())
                .brand(Brand.builder(BRAND).handles("kestrelcoffee").keywords("kestrel")
                        .ownedAccount(Platform.TWITTER, "kestrelcoffee")
                        .ownedAccount(Platform.INSTAGRAM, "kestrelcoffee")
                        .ownedAccount(Platform.FACEBOOK, "kestrelcoffee").build())
                .listener(pending::add)                       // acted on between mentions, below
                .build();
        AccountRegistry registry = AccountRegistry.builder()
                .add(OwnedAccount.of(Platform.TWITTER, "kestrelcoffee", BRAND, "maria"))
                .add(OwnedAccount.of(Platform.INSTAGRAM, "kestrelcoffee", BRAND, "maria"))
                .add(OwnedAccount.of(Platform.FACEBOOK, "kestrelcoffee", BRAND, "maria"))
                .build();
        PostChecker posts = PostChecker.builder().registry(registry).clock(clock).build();
        ReplyChecker replies = ReplyChecker.builder().clock(clock).build();
        // --- end

        out.println("Replaying " + mentions.size() + " mentions of " + BRAND + " from "
                + TIME.format(mentions.get(0).createdAt()) + " to "
                + TIME.format(mentions.get(mentions.size() - 1).createdAt()) + " UTC; checking what the team is "
                + "about to send when an incident becomes a crisis.");
        List<Check> checks = new ArrayList<>();
        boolean checkedProblem = false;
        Instant last = mentions.get(0).createdAt();
        for (Mention m : mentions) {
            // time passes minute by minute so that deadlines fire when they are due
            for (Instant t = nextMinute(last); t.isBefore(m.createdAt()); t = t.plusSeconds(60)) {
                clock.now = t;
                engine.tick(t);
                checkedProblem = react(engine, posts, replies, pending, checkedProblem, checks, out);
            }
            if (m.createdAt().isAfter(last)) {
                last = m.createdAt();
                clock.now = last;
            }
            engine.ingest(m);
            checkedProblem = react(engine, posts, replies, pending, checkedProblem, checks, out);
        }
        out.println();
        long blocked = checks.stream().filter(c -> c.kind() == Kind.POST && !c.result().ok()).count();
        long flagged = checks.stream().filter(c -> c.kind() != Kind.POST && !c.result().findings().isEmpty()).count();
        out.printf(Locale.ROOT, "%d checks: %d planned posts blocked, %d reply drafts flagged, %d passed.%n",
                checks.size(), blocked, flagged, checks.stream().filter(c -> c.result().findings().isEmpty()).count());
        return checks;
    }

    /** Handles the events of the last step: prints the main ones, and checks at each new crisis. */
    private static boolean react(CrisisEngine engine, PostChecker posts, ReplyChecker replies,
            List<FirebreakEvent> pending, boolean checkedProblem, List<Check> checks, PrintStream out) {
        List<FirebreakEvent> events = new ArrayList<>(pending);
        pending.clear();
        for (FirebreakEvent e : events) {
            if (e instanceof FirebreakEvent.IncidentOpened) {
                FirebreakEvent.IncidentOpened o = (FirebreakEvent.IncidentOpened) e;
                out.println();
                out.println(TIME.format(e.at()) + "  " + o.incident().value() + " opened (" + o.topic() + ", "
                        + o.severity().jsonName() + "): " + o.reason());
                if (o.severity().isCrisis()) {
                    checkAtCrisis(engine, posts, replies, o.incident(), e.at(), checks, out);
                } else if (!checkedProblem) {
                    checkedProblem = true;
                    out.println("  A problem, not a crisis: business as usual.");
                    CrisisContext context = engine.crisisContext(BRAND);
                    checks.add(checkPost(posts, context, o.incident(), false, e.at(), out));
                }
            } else if (e instanceof FirebreakEvent.SeverityChanged) {
                FirebreakEvent.SeverityChanged s = (FirebreakEvent.SeverityChanged) e;
                if (s.becameCrisis()) {
                    out.println();
                    out.println(TIME.format(e.at()) + "  " + s.incident().value() + " is now a CRISIS ("
                            + s.to().jsonName() + "): " + String.join("; ", s.reasons()));
                    checkAtCrisis(engine, posts, replies, s.incident(), e.at(), checks, out);
                }
            } else if (e instanceof FirebreakEvent.PublicReplyRecorded) {
                FirebreakEvent.PublicReplyRecorded r = (FirebreakEvent.PublicReplyRecorded) e;
                out.println(TIME.format(e.at()) + "  " + r.incident().value() + ": the brand replied publicly (@"
                        + r.by() + ")");
            }
        }
        return checkedProblem;
    }

    private static void checkAtCrisis(CrisisEngine engine, PostChecker posts, ReplyChecker replies,
            IncidentId incident, Instant at, List<Check> checks, PrintStream out) {
        // --- README: check during a crisis
        CrisisContext context = engine.crisisContext(BRAND);          // a snapshot of the engine's state
        // --- end
        out.println("  The engine's view: " + describe(context));
        checks.add(checkPost(posts, context, incident, true, at, out));
        // the demo's two crises: double charges in the app, and the brand's own post during a deadly storm
        // (the storm post's backlash is about offensive content or the post itself; anything else is the app story)
        boolean stormPost = engine.details(incident)
                .map(d -> d.incident().topic().kind() == Topic.Kind.OWN_POST
                        || d.categories().contains(Category.OFFENSIVE_CONTENT))
                .orElse(false);
        String bad = stormPost
                ? "That post went out due to a technical glitch in our scheduling tool. It was never meant to be published."
                : "Sorry for any inconvenience. The double charges were caused by a glitch at our payment provider.";
        String good = stormPost
                ? "We are sorry. Posting that while people are grieving after the storm was wrong, and we have "
                        + "taken it down. Today we are donating all of our sales to the storm relief fund."
                : "We're sorry: a bug in our app charged some orders twice, and that's on us. We are refunding "
                        + "every double charge today and will post an update here by 21:00.";
        checks.add(checkReply(replies, context, incident, Kind.BAD_REPLY, bad, at, out));
        checks.add(checkReply(replies, context, incident, Kind.GOOD_REPLY, good, at, out));
    }

    private static Check checkPost(PostChecker posts, CrisisContext context, IncidentId incident, boolean crisis,
            Instant at, PrintStream out) {
        // --- README: check a planned post
        PlannedPost post = PlannedPost.builder("happy-hour", ACCOUNT, CHEERFUL_POST).poster("maria").build();
        CheckResult result = posts.check(post, context);
        // --- end
        out.println("  Planned post on " + ACCOUNT + ": \"" + CHEERFUL_POST + "\"");
        print(result, result.ok() ? "allowed" : "BLOCKED", out);
        return new Check(at, incident, crisis, Kind.POST, CHEERFUL_POST, result);
    }

    private static Check checkReply(ReplyChecker replies, CrisisContext context, IncidentId incident, Kind kind,
            String text, Instant at, PrintStream out) {
        String id = kind == Kind.BAD_REPLY ? "draft-bad" : "draft-good";
        // --- README: check a reply draft
        ReplyDraft draft = ReplyDraft.inIncident(id, incident, text);     // a reply in this incident
        CheckResult result = replies.check(draft, context);
        // --- end
        out.println("  Reply draft in " + incident.value() + ": \"" + text + "\"");
        print(result, result.findings().isEmpty() ? "passes" : result.ok() ? "FLAGGED (warnings)" : "FLAGGED", out);
        return new Check(at, incident, context.incident(incident).map(ActiveIncident::isCrisis).orElse(false), kind,
                text, result);
    }

    private static void print(CheckResult result, String verdict, PrintStream out) {
        out.println("    -> " + verdict);
        for (Finding f : result.findings()) {
            out.println("       " + f.severity().name().toLowerCase(Locale.ROOT) + "  " + f.rule() + ": " + f.message());
        }
    }

    private static String describe(CrisisContext context) {
        List<String> parts = new ArrayList<>();
        for (ActiveIncident i : context.activeIncidents()) {
            parts.add(i.id().value() + " " + i.severity().jsonName() + (i.isCrisis() ? " (crisis)" : "") + (i.brandAtFault() ? ", brand at fault" : "")
                    + (context.sentReplies(i.id()).isEmpty() ? ", no reply sent yet"
                    : ", replies sent: " + context.sentReplies(i.id()).size()));
        }
        return parts.isEmpty() ? "no active incident" : String.join("; ", parts);
    }

    private static List<Mention> read(Path stream) throws IOException {
        FirebreakJson json = FirebreakJson.create();
        List<Mention> mentions = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(stream, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    mentions.add(json.readMention(line));
                } catch (RuntimeException e) {
                    throw new IOException(stream + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        if (mentions.isEmpty()) {
            throw new IOException(stream + " holds no mention");
        }
        return mentions;
    }

    private static Instant nextMinute(Instant t) {
        return Instant.ofEpochSecond((t.getEpochSecond() / 60 + 1) * 60);
    }

    /** A clock the replay moves with the data. */
    private static final class ReplayClock extends Clock {
        Instant now;

        ReplayClock(Instant start) {
            this.now = start;
        }

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
}
