package dev.firebreak.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How handles are compared for imitation: a skeleton where look-alike characters are the same. */
final class HandleSkeleton {

    /** Handles longer than this are not compared (no real handle is that long). */
    static final int MAX_LENGTH = 64;

    private HandleSkeleton() {
    }

    /** Lower case, separators dropped: what the handle is without {@code _ . -}. */
    static String plain(String handle) {
        StringBuilder sb = new StringBuilder(handle.length());
        for (int i = 0; i < handle.length() && i < MAX_LENGTH * 2; i++) {
            char c = Character.toLowerCase(handle.charAt(i));
            if (!isSeparator(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean hasSeparator(String handle) {
        for (int i = 0; i < handle.length(); i++) {
            if (isSeparator(handle.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '.' || c == '-' || c == ' ' || c == '\u00B7';
    }

    /**
     * The skeleton: accents removed, look-alike characters mapped to one ({@code 0} to {@code o};
     * {@code 1}, {@code i}, {@code |} and {@code !} to {@code l}; {@code rn} to {@code m}; {@code vv} to
     * {@code w}; Cyrillic and Greek letters to the Latin ones they look like), separators dropped.
     */
    static String skeleton(String handle) {
        String folded = Normalizer.normalize(handle.length() > MAX_LENGTH * 2 ? handle.substring(0, MAX_LENGTH * 2)
                : handle, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || isSeparator(c)) {
                continue;
            }
            sb.append(map(c));
        }
        String s = sb.toString();
        if (s.indexOf("rn") >= 0) {
            s = s.replace("rn", "m");
        }
        if (s.indexOf("vv") >= 0) {
            s = s.replace("vv", "w");
        }
        return s;
    }

    private static char map(char c) {
        switch (c) {
            case '0': case '\u043E': case '\u03BF': return 'o';
            case '1': case 'i': case '|': case '!': case '\u0456': case '\u03B9': case '\u0131': return 'l';
            case '3': case '\u0435': return 'e';
            case '4': case '@': case '\u0430': case '\u03B1': return 'a';
            case '5': case '$': case '\u0455': return 's';
            case '7': case '\u03C4': return 't';
            case '8': return 'b';
            case '\u0440': case '\u03C1': return 'p';
            case '\u0441': return 'c';
            case '\u0443': return 'y';
            case '\u0445': case '\u03C7': return 'x';
            case '\u0458': return 'j';
            case '\u043A': case '\u03BA': return 'k';
            case '\u043D': return 'h';
            case '\u03BD': return 'v';
            default: return c;
        }
    }

    /** The skeleton with added words removed from its start or end (up to two), the skeleton itself included. */
    static List<String> withoutAddedWords(String skeleton, Set<String> wordSkeletons) {
        List<String> out = new ArrayList<>();
        out.add(skeleton);
        for (int round = 0; round < 2; round++) {
            int size = out.size();
            for (int k = 0; k < size; k++) {
                String s = out.get(k);
                for (String w : wordSkeletons) {
                    if (s.length() > w.length() + 2) {
                        if (s.startsWith(w)) {
                            add(out, s.substring(w.length()));
                        }
                        if (s.endsWith(w)) {
                            add(out, s.substring(0, s.length() - w.length()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String s) {
        if (!out.contains(s) && out.size() < 64) {
            out.add(s);
        }
    }

    /** The optimal-string-alignment distance (edits and swaps of neighbours), or {@code limit + 1} if above it. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
