package dev.firebreak.examples.cli;

import dev.firebreak.account.AccountRegistry;
import dev.firebreak.check.CheckJson;
import dev.firebreak.check.CheckWords;
import dev.firebreak.check.CrisisContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The optional files shared by {@code check-post} and {@code check-reply}: registry, context, word lists. */
final class CheckSetup {

    private CheckSetup() {
    }

    static AccountRegistry registry(Optional<Path> file, CheckJson json) throws IOException {
        if (file.isEmpty()) {
            return AccountRegistry.empty();
        }
        requireNotADirectory(file.get(), "registry");
        try (BufferedReader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            return json.readRegistry(in);
        } catch (NoSuchFileException e) {
            throw new IOException("registry file not found: " + file.get());
        } catch (IllegalArgumentException e) {
            throw new IOException("registry " + file.get() + ": " + e.getMessage(), e);
        }
    }

    static CheckJson.ContextFile context(Optional<Path> file, CheckJson json) throws IOException {
        if (file.isEmpty()) {
            return new CheckJson.ContextFile(CrisisContext.none(), Set.of(), Set.of());
        }
        requireNotADirectory(file.get(), "context");
        try {
            return json.readContext(Files.readString(file.get(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IOException("context file not found: " + file.get());
        } catch (IllegalArgumentException e) {
            throw new IOException("context " + file.get() + ": " + e.getMessage(), e);
        }
    }

    static CheckWords words(List<String> files) throws IOException {
        CheckWords w = CheckWords.defaults();
        for (String f : files) {
            requireNotADirectory(Path.of(f), "word list");
            try {
                w = w.withFile(Path.of(f));
            } catch (NoSuchFileException e) {
                throw new IOException("word list file not found: " + f);
            } catch (IllegalArgumentException e) {
                // a malformed file is a failure (exit 1), as a malformed --context or --registry is
                throw new IOException("word list " + e.getMessage(), e);
            }
        }
        return w;
    }

    private static void requireNotADirectory(Path file, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read the " + what + " file " + file + ": it is a directory");
        }
    }

    static final String COMMON_HELP = ""
            + "  --in F        input file (default: standard input)\n"
            + "  --out F       output file (default: standard output)\n"
            + "  --rejects F   also write the lines that could not be read there\n"
            + "  --context F   a JSON file with the crisis state: {\"incidents\": [{\"id\", \"brand\", \"severity\",\n"
            + "                \"hashtags\"?, \"brandAtFault\"?}], \"hashtagStats\": [{\"hashtag\", \"mentions\",\n"
            + "                \"negativeShare\"}], \"sentReplies\": {\"incident id\": [\"text\", ...]},\n"
            + "                \"watchHashtags\": [...], \"knownHandles\": [...]}; every part optional\n"
            + "  --words F     add a word-list file (repeatable; format in docs/checks.md)\n";

    static final String OUTPUT_HELP = ""
            + "Writes one line per input: {\"id\", \"ok\", \"findings\": [{\"rule\", \"severity\", \"message\", \"span\"?}]}.\n"
            + "ok is false when a finding has severity block; span is {\"start\", \"end\"} in UTF-16 code units.\n"
            + "Lines that cannot be read are reported on standard error as 'line N: ...' and skipped.\n"
            + "Exit code 0 if a line was processed (or the input was empty), 1 on failure, 2 on bad usage.\n";
}
