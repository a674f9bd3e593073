package dev.firebreak.check;

import dev.firebreak.check.internal.Lexicon;
import dev.firebreak.check.internal.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists the checks use (sensitive topics, promotional and cheerful words, apologies, blame,
 * jargon, next steps...), immutable. {@link #defaults()} holds the lists shipped with Firebreak, in the
 * resource files {@code dev/firebreak/check/*.words}; a team adds its own per brand with
 * {@link #withFile(Path)} or {@link #withText(String, String)}, without rebuilding.
 *
 * <h2>File format</h2>
 * UTF-8 text, one entry per line:
 * <pre>
 * # a comment (a line starting with #; " #" later on a line starts a comment too)
 * [sensitive.religion]        a section: the entries below belong to this list
 * pray for                    words in sequence, whole words, case and accents ignored
 * terror*                     a word starting with "terror"
 * *aremos                     a longer word ending with "aremos" (enviaremos, llamaremos)
 * due to .. glitch*           ".." lets up to 3 other words stand in between (at most 2 per entry)
 * within &lt;number&gt; hours       &lt;number&gt; is any number in digits; &lt;time&gt; an hour: 3pm, 15h, 15h30
 * -crusade                    removes an entry added before (a built-in one that misfires for your brand)
 * </pre>
 * Apostrophes and hyphens split words as in the text ({@code we're} is {@code we re}); an emoji is a word
 * of its own; Chinese is matched character by character, so {@code 地震} needs no spaces. List names are
 * 1 to 64 characters of {@code a-z}, {@code 0-9}, {@code .} and {@code -}. The lists the built-in rules read
 * are listed in docs/checks.md; any other name is kept for custom rules ({@link #find(String, String)}), and
 * a list named {@code sensitive.<topic>} adds a topic to the sensitive-topic check.
 */
public final class CheckWords {

    /** The built-in resource files, loaded in this order. */
    static final List<String> RESOURCES = List.of("sensitive.words", "posts.words", "replies.words");

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final int MAX_LINE = 500;

    private final Map<String, List<String>> lists;
    private final Lexicon lexicon;

    private CheckWords(Map<String, List<String>> lists) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lists.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        this.lists = Collections.unmodifiableMap(copy);
        this.lexicon = Lexicon.compile(this.lists);
    }

    private static final class Defaults {
        static final CheckWords INSTANCE = loadDefaults();
    }

    /** The lists shipped with Firebreak. */
    public static CheckWords defaults() {
        return Defaults.INSTANCE;
    }

    /** No lists at all: the built-in word-based rules find nothing. */
    public static CheckWords empty() {
        return new CheckWords(Map.of());
    }

    private static CheckWords loadDefaults() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String r : RESOURCES) {
            try (InputStream in = CheckWords.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("built-in word list " + r + " is missing from the classpath");
                }
                parse(r, new String(in.readAllBytes(), StandardCharsets.UTF_8), lists);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in word list " + r, e);
            }
        }
        return new CheckWords(lists);
    }

    /**
     * These lists plus the entries of a file in the format of the class comment.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line that cannot be understood
     */
    public CheckWords withFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return withText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * These lists plus the entries of a text in the format of the class comment.
     *
     * @param source a name for error messages, such as a file name
     * @throws IllegalArgumentException naming the source and line that cannot be understood
     */
    public CheckWords withText(String source, String content) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lists.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        parse(source, content, copy);
        return new CheckWords(copy);
    }

    /** The names of the lists, in the order they were first seen. */
    public Set<String> lists() {
        return lists.keySet();
    }

    /** The entries of a list, as written; empty for an unknown list. */
    public List<String> entries(String list) {
        return lists.getOrDefault(list, List.of());
    }

    /** Where a list's entries occur in a text (non-overlapping, longest first at each place, in text order). */
    public List<WordMatch> find(String list, String text) {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(text, "text");
        if (!lists.containsKey(list)) {
            return List.of();
        }
        List<WordMatch> out = new ArrayList<>();
        for (Lexicon.Match m : lexicon.scan(Tokens.of(text)).matches(list)) {
            out.add(new WordMatch(m.list(), m.entry(), new TextSpan(m.start(), m.end())));
        }
        return out;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    private static void parse(String source, String content, Map<String, List<String>> into) {
        String section = null;
        String[] lines = content.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + ":" + (i + 1) + ": ";
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException(where + "line longer than " + MAX_LINE + " characters");
            }
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(where + "a section header looks like [list.name]");
                }
                section = line.substring(1, line.length() - 1).strip();
                if (!LIST_NAME.matcher(section).matches()) {
                    throw new IllegalArgumentException(where + "list name must be 1 to 64 characters of a-z, 0-9, '.' "
                            + "and '-', was '" + section + "'");
                }
                into.computeIfAbsent(section, k -> new ArrayList<>());
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException(where + "entry before any [list] section");
            }
            boolean remove = line.startsWith("-") && line.length() > 1;
            String entry = (remove ? line.substring(1) : line).strip().replaceAll("\\s+", " ");
            try {
                Lexicon.validate(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            List<String> list = into.get(section);
            if (remove) {
                list.remove(entry);
            } else if (!list.contains(entry)) {
                list.add(entry);
            }
        }
    }

    @Override
    public String toString() {
        return "CheckWords" + lists.keySet();
    }
}
