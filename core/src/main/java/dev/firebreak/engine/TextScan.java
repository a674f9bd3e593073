package dev.firebreak.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cheap, allocation-light scans of mention text: hashtags, outside links, and terms for alert details.
 * Single pass, no regular expressions, linear in the text's length (bounded by {@link #MAX_SCAN}).
 */
final class TextScan {

    /** Characters scanned at most; longer (hostile) text is scanned up to here. */
    static final int MAX_SCAN = 10_000;
    private static final int MAX_TAGS = 10;
    private static final int MAX_TAG_LENGTH = 64;

    private static final Set<String> SOCIAL_HOSTS = Set.of("twitter.com", "x.com", "t.co", "facebook.com", "fb.com",
            "fb.me", "instagram.com", "tiktok.com", "youtube.com", "youtu.be", "linkedin.com", "reddit.com");

    /** Short function words of the languages the demo and the built-in classifier read; not terms. */
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "you", "your", "are", "was", "with", "this", "that", "have", "has", "not", "but",
            "all", "just", "they", "their", "our", "out", "what", "who", "why", "how", "from", "about", "been",
            "will", "would", "can", "could", "again", "still", "get", "got", "its", "it's", "i'm", "don't", "any",
            "les", "des", "une", "est", "pas", "que", "qui", "pour", "dans", "avec", "sur", "mon", "mes", "vous",
            "nous", "ils", "plus", "tout", "encore", "der", "die", "das", "und", "ist", "nicht", "ein", "eine",
            "mit", "auf", "ich", "sie", "wir", "mein", "meine", "den", "dem", "von", "noch", "los", "las", "del",
            "por", "para", "con", "una", "mis", "nos", "pero", "como", "otra", "det", "som", "ikke", "jeg", "til",
            "har", "med", "min", "mitt", "igjen", "bare", "men", "http", "https", "www", "com");

    private TextScan() {
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * The hashtags in the text, lower-cased without {@code #}, at most 10, in order, no repeats: an immutable list of
     * none or one, else a mutable list.
     */
    static List<String> hashtags(String text) {
        int n = Math.min(text.length(), MAX_SCAN);
        int first = text.indexOf('#'); // a vectorised scan: most texts have no hashtag
        if (first < 0 || first >= n) {
            return List.of();
        }
        String one = null; // (the first tag: most texts with a tag have one, and need no ArrayList)
        List<String> out = null;
        for (int i = first; i < n; i++) {
            if (text.charAt(i) != '#' || i > 0 && isWordChar(text.charAt(i - 1))) {
                continue;
            }
            int j = i + 1;
            while (j < n && isWordChar(text.charAt(j)) && j - i <= MAX_TAG_LENGTH) {
                j++;
            }
            if (j > i + 1 && j - i <= MAX_TAG_LENGTH) {
                String tag = text.substring(i + 1, j).toLowerCase(Locale.ROOT);
                if (one == null) {
                    one = tag;
                    i = j - 1;
                    continue;
                }
                if (out == null) {
                    if (one.equals(tag)) {
                        i = j - 1;
                        continue;
                    }
                    out = new ArrayList<>(2);
                    out.add(one);
                }
                if (!out.contains(tag)) {
                    out.add(tag);
                    if (out.size() == MAX_TAGS) {
                        break;
                    }
                }
            }
            i = j - 1;
        }
        return out != null ? out : one != null ? List.of(one) : List.of();
    }

    /** Whether the text or the url links to a site that is not a social platform (a news story, say). */
    static boolean hasOutsideLink(String text) {
        int n = Math.min(text.length(), MAX_SCAN);
        int from = 0;
        while (from < n) {
            int i = text.indexOf("http", from);
            if (i < 0 || i >= n) {
                return false;
            }
            int s = text.indexOf("://", i);
            if (s < 0 || s > i + 5) {
                from = i + 4;
                continue;
            }
            int start = s + 3;
            int end = start;
            while (end < n && end < start + 255) {
                char c = text.charAt(end);
                if (c == '/' || c == ' ' || c == '?' || c == '#' || Character.isWhitespace(c)) {
                    break;
                }
                end++;
            }
            String host = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            if (!host.isEmpty() && !SOCIAL_HOSTS.contains(host)) {
                return true;
            }
            from = end;
        }
        return false;
    }

    /**
     * Counts the terms of a text into {@code counts}: words of 3 or more letters, lower-cased, without
     * stop words, numbers, links, handles, hashtags or the given excluded words.
     */
    static void countTerms(String text, Collection<String> excluded, Map<String, Integer> counts) {
        int n = Math.min(text.length(), MAX_SCAN);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            char before = i > 0 ? text.charAt(i - 1) : ' ';
            int j = i;
            boolean letters = false;
            while (j < n && (isWordChar(text.charAt(j)) || text.charAt(j) == '\'')) {
                letters |= Character.isLetter(text.charAt(j));
                j++;
            }
            boolean skip = before == '@' || before == '#' || before == '/' || before == '.' || !letters
                    || j - i < 3 || j - i > 40;
            if (!skip) {
                String w = text.substring(i, j).toLowerCase(Locale.ROOT);
                if (!STOP.contains(w) && !excluded.contains(w)) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
            i = j;
        }
    }

    /** The {@code k} most frequent keys, most frequent first, ties by key. */
    static List<String> top(Map<String, Integer> counts, int k) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        List<String> out = new ArrayList<>(Math.min(k, entries.size()));
        for (int i = 0; i < entries.size() && i < k; i++) {
            out.add(entries.get(i).getKey());
        }
        return out;
    }

    /** Top terms of several texts. */
    static List<String> topTerms(Iterable<String> texts, Collection<String> excluded, int k) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : texts) {
            countTerms(t, excluded, counts);
        }
        return top(counts, k);
    }
}
