package dev.firebreak.examples.cli;

import dev.firebreak.check.CheckJson;
import dev.firebreak.check.PostChecker;
import java.io.BufferedReader;
import java.io.Writer;
import java.util.Set;

/** {@code check-post}: checks planned posts before they are published. */
final class CheckPostCommand implements Command {

    @Override
    public String name() {
        return "check-post";
    }

    @Override
    public String summary() {
        return "check planned posts before they go out (topics, hashtags, account, links, crisis mode)";
    }

    @Override
    public String help() {
        return "usage: firebreak check-post [--in F] [--out F] [--rejects F] [--registry F] [--context F]\n"
                + "                            [--words F]... [--watch TAG]...\n"
                + "\n"
                + "Reads planned posts, one JSON object per line: {\"id\", \"account\", \"text\", \"hashtags\"?, \"links\"?,\n"
                + "\"poster\"?, \"approvedBy\"?, \"brand\"?}. The account is \"platform:handle\" or a handle.\n"
                + "\n"
                + CheckSetup.COMMON_HELP
                + "  --registry F  the brand's accounts, one JSON object per line: {\"platform\", \"handle\", \"brand\",\n"
                + "                \"owner\", \"delegates\"?}; enables the account and handle checks\n"
                + "  --watch TAG   add a hashtag to the watch list (repeatable)\n"
                + "\n"
                + CheckSetup.OUTPUT_HELP;
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "out", "rejects", "registry", "context", "words", "watch");
    }

    @Override
    public int run(Args args, CliIO io) throws Exception {
        args.requireNoPositional();
        CheckJson json = CheckJson.create();
        CheckJson.ContextFile context = CheckSetup.context(args.path("context"), json);
        PostChecker checker;
        try {
            checker = PostChecker.builder()
                    .registry(CheckSetup.registry(args.path("registry"), json))
                    .crisisContext(context.crisis())
                    .words(CheckSetup.words(args.values("words")))
                    .watchHashtags(context.watchHashtags())
                    .watchHashtags(args.values("watch"))
                    .knownHandles(context.knownHandles())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        JsonLines.Result result;
        try (BufferedReader in = Streams.reader(args.path("in"), io);
                Writer out = Streams.writer(args.path("out"), io)) {
            result = JsonLines.forEach(in, args.path("rejects"), io,
                    (line, n) -> Streams.writeLine(out, json.writeResult(checker.check(json.readPost(line)))));
        }
        return result.exitCode();
    }
}
