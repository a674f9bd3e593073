package dev.firebreak.check.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Word lists compiled for matching against {@link Tokens}: every entry of every list is found in one
 * left-to-right pass over the tokens, with hash lookups on the first word of each entry. No regular
 * expressions: the only search is over the bounded gaps of an entry ({@value #MAX_GAPS} gaps of at
 * most {@value #GAP_WORDS} words), so the work per token is bounded whatever the input.
 *
 * <p>Entry syntax (one entry, already stripped of comments):
 * <ul>
 *   <li>{@code word} or {@code two words}: whole words in sequence, compared in their normal form (see
 *       {@link Tokens}); an apostrophe or hyphen inside a word splits it as in the text;</li>
 *   <li>{@code word*}: any word starting with {@code word} (at least two characters before {@code *});</li>
 *   <li>{@code *ing}: any longer word ending with {@code ing} (at least two characters after {@code *});</li>
 *   <li>{@code ..} between words: up to {@value #GAP_WORDS} other words in between;</li>
 *   <li>{@code <number>}: any number written in digits; {@code <time>}: an hour such as {@code 3pm},
 *       {@code 10am}, {@code 15h} or {@code 15h30}.</li>
 * </ul>
 */
public final class Lexicon {

    /** Words a {@code ..} gap may skip. */
    public static final int GAP_WORDS = 3;
    /** Gaps allowed in one entry. */
    public static final int MAX_GAPS = 2;
    /** Matches kept per list and text (further ones are only counted). */
    public static final int MAX_KEPT = 256;

    /**
     * One occurrence of a list entry in a text.
     *
     * @param list the list's name
     * @param entry the entry as written in the list
     * @param firstToken the index of the first matched token
     * @param lastToken the index of the last matched token
     * @param start where the match starts in the text (char index)
     * @param end where it ends (exclusive char index)
     */
    public record Match(String list, String entry, int firstToken, int lastToken, int start, int end) {
    }

    /** The matches of every list in one text. */
    public static final class Scan {
        private final Map<String, List<Match>> matches = new HashMap<>();
        private final Map<String, int[]> counts = new HashMap<>();
        private final Tokens tokens;

        Scan(Tokens tokens) {
            this.tokens = tokens;
        }

        /** The tokens scanned. */
        public Tokens tokens() {
            return tokens;
        }

        /** The first {@value #MAX_KEPT} non-overlapping matches of a list, in text order. */
        public List<Match> matches(String list) {
            return matches.getOrDefault(list, List.of());
        }

        /** How many non-overlapping matches the list has. */
        public int count(String list) {
            int[] c = counts.get(list);
            return c == null ? 0 : c[0];
        }

        /** Whether the list matched at all. */
        public boolean has(String list) {
            return count(list) > 0;
        }

        void add(Match m) {
            int[] c = counts.computeIfAbsent(m.list(), k -> new int[1]);
            c[0]++;
            List<Match> l = matches.computeIfAbsent(m.list(), k -> new ArrayList<>());
            if (l.size() < MAX_KEPT) {
                l.add(m);
            }
        }
    }

    private enum Kind { LITERAL, PREFIX, SUFFIX, GAP, NUMBER, TIME }

    private record Elem(Kind kind, String value) {
    }

    private record Pattern(String list, String entry, Elem[] elems) {
    }

    private final Map<String, List<Pattern>> byLiteral = new HashMap<>();
    private final Map<String, List<Pattern>> byPrefix = new HashMap<>();
    private final int[] prefixLengths;
    private final Map<String, List<Pattern>> bySuffix = new HashMap<>();
    private final int[] suffixLengths;
    private final List<Pattern> byNumber = new ArrayList<>();
    private final List<Pattern> byTime = new ArrayList<>();
    private final List<String> listOrder;

    private Lexicon(List<Pattern> patterns, List<String> lists) {
        TreeSet<Integer> lengths = new TreeSet<>();
        TreeSet<Integer> suffixes = new TreeSet<>();
        for (Pattern p : patterns) {
            Elem first = p.elems()[0];
            switch (first.kind()) {
                case LITERAL:
                    byLiteral.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(p);
                    break;
                case PREFIX:
                    byPrefix.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(p);
                    lengths.add(first.value().length());
                    break;
                case SUFFIX:
                    bySuffix.computeIfAbsent(first.value(), k -> new ArrayList<>()).add(p);
                    suffixes.add(first.value().length());
                    break;
                case NUMBER:
                    byNumber.add(p);
                    break;
                case TIME:
                    byTime.add(p);
                    break;
                default:
                    throw new IllegalStateException("entry cannot start with a gap: " + p.entry());
            }
        }
        prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        suffixLengths = suffixes.stream().mapToInt(Integer::intValue).toArray();
        listOrder = List.copyOf(lists);
    }

    /**
     * Compiles lists of entries.
     *
     * @param lists entries by list name, in the syntax of the class comment
     * @throws IllegalArgumentException naming the list and entry that cannot be read
     */
    public static Lexicon compile(Map<String, List<String>> lists) {
        List<Pattern> patterns = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            for (String entry : e.getValue()) {
                patterns.add(new Pattern(e.getKey(), entry, parse(e.getKey(), entry)));
            }
        }
        return new Lexicon(patterns, new ArrayList<>(lists.keySet()));
    }

    /**
     * Checks that an entry can be read, throwing an {@link IllegalArgumentException} that says why not.
     */
    public static void validate(String entry) {
        parse("", entry);
    }

    /** The list names, in the order they were given. */
    public List<String> lists() {
        return listOrder;
    }

    private static Elem[] parse(String list, String entry) {
        Objects.requireNonNull(entry, "entry");
        List<Elem> elems = new ArrayList<>();
        int gaps = 0;
        for (String piece : entry.strip().split("\\s+")) {
            if (piece.isEmpty()) {
                continue;
            }
            if (piece.equals("..")) {
                if (elems.isEmpty() || elems.get(elems.size() - 1).kind() == Kind.GAP) {
                    throw bad(list, entry, "'..' must stand between two words");
                }
                gaps++;
                elems.add(new Elem(Kind.GAP, ".."));
                continue;
            }
            if (piece.equals("<number>")) {
                elems.add(new Elem(Kind.NUMBER, piece));
                continue;
            }
            if (piece.equals("<time>")) {
                elems.add(new Elem(Kind.TIME, piece));
                continue;
            }
            if (piece.length() > 1 && piece.startsWith("*")) {
                Tokens t = Tokens.of(piece.substring(1));
                if (t.size() != 1 || t.end(0) != piece.length() - 1 || t.norm(0).length() < 2) {
                    throw bad(list, entry, "a suffix needs at least two letters or digits after '*', as in '*ing'");
                }
                elems.add(new Elem(Kind.SUFFIX, t.norm(0)));
                continue;
            }
            boolean prefix = piece.length() > 1 && piece.endsWith("*");
            String core = prefix ? piece.substring(0, piece.length() - 1) : piece;
            Tokens t = Tokens.of(core);
            if (t.size() == 0) {
                throw bad(list, entry, "'" + piece + "' holds no word, number or symbol");
            }
            for (int i = 0; i < t.size(); i++) {
                boolean last = i == t.size() - 1;
                if (prefix && last) {
                    if (t.norm(i).codePointCount(0, t.norm(i).length()) < 2) {
                        throw bad(list, entry, "a prefix needs at least two characters before '*'");
                    }
                    elems.add(new Elem(Kind.PREFIX, t.norm(i)));
                } else {
                    elems.add(new Elem(Kind.LITERAL, t.norm(i)));
                }
            }
        }
        if (elems.isEmpty()) {
            throw bad(list, entry, "empty entry");
        }
        if (elems.get(elems.size() - 1).kind() == Kind.GAP) {
            throw bad(list, entry, "'..' must stand between two words");
        }
        if (gaps > MAX_GAPS) {
            throw bad(list, entry, "at most " + MAX_GAPS + " '..' gaps per entry");
        }
        return elems.toArray(new Elem[0]);
    }

    private static IllegalArgumentException bad(String list, String entry, String why) {
        String where = list.isEmpty() ? "" : "list [" + list + "] ";
        return new IllegalArgumentException(where + "entry '" + entry + "': " + why);
    }

    /** Finds every list's non-overlapping matches: at each position the longest match of a list wins. */
    public Scan scan(Tokens t) {
        Scan scan = new Scan(t);
        Map<String, Integer> nextFree = new HashMap<>();
        Map<String, Match> best = new LinkedHashMap<>();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            best.clear();
            String norm = t.norm(i);
            consider(byLiteral.get(norm), t, i, best);
            for (int len : prefixLengths) {
                if (norm.length() >= len) {
                    consider(byPrefix.get(norm.substring(0, len)), t, i, best);
                }
            }
            for (int len : suffixLengths) {
                if (norm.length() > len) {
                    consider(bySuffix.get(norm.substring(norm.length() - len)), t, i, best);
                }
            }
            if (!byNumber.isEmpty() && t.isNumber(i)) {
                consider(byNumber, t, i, best);
            }
            if (!byTime.isEmpty() && t.isTime(i)) {
                consider(byTime, t, i, best);
            }
            for (Match m : best.values()) {
                Integer free = nextFree.get(m.list());
                if (free == null || i >= free) {
                    scan.add(m);
                    nextFree.put(m.list(), m.lastToken() + 1);
                }
            }
        }
        return scan;
    }

    private static void consider(List<Pattern> patterns, Tokens t, int i, Map<String, Match> best) {
        if (patterns == null) {
            return;
        }
        for (Pattern p : patterns) {
            if (!matches(p.elems()[0], t, i)) {
                continue;
            }
            int last = matchFrom(p.elems(), 1, t, i + 1);
            if (last < 0) {
                continue;
            }
            Match current = best.get(p.list());
            if (current == null || last > current.lastToken()) {
                best.put(p.list(), new Match(p.list(), p.entry(), i, last, t.start(i), t.end(last)));
            }
        }
    }

    private static int matchFrom(Elem[] elems, int ei, Tokens t, int ti) {
        if (ei == elems.length) {
            return ti - 1;
        }
        Elem e = elems[ei];
        if (e.kind() == Kind.GAP) {
            for (int skip = 0; skip <= GAP_WORDS && ti + skip < t.size(); skip++) {
                int r = matchFrom(elems, ei + 1, t, ti + skip);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        if (ti >= t.size() || !matches(e, t, ti)) {
            return -1;
        }
        return matchFrom(elems, ei + 1, t, ti + 1);
    }

    private static boolean matches(Elem e, Tokens t, int i) {
        switch (e.kind()) {
            case LITERAL:
                return t.norm(i).equals(e.value());
            case PREFIX:
                return t.norm(i).startsWith(e.value());
            case SUFFIX:
                return t.norm(i).length() > e.value().length() && t.norm(i).endsWith(e.value());
            case NUMBER:
                return t.isNumber(i);
            case TIME:
                return t.isTime(i);
            default:
                return false;
        }
    }
}
