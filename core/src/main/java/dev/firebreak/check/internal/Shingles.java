package dev.firebreak.check.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-duplicate detection for replies: a text becomes the set of its word pairs (normal forms), with
 * {@code @handles}, links and numbers left out so that a template personalised with a handle, an order
 * number or a link still reads as the same template; two texts are compared by the Jaccard similarity of
 * their sets.
 */
public final class Shingles {

    /** Only the first this many words of a text are used. */
    public static final int MAX_WORDS = 2000;

    private Shingles() {
    }

    /** The word pairs of a text (single words when it has only one). */
    public static Set<String> of(String text) {
        Tokens t = Tokens.of(text);
        List<TextScan.Handle> handles = TextScan.handles(text);
        List<TextScan.Link> links = TextScan.links(text);
        Set<String> out = new HashSet<>();
        String previous = null;
        int used = 0;
        for (int i = 0; i < t.size() && used < MAX_WORDS && i < 4 * MAX_WORDS; i++) {
            if (t.isNumber(i) || inside(t.start(i), handles, links)) {
                continue;
            }
            String w = t.norm(i);
            used++;
            if (previous != null) {
                out.add(previous + ' ' + w);
            }
            previous = w;
        }
        if (out.isEmpty() && previous != null) {
            out.add(previous);
        }
        return out;
    }

    /** Jaccard similarity of two sets, in [0, 1]; two empty sets are not similar (0). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    private static boolean inside(int pos, List<TextScan.Handle> handles, List<TextScan.Link> links) {
        for (TextScan.Handle h : handles) {
            if (pos >= h.start() && pos < h.end()) {
                return true;
            }
        }
        for (TextScan.Link l : links) {
            if (pos >= l.start() && pos < l.end()) {
                return true;
            }
        }
        return false;
    }
}
