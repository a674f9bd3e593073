package dev.firebreak.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The matcher's allocation-light lookups find what the plain ones they replaced found: a brand field through
 * the flat name table as through a map, and handles and keywords in a text word by word as through the list
 * of the text's lower-cased words (kept here as the reference).
 */
class BrandMatcherTest {

    private static final String[] WORDS = {"kestrel", "coffee", "oriole", "bank", "café", "straße", "İstanbul",
        "ÉCLAIR", "x", "menu", "the", "a_b", "k2", "σίγμα"};
    private static final String[] GLUE = {" ", "  ", ", ", "! ", " @", " #", "-", "'", "\n", "…"};

    private static String word(Random rnd) {
        String w = WORDS[rnd.nextInt(WORDS.length)];
        switch (rnd.nextInt(4)) {
            case 0:
                return w.toUpperCase(Locale.ROOT);
            case 1:
                return Character.toUpperCase(w.charAt(0)) + w.substring(1);
            default:
                return w;
        }
    }

    private static String phrase(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(word(rnd));
        }
        return sb.toString();
    }

    /** What byWords returned before: the brands of the text's lower-cased word list, each once. */
    private static List<BrandMatcher.Match> reference(List<BrandRuntime> runtimes, String text) {
        Map<String, List<Object[]>> index = new HashMap<>(); // first word -> {runtime, rest, handle}
        for (BrandRuntime rt : runtimes) {
            List<String[]> phrases = new ArrayList<>();
            for (java.util.Set<String> accounts : rt.brand.ownedAccounts().values()) {
                for (String a : accounts) {
                    phrases.add(new String[] {a, "h"});
                }
            }
            for (String h : rt.brand.handles()) {
                phrases.add(new String[] {h, "h"});
            }
            for (String k : rt.brand.keywords()) {
                phrases.add(new String[] {k, "k"});
            }
            for (String[] p : phrases) {
                List<String> tokens = BrandMatcher.tokens(p[0]);
                if (!tokens.isEmpty()) {
                    index.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Object[] {rt,
                        tokens.subList(1, tokens.size()), p[1].equals("h")});
                }
            }
        }
        List<String> tokens = BrandMatcher.tokens(text);
        List<BrandMatcher.Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Object[] e : index.getOrDefault(tokens.get(i), List.of())) {
                @SuppressWarnings("unchecked")
                List<String> rest = (List<String>) e[1];
                boolean at = i + rest.size() < tokens.size() && tokens.subList(i + 1, i + 1 + rest.size()).equals(rest);
                if (!at) {
                    continue;
                }
                int found = -1;
                for (int j = 0; j < out.size(); j++) {
                    if (out.get(j).runtime() == e[0]) {
                        found = j;
                    }
                }
                if (found < 0) {
                    out.add(new BrandMatcher.Match((BrandRuntime) e[0], !(Boolean) e[2]));
                } else if ((Boolean) e[2] && out.get(found).keywordOnly()) {
                    out.set(found, new BrandMatcher.Match((BrandRuntime) e[0], false));
                }
            }
        }
        return out;
    }

    @Property(tries = 30, seed = "11")
    void findsTheBrandsOfATextAsTheListOfItsLowerCasedWordsDid(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<BrandRuntime> runtimes = new ArrayList<>();
        int brands = 1 + rnd.nextInt(6);
        for (int b = 0; b < brands; b++) {
            Brand.Builder bb = Brand.builder("brand" + b);
            Set<String> handles = new LinkedHashSet<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                handles.add(word(rnd).toLowerCase(Locale.ROOT) + (rnd.nextBoolean() ? "" : b));
            }
            if (!handles.isEmpty()) {
                bb.handles(handles.toArray(new String[0]));
            }
            List<String> keywords = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                keywords.add(phrase(rnd, 1 + rnd.nextInt(3)).toLowerCase(Locale.ROOT));
            }
            if (!keywords.isEmpty()) {
                bb.keywords(keywords.toArray(new String[0]));
            }
            runtimes.add(new BrandRuntime(bb.build(), null, null, List.of()));
        }
        BrandMatcher matcher = new BrandMatcher(runtimes);
        for (int t = 0; t < 200; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = rnd.nextInt(12); w > 0; w--) {
                text.append(word(rnd)).append(GLUE[rnd.nextInt(GLUE.length)]);
            }
            Mention m = Mention.builder(Platform.TWITTER, "m" + t).author(Author.of("u", "u", 1)).text(text.toString())
                    .createdAt(Instant.EPOCH).build();
            assertEquals(reference(runtimes, text.toString()), matcher.byWords(m), text.toString());
        }
    }

    @Property(tries = 10, seed = "5")
    void findsABrandFieldByExactNameAsAMapDoes(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<BrandRuntime> runtimes = new ArrayList<>();
        Map<String, BrandRuntime> byName = new HashMap<>();
        int brands = 1 + rnd.nextInt(300);
        for (int b = 0; b < brands; b++) {
            String name = "b" + Integer.toString(rnd.nextInt(100_000), 36) + (rnd.nextBoolean() ? "-x" : "");
            if (byName.containsKey(name)) {
                continue;
            }
            BrandRuntime rt = new BrandRuntime(Brand.builder(name).build(), null, null, List.of());
            runtimes.add(rt);
            byName.put(name, rt);
        }
        BrandMatcher matcher = new BrandMatcher(runtimes);
        for (int t = 0; t < 500; t++) {
            String name = "b" + Integer.toString(rnd.nextInt(100_000), 36) + (rnd.nextBoolean() ? "-x" : "");
            Mention m = Mention.builder(Platform.TWITTER, "m" + t).author(Author.of("u", "u", 1)).text("")
                    .brand(new String(name.toCharArray())).createdAt(Instant.EPOCH).build();
            BrandRuntime want = byName.get(name);
            if (want == null) {
                assertNull(matcher.direct(m), name);
            } else {
                assertSame(want, matcher.direct(m), name);
            }
        }
        for (BrandRuntime rt : runtimes) { // every brand is found by its own name, and by it in capitals
            String name = rt.brand.name();
            Mention m = Mention.builder(Platform.TWITTER, "n").author(Author.of("u", "u", 1)).text("")
                    .brand(" " + name.toUpperCase(Locale.ROOT)).createdAt(Instant.EPOCH).build();
            assertSame(rt, matcher.direct(m), name);
        }
    }
}
