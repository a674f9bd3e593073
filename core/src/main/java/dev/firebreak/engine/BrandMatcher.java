package dev.firebreak.engine;

import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the brands a mention is about: by its {@code brand} field, by the account that posted it, or by
 * handles and keywords in its text as whole words (one pass over the text, one hash lookup per word).
 * Immutable after construction; safe to share between threads.
 */
final class BrandMatcher {

    /** A brand a mention matched, and whether only a keyword matched (language filter applies). */
    record Match(BrandRuntime runtime, boolean keywordOnly) {
    }

    private static final class Entry {
        final BrandRuntime runtime;
        final String[] rest;
        final boolean handle;

        Entry(BrandRuntime runtime, String[] rest, boolean handle) {
            this.runtime = runtime;
            this.rest = rest;
            this.handle = handle;
        }
    }

    private final Map<String, BrandRuntime> byName = new HashMap<>();
    /**
     * The brand names again, for {@link #direct}: an open-addressing table of {@code hash << 32 | (brand + 1)}
     * over the names' characters laid end to end ({@code chars} from {@code ends[brand - 1]} to {@code ends[brand]}).
     * Every mention with a brand field is looked up here; these few small arrays stay in cache where a
     * {@code HashMap} lookup read a cold node, key string and key bytes (EngineCpuTime).
     */
    private final long[] nameSlots;
    private final char[] nameChars;
    private final int[] nameEnds;
    private final BrandRuntime[] nameRuntimes;
    /** The brands' own accounts: platform name, then account, to the brand. */
    private final Map<String, Map<String, BrandRuntime>> owned = new HashMap<>();
    private final Map<String, List<Entry>> words = new HashMap<>();
    /** The hashes of the keys of {@link #words}, to pass over most words of a text without a lower-cased copy. */
    private final HashSetOfInts firstHashes;

    BrandMatcher(List<BrandRuntime> runtimes) {
        for (BrandRuntime rt : runtimes) {
            Brand b = rt.brand;
            byName.put(b.name(), rt);
            b.ownedAccounts().forEach((platform, accounts) -> {
                for (String a : accounts) {
                    owned.computeIfAbsent(platform.name(), k -> new HashMap<>()).put(a, rt);
                    index(a, rt, true);
                }
            });
            for (String h : b.handles()) {
                index(h, rt, true);
            }
            for (String k : b.keywords()) {
                index(k, rt, false);
            }
        }
        firstHashes = new HashSetOfInts(words.keySet());
        int n = runtimes.size();
        int cap = Integer.highestOneBit(Math.max(4, n * 4) - 1) << 1;
        nameSlots = new long[cap];
        nameEnds = new int[n];
        nameRuntimes = new BrandRuntime[n];
        StringBuilder all = new StringBuilder();
        for (int e = 0; e < n; e++) {
            BrandRuntime rt = runtimes.get(e);
            String name = rt.brand.name();
            all.append(name);
            nameEnds[e] = all.length();
            nameRuntimes[e] = rt;
            int h = name.hashCode();
            int i = slotOf(h, cap - 1);
            while (nameSlots[i] != 0) {
                i = (i + 1) & (cap - 1);
            }
            nameSlots[i] = (long) h << 32 | (e + 1L);
        }
        nameChars = all.toString().toCharArray();
    }

    /** A set of ints (the hashes of some strings): open addressing, read-only after construction. */
    private static final class HashSetOfInts {
        private final int[] slots;
        private final boolean hasZero;

        HashSetOfInts(java.util.Collection<String> strings) {
            int cap = Integer.highestOneBit(Math.max(4, strings.size() * 4) - 1) << 1;
            slots = new int[cap];
            boolean zero = false;
            for (String x : strings) {
                int h = x.hashCode();
                if (h == 0) {
                    zero = true;
                    continue;
                }
                int i = slotOf(h, cap - 1);
                while (slots[i] != 0 && slots[i] != h) {
                    i = (i + 1) & (cap - 1);
                }
                slots[i] = h;
            }
            hasZero = zero;
        }

        boolean contains(int h) {
            if (h == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = slotOf(h, mask); ; i = (i + 1) & mask) {
                int x = slots[i];
                if (x == h) {
                    return true;
                }
                if (x == 0) {
                    return false;
                }
            }
        }
    }

    private static int slotOf(int h, int mask) {
        return (h * 0x9E3779B9) >>> 7 & mask;
    }

    /** The brand with exactly this name (no normalising), or null. */
    private BrandRuntime exactly(String name) {
        int h = name.hashCode();
        long[] slots = nameSlots;
        int mask = slots.length - 1;
        for (int i = slotOf(h, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return null;
            }
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                int from = e == 0 ? 0 : nameEnds[e - 1];
                int len = nameEnds[e] - from;
                if (name.length() == len) {
                    char[] cs = nameChars;
                    int k = 0;
                    while (k < len && name.charAt(k) == cs[from + k]) {
                        k++;
                    }
                    if (k == len) {
                        return nameRuntimes[e];
                    }
                }
            }
        }
    }

    private void index(String phrase, BrandRuntime rt, boolean handle) {
        List<String> tokens = tokens(phrase);
        if (tokens.isEmpty()) {
            return;
        }
        String[] rest = tokens.subList(1, tokens.size()).toArray(new String[0]);
        words.computeIfAbsent(tokens.get(0), k -> new ArrayList<>(1)).add(new Entry(rt, rest, handle));
    }

    /** The brand with this name, or null. */
    BrandRuntime byName(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The brands the mention is about, each once; empty if none. */
    List<Match> match(Mention m) {
        BrandRuntime rt = direct(m);
        return rt != null ? rt.direct : byWords(m);
    }

    /**
     * The one brand a mention is addressed to, by its brand field or by the brand's own account that posted it,
     * or null: then {@link #byWords} finds its brands. (The engine asks this first: no list is read for most
     * mentions.)
     */
    BrandRuntime direct(Mention m) {
        if (m.brand().isPresent()) {
            String name = m.brand().get();
            BrandRuntime rt = exactly(name); // names are kept stripped and lower-cased: most arrive so
            if (rt == null) {
                rt = byName.get(name.strip().toLowerCase(Locale.ROOT));
            }
            if (rt != null) {
                return rt;
            }
        }
        if (!owned.isEmpty()) {
            Map<String, BrandRuntime> accounts = owned.get(m.platform().name());
            if (accounts == null) {
                return null;
            }
            BrandRuntime rt = null;
            if (!m.author().handle().isEmpty()) {
                rt = accounts.get(m.author().handle().toLowerCase(Locale.ROOT));
            }
            if (rt == null && !m.author().id().isEmpty()) {
                rt = accounts.get(m.author().id().toLowerCase(Locale.ROOT));
            }
            return rt;
        }
        return null;
    }

    /** The brands whose handles or keywords the text holds as whole words, each once; empty if none. */
    List<Match> byWords(Mention m) {
        if (words.isEmpty()) {
            return List.of();
        }
        // the words of the text one at a time, as tokens() cuts them; a word's lower-cased copy is made only when
        // its hash is one of a first word's (a list of every word's copy was most of this call's cost)
        String text = m.text();
        int n = Math.min(text.length(), TextScan.MAX_SCAN);
        List<Match> out = null;
        int i = 0;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isWordChar(text.charAt(j))) {
                j++;
            }
            List<Entry> entries = firstHashes.contains(lowerHash(text, i, j))
                    ? words.get(text.substring(i, j).toLowerCase(Locale.ROOT)) : null;
            if (entries != null) {
                for (Entry e : entries) {
                    if (!phraseAfter(text, j, n, e.rest)) {
                        continue;
                    }
                    if (out == null) {
                        out = new ArrayList<>(1);
                    }
                    int found = -1;
                    for (int k = 0; k < out.size(); k++) {
                        if (out.get(k).runtime() == e.runtime) {
                            found = k;
                        }
                    }
                    if (found < 0) {
                        out.add(new Match(e.runtime, !e.handle));
                    } else if (e.handle && out.get(found).keywordOnly()) {
                        out.set(found, new Match(e.runtime, false));
                    }
                }
            }
            i = j;
        }
        return out == null ? List.of() : out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** {@code text.substring(from, to).toLowerCase(Locale.ROOT).hashCode()}, without the copies for ASCII. */
    private static int lowerHash(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 0x80) {
                return text.substring(from, to).toLowerCase(Locale.ROOT).hashCode();
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return h;
    }

    /** Whether the words of the text after {@code from} (up to {@code n}) begin with {@code rest}. */
    private static boolean phraseAfter(String text, int from, int n, String[] rest) {
        int i = from;
        for (String word : rest) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return false;
            }
            int j = i + 1;
            while (j < n && isWordChar(text.charAt(j))) {
                j++;
            }
            if (!text.substring(i, j).toLowerCase(Locale.ROOT).equals(word)) {
                return false;
            }
            i = j;
        }
        return true;
    }

    /** The lower-cased words of a text: runs of letters, digits and {@code _}. */
    static List<String> tokens(String text) {
        int n = Math.min(text.length(), TextScan.MAX_SCAN);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            out.add(text.substring(i, j).toLowerCase(Locale.ROOT));
            i = j;
        }
        return out;
    }
}
