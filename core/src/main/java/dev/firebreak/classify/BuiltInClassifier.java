package dev.firebreak.classify;

import dev.firebreak.classify.internal.Analyzer;
import dev.firebreak.classify.internal.Lexicon;
import dev.firebreak.mention.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The classifier that works out of the box, with no training: lexicons and rules in resource files,
 * for English, French, German, Spanish, Italian, Portuguese, Norwegian (Bokmål and Nynorsk), Chinese
 * (simplified, traditional read too), Arabic and Hindi (Devanagari and romanised).
 *
 * <ul>
 *   <li>Language: script, then stop words, lexicon words (a word only one language uses, such as
 *       "worst", counts as much as a stop word, so short texts get their language too) and letters such
 *       as ñ, ß or ø; the mention's {@code lang} is only a hint. Other languages are reported as {@link Language#UNDETERMINED} with a
 *       low confidence and classified as neutral (only emoji and emoticons count).</li>
 *   <li>Sentiment: lexicon valences with negation ("not good", "pas bon", "ikke bra", "不好", Hindi
 *       "accha nahi hai"), hedges that weaken rather than negate ("not sure", "pas sûr"), questions whether
 *       something is good, whose praise counts little ("Is it good?", but not "Who else loves this?"), intensifiers
 *       and dampeners, contrast (the clause after "but" weighs more), emoji and emoticons, elongation
 *       ("sooo"), exclamation marks, words in capitals, hashtags (camel case split; a hashtag is a
 *       statement of its own, which a negation before it does not flip), and sarcasm
 *       ("thanks for nothing", "great, another delay"). {@code @handles} and URLs are skipped.</li>
 *   <li>Complaint: a score in [0, 1] from negativity, complaint cues and category terms.</li>
 *   <li>Categories: the {@link Category#BUILT_IN} ones (and any a user lexicon adds), each backed by
 *       {@code category_term} signals naming the words that fired.</li>
 * </ul>
 *
 * <p>Extend or override the lexicons per brand, without rebuilding, with files in the format of
 * {@code docs/lexicon-format.md}:
 * <pre>{@code
 * MentionClassifier classifier = BuiltInClassifier.builder()
 *         .addLexicon(Path.of("acme-lexicon.txt"))   // product names, slang, domain words
 *         .build();
 * }</pre>
 *
 * <p>Only the first {@value dev.firebreak.classify.internal.Analyzer#MAX_CHARS} characters of a text are
 * read, and at most 10 signals and 10 categories are reported. Instances are immutable and thread-safe;
 * each thread that uses one keeps a reusable buffer of about 200 KB.
 */
public final class BuiltInClassifier implements MentionClassifier {

    private static final String RESOURCES = "/dev/firebreak/classify/lexicon/";

    /** The built-in lexicon files, in load order. */
    static final List<String> LEXICONS = List.of("common.txt", "en.txt", "fr.txt", "de.txt", "es.txt", "it.txt",
            "pt.txt", "nb.txt", "nn.txt", "zh.txt", "ar.txt", "hi.txt", "fr-corpus.txt", "nb-corpus.txt",
            "ar-corpus.txt");

    private final Analyzer analyzer;
    private final int lexiconSize;

    private BuiltInClassifier(Lexicon lexicon, double complaintThreshold) {
        this.analyzer = new Analyzer(lexicon, complaintThreshold);
        this.lexiconSize = lexicon.size();
    }

    /** The classifier with the built-in lexicons and default settings. */
    public static BuiltInClassifier create() {
        return builder().build();
    }

    /** A builder, to add user lexicons or change settings. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Classification classify(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        return analyzer.classify(mention.text(), mention.language());
    }

    /** Classifies a bare text, with no language hint. */
    public Classification classify(String text) {
        return analyzer.classify(Objects.requireNonNull(text, "text"), java.util.Optional.empty());
    }

    @Override
    public String toString() {
        return "BuiltInClassifier[" + lexiconSize + " terms]";
    }

    /** Options of a {@link BuiltInClassifier}; immutable settings are fixed by {@link #build()}. */
    public static final class Builder {

        private interface Source {
            void parse(Lexicon.Builder b) throws IOException;
        }

        private final List<Source> sources = new ArrayList<>();
        private boolean defaults = true;
        private double complaintThreshold = 0.5;

        private Builder() {
        }

        /**
         * Adds a lexicon file, read as UTF-8 when {@link #build()} runs. Its entries extend the built-in
         * lexicons and override them where they name the same term in the same language; {@code ignore}
         * lines remove built-in terms. Files are applied in the order they are added.
         *
         * @throws IllegalArgumentException if the file does not exist (checked here, read later)
         */
        public Builder addLexicon(Path file) {
            Objects.requireNonNull(file, "file");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("lexicon file not found: " + file);
            }
            sources.add(b -> {
                try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                        .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
                    b.parse(file.toString(), r);
                } catch (CharacterCodingException e) {
                    throw new LexiconFormatException(file.toString(), 0, "not valid UTF-8");
                }
            });
            return this;
        }

        /**
         * Adds a lexicon read from a reader when {@link #build()} runs (the reader is read once and not
         * closed).
         *
         * @param sourceName the name used in error messages, for example the file's name
         */
        public Builder addLexicon(String sourceName, Reader reader) {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(reader, "reader");
            sources.add(b -> b.parse(sourceName, reader));
            return this;
        }

        /**
         * Whether to load the built-in lexicons (default {@code true}); without them only the added
         * lexicons are used.
         */
        public Builder builtInLexicons(boolean load) {
            this.defaults = load;
            return this;
        }

        /**
         * The complaint score from which a mention is called a complaint.
         *
         * @param threshold in (0, 1]; default 0.5
         */
        public Builder complaintThreshold(double threshold) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("complaintThreshold must be in (0, 1], was " + threshold);
            }
            this.complaintThreshold = threshold;
            return this;
        }

        /**
         * Loads the lexicons and builds the classifier.
         *
         * @throws LexiconFormatException if a lexicon is malformed, naming the file, line and problem
         * @throws UncheckedIOException if a file cannot be read
         */
        public BuiltInClassifier build() {
            Lexicon.Builder b = new Lexicon.Builder();
            try {
                if (defaults) {
                    for (String name : LEXICONS) {
                        InputStream in = BuiltInClassifier.class.getResourceAsStream(RESOURCES + name);
                        if (in == null) {
                            throw new IllegalStateException("missing built-in lexicon " + RESOURCES + name);
                        }
                        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                            b.parse(name, r);
                        }
                    }
                }
                for (Source s : sources) {
                    s.parse(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a lexicon: " + e.getMessage(), e);
            }
            return new BuiltInClassifier(b.build(), complaintThreshold);
        }
    }
}
