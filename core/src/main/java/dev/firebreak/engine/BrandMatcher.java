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
        List<String> tokens = tokens(m.text());
        List<Match> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            List<Entry> entries = words.get(tokens.get(i));
            if (entries == null) {
                continue;
            }
            for (Entry e : entries) {
                if (!phraseAt(tokens, i, e.rest)) {
                    continue;
                }
                if (out == null) {
                    out = new ArrayList<>(1);
                }
                int found = -1;
                for (int j = 0; j < out.size(); j++) {
                    if (out.get(j).runtime() == e.runtime) {
                        found = j;
                    }
                }
                if (found < 0) {
                    out.add(new Match(e.runtime, !e.handle));
                } else if (e.handle && out.get(found).keywordOnly()) {
                    out.set(found, new Match(e.runtime, false));
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean phraseAt(List<String> tokens, int i, String[] rest) {
        for (int k = 0; k < rest.length; k++) {
            if (i + 1 + k >= tokens.size() || !tokens.get(i + 1 + k).equals(rest[k])) {
                return false;
            }
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
