package dev.firebreak.examples.cli;

import dev.firebreak.check.ActiveIncident;
import dev.firebreak.check.CheckJson;
import dev.firebreak.check.CrisisContext;
import dev.firebreak.check.HashtagStats;
import dev.firebreak.check.ReplyChecker;
import dev.firebreak.check.ReplyDraft;
import dev.firebreak.incident.IncidentId;
import java.io.BufferedReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code check-reply}: checks reply drafts before they are sent. */
final class CheckReplyCommand implements Command {

    @Override
    public String name() {
        return "check-reply";
    }

    @Override
    public String summary() {
        return "check reply drafts before they are sent (blame, arguing, jargon, apology, next step, canned text)";
    }

    @Override
    public String help() {
        return "usage: firebreak check-reply [--in F] [--out F] [--rejects F] [--context F] [--words F]...\n"
                + "                             [--independent]\n"
                + "\n"
                + "Reads reply drafts, one JSON object per line: {\"id\", \"incidentId\"?, \"inReplyTo\"?, \"text\"}.\n"
                + "Drafts earlier in the input count as already sent in their incident, so the same text pasted\n"
                + "to many people is caught even without --context.\n"
                + "\n"
                + CheckSetup.COMMON_HELP
                + "  --independent check each draft on its own: earlier drafts do not count as sent\n"
                + "\n"
                + CheckSetup.OUTPUT_HELP;
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "out", "rejects", "context", "words");
    }

    @Override
    public Set<String> flags() {
        return Set.of("independent");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        CheckJson json = CheckJson.create();
        CrisisContext base = CheckSetup.context(args.path("context"), json).crisis();
        ReplyChecker checker = ReplyChecker.builder().words(CheckSetup.words(args.values("words"))).build();
        boolean batch = !args.flag("independent");
        Map<IncidentId, List<String>> sentInInput = new HashMap<>();
        CrisisContext context = batch ? new WithDraftsSent(base, sentInInput) : base;
        JsonLines.Result result;
        try (BufferedReader in = Streams.reader(args.path("in"), io);
                Writer out = Streams.writer(args.path("out"), io)) {
            result = JsonLines.forEach(in, args.path("rejects"), io, (line, n) -> {
                ReplyDraft d = json.readDraft(line);
                Streams.writeLine(out, json.writeResult(checker.check(d, context)));
                if (batch && d.incidentId().isPresent()) {
                    sentInInput.computeIfAbsent(d.incidentId().get(), k -> new ArrayList<>()).add(d.text());
                }
            });
        }
        return result.exitCode();
    }

    /** The context of the file, plus the drafts read so far counted as sent. */
    private static final class WithDraftsSent implements CrisisContext {
        private final CrisisContext base;
        private final Map<IncidentId, List<String>> sent;

        WithDraftsSent(CrisisContext base, Map<IncidentId, List<String>> sent) {
            this.base = base;
            this.sent = sent;
        }

        @Override
        public List<ActiveIncident> activeIncidents() {
            return base.activeIncidents();
        }

        @Override
        public Optional<HashtagStats> hashtagStats(String hashtag) {
            return base.hashtagStats(hashtag);
        }

        @Override
        public List<String> sentReplies(IncidentId incident) {
            List<String> more = sent.get(incident);
            if (more == null) {
                return base.sentReplies(incident);
            }
            List<String> all = new ArrayList<>(base.sentReplies(incident));
            all.addAll(more);
            return all;
        }
    }
}
