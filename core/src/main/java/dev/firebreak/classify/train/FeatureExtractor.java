package dev.firebreak.classify.train;

import java.text.Normalizer;

/**
 * Turns a text into hashed feature buckets, fastText style, without building strings: one pass
 * normalises and tokenises the characters into a reusable {@link Scratch}, a second pass hashes word
 * n-grams and character n-grams (within word boundaries) into {@code 2^hashBits} buckets and hands
 * each bucket to a {@link Sink}.
 *
 * <p>Normalisation (version {@link #VERSION}; a change here must bump it, because saved models
 * depend on it):
 * <ul>
 *   <li>letters are lower-cased, Latin accents folded ({@code é -> e}), combining marks in the
 *       U+0300..U+036F block dropped, letters repeated more than twice cut to two ({@code soooo ->
 *       soo});</li>
 *   <li>URLs ({@code http://}, {@code https://}, {@code www.}) become one {@code <url>} token and
 *       {@code @handles} one {@code <user>} token; {@code #} before a word is dropped;</li>
 *   <li>since version 2, a handle's characters (lower-cased) also give character n-grams, as a word's
 *       do, so that {@code @AcmeSupport} shares "support" with the word: a mention addressed to a
 *       brand's service account is more often a complaint;</li>
 *   <li>emoji and other symbols are one token per code point (skin tones, variation selectors and
 *       joiners dropped); runs of punctuation are one token, with repeats cut to two
 *       ({@code !!!! -> !!}), so emoticons such as {@code :)} survive;</li>
 *   <li>after a negation word ({@code not}, {@code n't}, {@code pas}, {@code nicht}, {@code no},
 *       {@code non}, {@code não}, {@code ikke}, ...) the next words up to the next punctuation (at
 *       most {@link #NEGATION_SCOPE}) get negated unigram features;</li>
 *   <li>lone surrogates, control and format characters separate tokens.</li>
 * </ul>
 *
 * <p>Time is linear in the text's length. Thread-safe: all mutable state is in the caller's scratch.
 * Training extracts through {@link #extract}; a trained model scores through its own pass over
 * {@link #tokenise}'s tokens that produces the same features in the same order (TrainedModel.Work;
 * FastScoringTest holds the two together).
 */
final class FeatureExtractor {

    /** Version of the normalisation and hashing; stored in model files. */
    static final int VERSION = 2;
    /** The oldest version this class can still extract, for models saved with it. */
    static final int OLDEST_VERSION = 1;

    /** How many words after a negation word get negated unigrams. */
    static final int NEGATION_SCOPE = 4;

    static final int WORD = 0;
    static final int PUNCT = 1;
    static final int SYMBOL = 2;
    static final int SPECIAL = 3;

    static final long SEED_UNIGRAM = 0x9E3779B97F4A7C15L;
    static final long SEED_NEGATED = 0xC2B2AE3D27D4EB4FL;
    static final long SEED_NGRAM = 0x165667B19E3779F9L;
    private static final long SEED_CHAR = 0x27D4EB2F165667C5L;
    static final long SEED_ALLCAPS = 0x85EBCA77C2B2AE63L;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static final long HANDLE_SALT = 0x48414E444C45L;
    static final long URL_HASH = fnv("<url>");
    private static final long USER_HASH = fnv("<user>");

    /** Lower-cased, accent-folded form of U+0000..U+024F; 0 for characters handled elsewhere. */
    private static final char[] FOLD = new char[0x250];

    /** ASCII character classes. */
    private static final byte[] ASCII = new byte[128];
    private static final byte A_SPACE = 0;
    private static final byte A_WORD = 1;
    private static final byte A_PUNCT = 2;
    /** ASCII characters, letters lower-cased. */
    private static final char[] LOWER = new char[128];
    /** 1 for the ASCII upper-case letters, else 0. */
    private static final int[] IS_UPPER = new int[128];
    /** 1 for the ASCII lower-case letters, else 0. */
    private static final int[] IS_LOWER = new int[128];

    /** Negation words, as hashes of their normalised form, in an open-addressing table. */
    private static final long[] NEGATIONS;

    static {
        for (int c = 0; c < FOLD.length; c++) {
            char lower = Character.toLowerCase((char) c);
            String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            FOLD[c] = decomposed.length() > 0 && base < 0x250 && Character.isLetter(base) ? base : lower;
        }
        FOLD['ß'] = 'ß';
        for (int c = 0; c < 128; c++) {
            LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c;
            IS_UPPER[c] = c >= 'A' && c <= 'Z' ? 1 : 0;
            IS_LOWER[c] = c >= 'a' && c <= 'z' ? 1 : 0;
            if (Character.isLetterOrDigit(c) || c == '_') {
                ASCII[c] = A_WORD;
            } else if (c > ' ' && c < 127) {
                ASCII[c] = A_PUNCT;
            } else {
                ASCII[c] = A_SPACE;
            }
        }
        String[] negations = {
            // English
            "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "cant", "dont",
            "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "shouldnt", "couldnt",
            "havent", "hasnt", "hadnt", "aint", "without", "nowhere", "nope",
            // French
            "ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "personne", "sans", "plus",
            // German
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts", "ohne", "nix",
            // Spanish, Italian, Portuguese
            "nunca", "nada", "ni", "jamas", "sin", "tampoco", "ningun", "ninguno", "ninguna", "non", "mai",
            "niente", "nessuno", "nessuna", "senza", "nulla", "nao", "nem", "sem", "nenhum", "nenhuma",
            // Norwegian
            "ikke", "ingen", "aldri", "ikkje", "inga", "uten", "utan",
            // Arabic
            "\u0644\u0627", "\u0644\u0645", "\u0644\u0646", "\u0645\u0627", "\u0644\u064A\u0633", "\u063A\u064A\u0631",
            // Hindi
            "\u0928\u0939\u0940\u0902", "\u0928", "\u092E\u0924", "\u0928\u093E",
        };
        long[] table = new long[256];
        for (String n : negations) {
            long h = fnv(n);
            int i = (int) (h & (table.length - 1));
            while (table[i] != 0 && table[i] != h) {
                i = (i + 1) & (table.length - 1);
            }
            table[i] = h;
        }
        NEGATIONS = table;
    }

    /** Receives feature buckets, in two groups that are weighted and normalised separately. */
    abstract static class Sink {
        /** A word, word n-gram, emoji, punctuation or special token feature. */
        abstract void word(int bucket);

        /** A character n-gram feature. */
        abstract void chars(int bucket);

        /**
         * The character n-grams of one word (or handle), {@code buckets[0..count)} in the order
         * {@link #chars(int)} would get them; by default hands each to {@link #chars(int)}. A sink
         * overrides it to sum a word's n-grams in one tight loop: the buckets are all hashed before
         * the first is looked up, so that the lookups' memory accesses overlap.
         */
        void charGrams(int[] buckets, int count) {
            for (int i = 0; i < count; i++) {
                chars(buckets[i]);
            }
        }

        /**
         * The word-level features of the whole text, {@code buckets[0..count)} in the order
         * {@link #word(int)} would get them, after all character n-grams; by default hands each to
         * {@link #word(int)}.
         */
        void words(int[] buckets, int count) {
            for (int i = 0; i < count; i++) {
                word(buckets[i]);
            }
        }

        /**
         * Called before the character n-grams of a word: a sink that remembers what a word's n-grams
         * added (keyed by the hash of the word's normalised characters) may add it again and return
         * true, and the n-grams are skipped.
         */
        boolean charsCached(long wordHash) {
            return false;
        }

        /** Called after the character n-grams of a word that was not cached. */
        void charsDone(long wordHash) {
        }
    }

    final int wordMin;
    final int wordMax;
    final int charMin;
    final int charMax;
    private final int shift;
    /** Version 2 and later: handles give character n-grams. */
    final boolean handleChars;

    /**
     * An extractor of the current {@link #VERSION}.
     *
     * @param wordMin smallest word n-gram, 1 or more
     * @param wordMax largest word n-gram; 0 with {@code wordMin} 0 for no word features
     * @param charMin smallest character n-gram
     * @param charMax largest character n-gram; 0 with {@code charMin} 0 for none
     * @param hashBits log2 of the number of buckets
     */
    FeatureExtractor(int wordMin, int wordMax, int charMin, int charMax, int hashBits) {
        this(wordMin, wordMax, charMin, charMax, hashBits, VERSION);
    }

    /**
     * An extractor that extracts as {@code version} did.
     *
     * @param version {@link #OLDEST_VERSION} to {@link #VERSION}
     */
    FeatureExtractor(int wordMin, int wordMax, int charMin, int charMax, int hashBits, int version) {
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new IllegalArgumentException("feature version must be in [" + OLDEST_VERSION + ", " + VERSION
                    + "], was " + version);
        }
        this.handleChars = version >= 2;
        this.wordMin = wordMin;
        this.wordMax = wordMax;
        this.charMin = charMin;
        this.charMax = charMax;
        this.shift = 64 - hashBits;
    }

    /** Extracts the features of a text into the sink; a feature that occurs twice is handed over twice. */
    void extract(String text, Scratch s, Sink sink) {
        tokenise(text, s, handleChars);
        int tokens = s.tokens;
        long[] hashes = s.tokHash;
        int[] types = s.tokType;
        int negatedLeft = 0;
        // word-level features: at most 1 + 1 (all caps) + (wordMax - 1) per token
        int[] wb = s.wordBuckets(tokens * (1 + Math.max(1, wordMax)));
        int wc = 0;
        for (int t = 0; t < tokens; t++) {
            int type = types[t];
            long h = hashes[t];
            boolean negated = false;
            if (type == PUNCT) {
                negatedLeft = 0;
            } else if (type == WORD) {
                if (negatedLeft > 0) {
                    negated = true;
                    negatedLeft--;
                }
                if (isNegation(h, s, t)) {
                    negatedLeft = NEGATION_SCOPE;
                }
            }
            if (wordMin == 1) {
                wb[wc++] = bucket(h, negated ? SEED_NEGATED : SEED_UNIGRAM);
                if (s.tokCaps[t]) {
                    wb[wc++] = bucket(0, SEED_ALLCAPS);
                }
            }
            if (wordMax >= 2) {
                long g = h;
                int from = Math.max(0, t - wordMax + 1);
                for (int u = t - 1, n = 2; u >= from; u--, n++) {
                    g = g * 0x2127599BF4325C37L + hashes[u] + n;
                    if (n >= wordMin) {
                        wb[wc++] = bucket(g, SEED_NGRAM);
                    }
                }
            }
            if (charMax > 0 && type == SPECIAL && s.tokLen[t] > 0) { // a handle's characters
                long key = handleKey(s, t);
                if (!sink.charsCached(key)) {
                    charNgrams(s, s.tokStart[t], s.tokLen[t], sink);
                    sink.charsDone(key);
                }
            }
            if (charMax > 0 && type == WORD && !sink.charsCached(h)) {
                charNgrams(s, s.tokStart[t], s.tokLen[t], sink);
                sink.charsDone(h);
            }
        }
        sink.words(wb, wc);
    }

    /** The cache key of a handle token's characters (a word's is its hash). */
    static long handleKey(Scratch s, int t) {
        long key = HANDLE_SALT;
        for (int c = s.tokStart[t], end = c + s.tokLen[t]; c < end; c++) {
            key = (key ^ s.norm[c]) * FNV_PRIME;
        }
        return key;
    }

    private void charNgrams(Scratch s, int start, int len, Sink sink) {
        int count = charGrams(s, start, len); // may grow s.grams
        sink.charGrams(s.grams, count);
    }

    /**
     * Hashes the character n-grams of the normalised characters {@code [start, start + len)} into
     * {@code s.grams} and returns their number, in the order a sink gets them.
     */
    int charGrams(Scratch s, int start, int len) {
        // the word with boundary marks: '<' + chars + '>'
        int total = len + 2;
        char[] w = s.word(total);
        w[0] = '<';
        System.arraycopy(s.norm, start, w, 1, len);
        w[total - 1] = '>';
        int[] out = s.grams(total * charMax);
        int count = 0;
        int min = charMin;
        int max = charMax;
        for (int i = 0; i < total; i++) {
            long h = FNV_OFFSET;
            int end = Math.min(total, i + max);
            for (int j = i; j < end; j++) {
                h = (h ^ w[j]) * FNV_PRIME;
                int n = j - i + 1;
                if (n >= min && n < total) {
                    out[count++] = bucket(h, SEED_CHAR);
                }
            }
        }
        return count;
    }

    static boolean isNegation(long h, Scratch s, int t) {
        int len = s.tokLen[t];
        if (len >= 3) {
            int end = s.tokStart[t] + len;
            char[] n = s.norm;
            if (n[end - 1] == 't' && n[end - 2] == '\'' && n[end - 3] == 'n') {
                return true; // don't, isn't, can't...
            }
            int start = s.tokStart[t];
            if (n[start] == 'n' && n[start + 1] == '\'') {
                return true; // n'est, n'ai...
            }
        }
        int i = (int) (h & (NEGATIONS.length - 1));
        while (NEGATIONS[i] != 0) {
            if (NEGATIONS[i] == h) {
                return true;
            }
            i = (i + 1) & (NEGATIONS.length - 1);
        }
        return false;
    }

    /** Fibonacci hashing: the top bits of the seeded hash times the golden ratio. */
    int bucket(long h, long seed) {
        return (int) (((h ^ seed) * 0x9E3779B97F4A7C15L) >>> shift);
    }

    static long fnv(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    // ------------------------------------------------------------------ tokenising

    /**
     * Splits and normalises the text into the scratch's token arrays; with {@code handleChars} a
     * handle's token spans its lower-cased characters (otherwise it is empty, as every special token).
     */
    static void tokenise(String text, Scratch s, boolean handleChars) {
        int n = text.length();
        s.reset(n);
        text.getChars(0, n, s.in, 0);
        tokenise(s.in, 0, n, s, handleChars);
    }

    /**
     * Splits and normalises the characters {@code in[from, to)} into the scratch's token arrays (reset
     * for {@code to - from} characters first, unless {@code in} is the scratch's own input, which
     * {@link #tokenise(String, Scratch, boolean)} has already reset). A space (U+0020) ends every token
     * and no rule looks across one, so the tokens of a text are those of its space-separated chunks one
     * after the other (TokeniserTest): a trained model tokenises only the chunks it does not remember.
     */
    static void tokenise(char[] in, int from, int to, Scratch s, boolean handleChars) {
        if (in != s.in) {
            s.reset(to - from);
        }
        int n = to;
        char[] norm = s.norm;
        int out = 0;
        int i = from;
        // current token
        int type = -1;
        int start = 0;
        long h = FNV_OFFSET;
        int upper = 0;
        int lower = 0;
        while (i < n) {
            char c = in[i];
            int cp = c;
            int width = 1;
            if (c < 128) {
                byte cls = ASCII[c];
                if (cls == A_WORD) {
                    // words separated by single spaces, the commonest text, go from one to the next in
                    // this loop, past the general loop's tests for what a character is; so do an ASCII
                    // apostrophe between letters (a contraction) and ASCII punctuation after a word, taken
                    // as the general loop takes them (TokeniserTest)
                    while (true) {
                        boolean fresh = type != WORD;
                        if (fresh) {
                            if (type >= 0) {
                                out = s.end(type, start, out, h, upper, lower);
                            }
                            type = WORD;
                            start = out;
                            h = FNV_OFFSET;
                            upper = 0;
                            lower = 0;
                        }
                        // the whole run of ASCII word characters in one loop whose only unpredictable
                        // branch is its exit: lower-casing and counting cases through tables, the token's
                        // last two characters in registers (0 stands for none: it is never a word
                        // character). The same tokens as one character per turn of the general loop
                        // (TokeniserTest), where the branches on case, on doubled letters and on a word's
                        // first letter (an h or a w: a URL?) were mispredicted often enough to cost more
                        // than the work (TrainedModelBenchmark)
                        int run = i;
                        char p1 = out - start >= 1 ? norm[out - 1] : 0;
                        char p2 = out - start >= 2 ? norm[out - 2] : 0;
                        while (true) {
                            char f = LOWER[c];
                            upper += IS_UPPER[c];
                            lower += IS_LOWER[c];
                            if ((f != p1) | (f != p2)) { // not short-circuit: doubled letters are common
                                norm[out++] = f;
                                h = (h ^ f) * FNV_PRIME;
                            }
                            p2 = p1;
                            p1 = f;
                            if (++i == n) {
                                break;
                            }
                            c = in[i];
                            if (c >= 128 || ASCII[c] != A_WORD) {
                                break;
                            }
                        }
                        // a URL starts with a run that started a token: "http" or "https" and "://", or
                        // "www" and "."; checked after the run, since its end gives it away
                        if (fresh && i < n && (c == ':' || c == '.' || c == LONG_S) && isUrl(in, run, i, n)) {
                            out = start;
                            i = skipNonSpace(in, run, n);
                            s.special(out, URL_HASH);
                            type = -1;
                            break;
                        }
                        if (i + 1 >= n) {
                            break;
                        }
                        char next = in[i + 1];
                        if (c == '\'' && (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z')) {
                            norm[out++] = '\''; // don't, I'm: the word goes on
                            h = (h ^ '\'') * FNV_PRIME;
                            i++;
                            c = next;
                            continue;
                        }
                        if (c < 128 && ASCII[c] == A_PUNCT && c != '\'' && c != '@' && c != '#') {
                            // punctuation after the word ("word," "word!!!"), as the general loop takes it
                            out = s.end(WORD, start, out, h, upper, lower);
                            type = PUNCT;
                            start = out;
                            h = FNV_OFFSET;
                            while (true) {
                                if (out - start < 2 || norm[out - 1] != c || norm[out - 2] != c) {
                                    norm[out++] = c;
                                    h = (h ^ c) * FNV_PRIME;
                                }
                                if (++i == n) {
                                    break;
                                }
                                c = in[i];
                                if (c >= 128 || ASCII[c] != A_PUNCT || c == '\'' || c == '@' || c == '#') {
                                    break;
                                }
                            }
                            if (i + 1 >= n || c != ' ') {
                                break; // the general loop goes on with the punctuation token
                            }
                            next = in[i + 1];
                            if (next >= 128 || ASCII[next] != A_WORD) {
                                break;
                            }
                            out = s.end(PUNCT, start, out, h, upper, lower);
                            type = -1;
                            i++;
                            c = next;
                            continue;
                        }
                        if (c != ' ' || next >= 128 || ASCII[next] != A_WORD) {
                            break;
                        }
                        out = s.end(WORD, start, out, h, upper, lower);
                        type = -1;
                        i++;
                        c = next;
                    }
                    continue;
                }
                if (cls == A_PUNCT) {
                    if ((c == '\'') && type == WORD && i + 1 < n && Character.isLetter(in[i + 1])) {
                        norm[out++] = '\'';
                        h = (h ^ '\'') * FNV_PRIME;
                        i++;
                        continue;
                    }
                    if (c == '@' && i + 1 < n && isHandleChar(in[i + 1]) && type != WORD) {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                        }
                        i++;
                        int handleStart = out;
                        while (i < n && isHandleChar(in[i])) {
                            if (handleChars) {
                                char hc = in[i];
                                norm[out++] = hc >= 'A' && hc <= 'Z' ? (char) (hc + 32) : hc;
                            }
                            i++;
                        }
                        s.end(SPECIAL, handleStart, out, USER_HASH, 0, 0);
                        type = -1;
                        continue;
                    }
                    if (c == '#' && i + 1 < n && Character.isLetterOrDigit(in[i + 1])) {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                        }
                        type = -1;
                        i++;
                        continue;
                    }
                    if (type != PUNCT) {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                        }
                        type = PUNCT;
                        start = out;
                        h = FNV_OFFSET;
                    }
                    if (out - start < 2 || norm[out - 1] != c || norm[out - 2] != c) {
                        norm[out++] = c;
                        h = (h ^ c) * FNV_PRIME;
                    }
                    i++;
                    continue;
                }
                // space or control
                if (type >= 0) {
                    out = s.end(type, start, out, h, upper, lower);
                    type = -1;
                }
                i++;
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(in[i + 1])) {
                    cp = Character.toCodePoint(c, in[i + 1]);
                    width = 2;
                } else {
                    cp = -1;
                }
            } else if (Character.isLowSurrogate(c)) {
                cp = -1;
            }
            int kind = cp < 0 ? Character.CONTROL : Character.getType(cp);
            switch (kind) {
                case Character.UPPERCASE_LETTER:
                case Character.LOWERCASE_LETTER:
                case Character.TITLECASE_LETTER:
                case Character.MODIFIER_LETTER:
                case Character.OTHER_LETTER:
                case Character.DECIMAL_DIGIT_NUMBER:
                case Character.LETTER_NUMBER:
                case Character.OTHER_NUMBER:
                case Character.NON_SPACING_MARK:
                case Character.COMBINING_SPACING_MARK:
                case Character.ENCLOSING_MARK: {
                    boolean mark = kind == Character.NON_SPACING_MARK || kind == Character.ENCLOSING_MARK
                            || kind == Character.COMBINING_SPACING_MARK;
                    if (mark && (cp >= 0x300 && cp <= 0x36F || cp >= 0xFE00 && cp <= 0xFE0F
                            || cp >= 0xE0100 && cp <= 0xE01EF || cp >= 0x1AB0 && cp <= 0x1AFF
                            || cp >= 0x1DC0 && cp <= 0x1DFF || cp >= 0x20D0 && cp <= 0x20FF)) {
                        i += width; // accents and zalgo on decomposed text, variation selectors
                        continue;
                    }
                    if (type != WORD) {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                        }
                        type = WORD;
                        start = out;
                        h = FNV_OFFSET;
                        upper = 0;
                        lower = 0;
                    }
                    if (kind == Character.UPPERCASE_LETTER || kind == Character.TITLECASE_LETTER) {
                        upper++;
                    } else if (kind == Character.LOWERCASE_LETTER) {
                        lower++;
                    }
                    if (width == 1) {
                        char f = c < FOLD.length ? FOLD[c] : Character.toLowerCase(c);
                        if (out - start < 2 || norm[out - 1] != f || norm[out - 2] != f) {
                            norm[out++] = f;
                            h = (h ^ f) * FNV_PRIME;
                        }
                    } else {
                        int lc = Character.toLowerCase(cp);
                        char hi = Character.highSurrogate(lc);
                        char lo = Character.lowSurrogate(lc);
                        norm[out++] = hi;
                        norm[out++] = lo;
                        h = (h ^ hi) * FNV_PRIME;
                        h = (h ^ lo) * FNV_PRIME;
                    }
                    i += width;
                    continue;
                }
                case Character.OTHER_SYMBOL:
                case Character.MATH_SYMBOL:
                case Character.CURRENCY_SYMBOL:
                case Character.MODIFIER_SYMBOL: {
                    if (type >= 0) {
                        out = s.end(type, start, out, h, upper, lower);
                        type = -1;
                    }
                    if (!(cp >= 0x1F3FB && cp <= 0x1F3FF)) { // skin tones modify the emoji before them
                        long sh = FNV_OFFSET;
                        sh = (sh ^ (cp >>> 16)) * FNV_PRIME;
                        sh = (sh ^ (cp & 0xFFFF)) * FNV_PRIME;
                        s.symbol(out, sh);
                    }
                    i += width;
                    continue;
                }
                case Character.CONNECTOR_PUNCTUATION:
                case Character.DASH_PUNCTUATION:
                case Character.START_PUNCTUATION:
                case Character.END_PUNCTUATION:
                case Character.INITIAL_QUOTE_PUNCTUATION:
                case Character.FINAL_QUOTE_PUNCTUATION:
                case Character.OTHER_PUNCTUATION: {
                    if (c == '\u2019' && type == WORD && i + 1 < n && Character.isLetter(in[i + 1])) {
                        norm[out++] = '\'';
                        h = (h ^ '\'') * FNV_PRIME;
                        i++;
                        continue;
                    }
                    if (type != PUNCT) {
                        if (type >= 0) {
                            out = s.end(type, start, out, h, upper, lower);
                        }
                        type = PUNCT;
                        start = out;
                        h = FNV_OFFSET;
                    }
                    if (width == 1 && (out - start < 2 || norm[out - 1] != c || norm[out - 2] != c)) {
                        norm[out++] = c;
                        h = (h ^ c) * FNV_PRIME;
                    }
                    i += width;
                    continue;
                }
                default:
                    // spaces, controls, format characters (joiners, BOM), lone surrogates, unassigned
                    if (type >= 0) {
                        out = s.end(type, start, out, h, upper, lower);
                        type = -1;
                    }
                    i += width;
            }
        }
        if (type >= 0) {
            s.end(type, start, out, h, upper, lower);
        }
    }

    private static boolean isHandleChar(char c) {
        return c < 128 && ASCII[c] == A_WORD;
    }

    /** {@code ſ}, which {@link String#regionMatches(boolean, int, String, int, int)} takes for an {@code s}. */
    private static final char LONG_S = '\u017F';

    /**
     * Whether the run of ASCII word characters {@code [from, to)} and what follows it start a URL:
     * {@code http://}, {@code https://} or {@code www.}, letters in any case (compared as
     * {@code String.regionMatches} ignoring case compares them: {@code ſ} is an {@code s}).
     */
    private static boolean isUrl(char[] in, int from, int to, int n) {
        int len = to - from;
        if (len == 3) {
            return in[to] == '.' && (in[from] | 0x20) == 'w' && (in[from + 1] | 0x20) == 'w'
                    && (in[from + 2] | 0x20) == 'w';
        }
        if (len != 4 && len != 5 || (in[from] | 0x20) != 'h' || (in[from + 1] | 0x20) != 't'
                || (in[from + 2] | 0x20) != 't' || (in[from + 3] | 0x20) != 'p') {
            return false;
        }
        int colon = to;
        if (len == 5) {
            if ((in[from + 4] | 0x20) != 's') {
                return false;
            }
        } else if (in[to] == LONG_S) { // "httpſ://"
            colon = to + 1;
        }
        return colon + 2 < n && in[colon] == ':' && in[colon + 1] == '/' && in[colon + 2] == '/';
    }

    private static int skipNonSpace(char[] in, int i, int n) {
        while (i < n && !Character.isWhitespace(in[i])) {
            i++;
        }
        return i;
    }

    /**
     * Per-thread working memory of the extractor: the text's characters, the normalised characters and
     * the token arrays, each at least as long as the text (a text of n characters has at most n
     * tokens, so that adding a token checks no capacity). Reused across calls; large buffers are
     * dropped after a huge text.
     */
    static final class Scratch {
        private static final int KEEP_CHARS = 1 << 14;

        /** The text's characters. */
        char[] in = new char[512];
        char[] norm = new char[512];
        int[] tokStart = new int[512];
        int[] tokLen = new int[512];
        int[] tokType = new int[512];
        long[] tokHash = new long[512];
        boolean[] tokCaps = new boolean[512];
        int tokens;
        private char[] word = new char[64];
        int[] grams = new int[256];
        private int[] wordBuckets = new int[256];

        /** A buffer for {@code n} word-level feature buckets. */
        int[] wordBuckets(int n) {
            if (wordBuckets.length < n) {
                wordBuckets = new int[Math.max(n, wordBuckets.length * 2)];
            }
            return wordBuckets;
        }

        /** A buffer for a word of {@code n} characters with its boundary marks. */
        char[] word(int n) {
            if (word.length < n) {
                word = new char[Math.max(n, word.length * 2)];
            }
            return word;
        }

        /** A buffer for {@code n} character n-gram buckets. */
        int[] grams(int n) {
            if (grams.length < n) {
                grams = new int[Math.max(n, grams.length * 2)];
            }
            return grams;
        }

        void reset(int textLength) {
            // a text of n chars normalises to at most n chars (specials write none) and has at most n
            // tokens (each takes at least one char)
            if (norm.length < textLength) {
                allocate(Math.max(textLength, norm.length * 2));
            } else if (norm.length > KEEP_CHARS && textLength <= KEEP_CHARS) {
                // back to the usual size after a huge text, but never below this text's length
                allocate(Math.max(512, textLength));
                word = new char[64];
                grams = new int[256];
                wordBuckets = new int[256];
            }
            tokens = 0;
        }

        /** New character and token arrays of {@code size} entries. */
        private void allocate(int size) {
            norm = new char[size];
            in = new char[size];
            tokStart = new int[size];
            tokLen = new int[size];
            tokType = new int[size];
            tokHash = new long[size];
            tokCaps = new boolean[size];
        }

        int end(int type, int start, int out, long h, int upper, int lower) {
            tokStart[tokens] = start;
            tokLen[tokens] = out - start;
            tokType[tokens] = type;
            tokHash[tokens] = h;
            tokCaps[tokens] = type == WORD && upper >= 3 && lower == 0;
            tokens++;
            return out;
        }

        void special(int out, long hash) {
            end(SPECIAL, out, out, hash, 0, 0);
        }

        void symbol(int out, long hash) {
            end(SYMBOL, out, out, hash, 0, 0);
        }
    }
}
