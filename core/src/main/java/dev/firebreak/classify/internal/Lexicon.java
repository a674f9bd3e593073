package dev.firebreak.classify.internal;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.LexiconFormatException;
import dev.firebreak.classify.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in classifier's lexicons, compiled into flat arrays: an open-addressing table from token
 * (or phrase) keys to per-language entries. Immutable once built and safe to share between threads.
 *
 * <p>The file format is described in {@code docs/lexicon-format.md}; {@link Builder} parses it.
 */
public final class Lexicon {

    public static final int LANGS = 12;
    static final int ANY = 0;
    static final int EN = 1;
    static final int FR = 2;
    static final int DE = 3;
    static final int ES = 4;
    static final int IT = 5;
    static final int PT = 6;
    static final int NB = 7;
    static final int NN = 8;
    static final int ZH = 9;
    static final int AR = 10;
    static final int HI = 11;

    static final String[] CODES = {"*", "en", "fr", "de", "es", "it", "pt", "nb", "nn", "zh", "ar", "hi"};
    static final Language[] LANGUAGES = {Language.UNDETERMINED, Language.ENGLISH, Language.FRENCH,
        Language.GERMAN, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.NORWEGIAN_BOKMAL,
        Language.NORWEGIAN_NYNORSK, Language.CHINESE, Language.of("ar"), Language.of("hi")};

    static final int E_VALENCE = 1;
    static final int E_NEGATOR = 2;
    static final int E_BOOST = 4;
    static final int E_CONTRAST = 8;
    static final int E_SITUATION = 16;
    static final int E_SARCASM = 32;
    static final int E_COMPLAINT = 64;
    static final int E_CATEGORY = 128;
    /** A hedge ("not sure", "pas sûr"): no negation, no sentiment; its sentence's sentiment is weakened. */
    static final int E_HEDGE = 256;
    /**
     * A question that says what the asker thinks ("who else", "anyone else", "qui d'autre"): praise in its
     * sentence is not asked about, so a question mark does not weaken it.
     */
    static final int E_RHETORICAL = 512;

    static final int MAX_PHRASE = 6;
    static final int MAX_HAN = 8;

    private static final float STOP_WEIGHT = 1.0f;
    private static final float WORD_WEIGHT = 0.5f;

    /**
     * Open addressing, key and value side by side, so a probe reads one cache line: the value is the
     * key's index (bits 0 to 19), the languages it has an entry in (bits 20 to 31, one per language) and
     * its language evidence in 2 bits per language (bits 32 to 55, language l at 32 + 2 l, in units of
     * 0.5), so the tokenizer counts evidence without touching per-key arrays,
     * then the number of its entries (bits 56 to 59) and the longest phrase it starts (bits 60 to 62),
     * so the token pass skips a key with neither (a stop word) without reading them (see {@link #meta}).
     */
    private final long[] table;
    private final int tMask;
    static final int INDEX_BITS = 20;
    static final int INDEX_MASK = (1 << INDEX_BITS) - 1;
    /** The languages each key has an entry in, one bit per language. */
    private final short[] kLangMask;
    /** The languages each key is a stop word of, one bit per language. */
    private final short[] kStopMask;

    /** One bit per key hash: most tokens are not in the lexicon, and this 32 KB filter says so first. */
    private final long[] bloom = new long[BLOOM_BITS >>> 6];
    private static final int BLOOM_BITS = 1 << 18;
    /** For a key that starts phrases, one bit per possible second token (its key modulo 64). */
    final long[] kSecond;

    private final int[] kSubStart;
    private final byte[] kSubCount;
    /**
     * The same evidence as 16-bit lanes, four languages per long (language l in long l / 4 at bit
     * 16 * (l % 4)), in units of 0.5: a token adds it to three accumulators with three additions.
     */
    final long[] kEvidence;
    final byte[] kPhraseMax;

    private final byte[] sLang;

    final float[] eValence;
    final int[] eFlags;
    final float[] eBoost;
    final float[] eCue;
    final int[] eCategory;
    final float[] eCatWeight;
    final Signal[] eTermSignal;
    final Signal[] eRoleSignal;
    final Signal[] eCatSignal;
    final Signal[] eCueSignal;

    final Category[] categories;
    final float[] negThreshold;
    final float[] posThreshold;
    final boolean[] postNegation;
    /**
     * Whether a negator of the language negates the sentiment words just before it wherever it stands
     * in the clause, and then nothing after it (Hindi "accha nahi hai": the negator precedes the verb).
     */
    final boolean[] negatesBefore;
    final int[] fallback;
    final float[] fallbackFactor;
    final int maxHan;
    /** One bit per character (folded) that starts an emoticon term: other punctuation is not looked up. */
    private final long[] emoticonStart;
    /**
     * One bit per key hash of a proper prefix of a Chinese term (see {@link #hanPrefixBit}): the
     * tokenizer stops extending a match at a prefix no term has, instead of hashing up to
     * {@link #MAX_HAN} characters at every position.
     */
    private final long[] hanPrefix;
    /** Character trigram profiles of the Latin-script languages, from the lexicons' own words. */
    final NgramProfile ngrams;

    private Lexicon(Builder b) {
        List<KeyB> keys = new ArrayList<>(b.keys.values());
        int n = keys.size();
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("the lexicons hold " + n + " distinct terms, at most " + INDEX_MASK
                    + " are supported");
        }
        int size = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        table = new long[2 * size];
        tMask = size - 1;
        kSubStart = new int[n];
        kSubCount = new byte[n];
        kEvidence = new long[3 * n];
        kPhraseMax = new byte[n];
        kSecond = new long[n];
        kLangMask = new short[n];
        kStopMask = new short[n];
        int subs = 0;
        for (KeyB k : keys) {
            subs += k.entries.size();
        }
        sLang = new byte[subs];
        eValence = new float[subs];
        eFlags = new int[subs];
        eBoost = new float[subs];
        eCue = new float[subs];
        eCategory = new int[subs];
        eCatWeight = new float[subs];
        eTermSignal = new Signal[subs];
        eRoleSignal = new Signal[subs];
        eCatSignal = new Signal[subs];
        eCueSignal = new Signal[subs];
        List<Category> cats = new ArrayList<>(Category.BUILT_IN);
        int s = 0;
        int maxHanSeen = 1;
        for (int i = 0; i < n; i++) {
            KeyB k = keys.get(i);
            insert(k.key, i);
            kSubStart[i] = s;
            kSubCount[i] = (byte) k.entries.size();
            kPhraseMax[i] = (byte) k.phraseMax;
            kSecond[i] = k.second;
            kStopMask[i] = (short) k.stopMask;
            if (k.hanLength > maxHanSeen) {
                maxHanSeen = k.hanLength;
            }
            int wordMask = 0;
            // entries in language order, so an entry's place follows from the key's language mask
            for (Map.Entry<Integer, EntryB> me : new TreeMap<>(k.entries).entrySet()) {
                int lang = me.getKey();
                kLangMask[i] |= (short) (1 << lang);
                EntryB e = me.getValue();
                sLang[s] = (byte) lang;
                if (lang != ANY && !k.phrase && (e.flags & (E_VALENCE | E_CATEGORY | E_COMPLAINT | E_NEGATOR)) != 0) {
                    wordMask |= 1 << lang;
                }
                eValence[s] = e.valence;
                eFlags[s] = e.flags;
                eBoost[s] = e.boost;
                eCue[s] = e.cue;
                eCatWeight[s] = e.catWeight;
                eCategory[s] = -1;
                if (e.category != null) {
                    int ci = cats.indexOf(e.category);
                    if (ci < 0) {
                        cats.add(e.category);
                        ci = cats.size() - 1;
                    }
                    eCategory[s] = ci;
                    eCatSignal[s] = Signal.forCategory("category_term", e.category, e.term);
                }
                if ((e.flags & E_VALENCE) != 0 && e.valence != 0) {
                    eTermSignal[s] = Signal.of(e.valence > 0 ? "positive_term" : "negative_term", e.term);
                }
                if ((e.flags & E_COMPLAINT) != 0) {
                    eCueSignal[s] = Signal.of("complaint_term", e.term);
                }
                if ((e.flags & E_NEGATOR) != 0) {
                    eRoleSignal[s] = Signal.of("negation", e.term);
                } else if ((e.flags & E_BOOST) != 0) {
                    eRoleSignal[s] = Signal.of(e.boost >= 0 ? "intensifier" : "dampener", e.term);
                } else if ((e.flags & E_CONTRAST) != 0) {
                    eRoleSignal[s] = Signal.of(e.summary ? "summary" : "contrast", e.term);
                } else if ((e.flags & (E_SARCASM | E_SITUATION)) != 0) {
                    eRoleSignal[s] = Signal.of("sarcasm", e.term);
                } else if ((e.flags & E_HEDGE) != 0) {
                    eRoleSignal[s] = Signal.of("hedge", e.term);
                }
                s++;
            }
            // the first word of a phrase is a word of the phrase's language ("customer" of "customer service"),
            // unless it is already a stop word there
            int vocab = wordMask | (k.phraseLangs & ~k.stopMask & ~1);
            // a word of one language only (Bokmål and Nynorsk count as one) tells it as well as a stop word
            // does ("worst", "nul", "atendimento"); a word several languages share tells each of them less
            // (its entries of every kind count: "super" is a German word but a booster in five languages)
            int strong = exclusive((kLangMask[i] & ~1) | k.phraseLangs | k.stopMask) ? vocab & ~k.stopMask : 0;
            for (int l = 0; l < LANGS; l++) {
                long units = ((k.stopMask >>> l) & 1) * (long) (STOP_WEIGHT * 2)
                        + ((vocab >>> l) & 1) * (long) (WORD_WEIGHT * 2)
                        + ((strong >>> l) & 1) * (long) (WORD_WEIGHT * 2);
                kEvidence[3 * i + l / 4] += units << (16 * (l % 4));
            }
        }
        for (int slot = 0; slot <= tMask; slot++) {
            if (table[2 * slot] != 0) {
                table[2 * slot + 1] = valueOf((int) table[2 * slot + 1]);
            }
        }
        categories = cats.toArray(new Category[0]);
        negThreshold = b.negThreshold.clone();
        posThreshold = b.posThreshold.clone();
        postNegation = b.postNegation.clone();
        negatesBefore = b.negatesBefore.clone();
        fallback = b.fallback.clone();
        fallbackFactor = b.fallbackFactor.clone();
        maxHan = Math.min(MAX_HAN, maxHanSeen);
        emoticonStart = b.emoticonStart.clone();
        hanPrefix = b.hanPrefix.clone();
        ngrams = b.ngrams.build();
    }

    /** Whether a mask of languages names one language, counting Bokmål and Nynorsk as one. */
    private static boolean exclusive(int mask) {
        int m = (mask & (1 << NN)) != 0 ? (mask & ~(1 << NN)) | (1 << NB) : mask;
        return Integer.bitCount(m) == 1;
    }

    private void insert(long key, int index) {
        int bit = (int) (key >>> 46);
        bloom[bit >>> 6] |= 1L << bit;
        int slot = (int) (key ^ (key >>> 32)) & tMask;
        while (table[2 * slot] != 0) {
            slot = (slot + 1) & tMask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = index;
    }

    /** The index of a key, or -1. */
    int find(long key) {
        return index(findValue(key));
    }

    /**
     * The value of a key, or -1: its index in the low 32 bits ({@code (int) value}) and its language
     * evidence code above (see {@link #table}; {@link #EVIDENCE_LANES} turns a byte of it into lanes).
     */
    long findValue(long key) {
        int bit = (int) (key >>> 46);
        if ((bloom[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        long[] t = table;
        int mask = tMask;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = t[2 * slot];
            if (k == key) {
                return t[2 * slot + 1];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * For a byte of an evidence code (four languages, 2 bits each), the same units as four 16-bit lanes
     * of one long: a token adds its evidence to three accumulators with three table reads and additions.
     */
    static final long[] EVIDENCE_LANES = evidenceLanes();

    private static long[] evidenceLanes() {
        long[] out = new long[256];
        for (int b = 0; b < 256; b++) {
            for (int l = 0; l < 4; l++) {
                out[b] |= (long) ((b >>> (2 * l)) & 3) << (16 * l);
            }
        }
        return out;
    }

    /** Whether an emoticon term starts with this (folded) character. */
    boolean startsEmoticon(char folded) {
        return (emoticonStart[folded >>> 6] & (1L << folded)) != 0;
    }

    /** Whether some Chinese term longer than the characters hashed into {@code key} starts with them. */
    boolean isHanPrefix(long key) {
        int bit = hanPrefixBit(key);
        return (hanPrefix[bit >>> 6] & (1L << bit)) != 0;
    }

    private static int hanPrefixBit(long key) {
        return (int) (key >>> 49); // 15 bits
    }

    /**
     * A key's table value (see {@link #table}): index, languages with an entry, evidence, number of
     * entries and longest phrase.
     */
    long valueOf(int k) {
        long code = 0;
        for (int l = 0; l < LANGS; l++) {
            long units = (kEvidence[3 * k + l / 4] >>> (16 * (l % 4))) & 0xFFFF;
            code |= Math.min(units, 3) << (2 * l);
        }
        return k | (long) (kLangMask[k] & 0xFFF) << INDEX_BITS | code << 32 | (long) kSubCount[k] << 56
                | (long) kPhraseMax[k] << 60;
    }

    /** The key index in a table value, or -1 for -1 (not found). */
    static int index(long value) {
        return value < 0 ? -1 : (int) (value & INDEX_MASK);
    }

    /** The number of entries in a table value or {@link #meta}. */
    static int entryCount(long value) {
        return (int) (value >>> 56) & 15;
    }

    /** The longest phrase a key starts, from its table value or {@link #meta}. */
    static int phraseMax(long value) {
        return (int) (value >>> 60) & 7;
    }

    /** Whether a key has any entry (it may only start phrases). */
    boolean hasEntries(int k) {
        return kSubCount[k] > 0;
    }

    /**
     * The entry for a language of the key with this table value (or {@link #valueOf}), or -1: from the
     * value's language mask, reading no per-key array when the key has no entry in that language.
     */
    int entry(long value, int lang) {
        int mask = (int) (value >>> INDEX_BITS) & 0xFFF;
        if ((mask & (1 << lang)) == 0) {
            return -1;
        }
        return kSubStart[(int) (value & INDEX_MASK)] + Integer.bitCount(mask & ((1 << lang) - 1));
    }

    /** Whether the key with this table value is a stop word of a language. */
    boolean isStopWord(long value, int lang) {
        return value >= 0 && (kStopMask[(int) (value & INDEX_MASK)] & (1 << lang)) != 0;
    }

    /** The number of distinct keys (terms and phrases). */
    public int size() {
        return kSubCount.length;
    }

    /**
     * The language index of a platform's language hint ({@code "en"}, {@code "pt-BR"}, {@code "no"},
     * {@code "zho"}), or -1; reads the characters in place, without allocating (it runs per mention).
     */
    static int hintIndex(String code) {
        int n = code.length();
        int start = 0;
        while (start < n && code.charAt(start) <= ' ') {
            start++;
        }
        int end = start;
        while (end < n && end - start < 4 && isAsciiLetter(code.charAt(end))) {
            end++;
        }
        int len = end - start;
        if (len < 2 || len > 3 || (end < n && code.charAt(end) != '-' && code.charAt(end) != '_'
                && code.charAt(end) > ' ')) {
            return -1;
        }
        int a = code.charAt(start) | 0x20;
        int b = code.charAt(start + 1) | 0x20;
        int key = len == 2 ? a << 8 | b : (a << 16) | (b << 8) | (code.charAt(start + 2) | 0x20);
        switch (key) {
            case ('e' << 8) | 'n': case ('e' << 16) | ('n' << 8) | 'g': return EN;
            case ('f' << 8) | 'r': case ('f' << 16) | ('r' << 8) | 'a': case ('f' << 16) | ('r' << 8) | 'e': return FR;
            case ('d' << 8) | 'e': case ('d' << 16) | ('e' << 8) | 'u': case ('g' << 16) | ('e' << 8) | 'r': return DE;
            case ('e' << 8) | 's': case ('s' << 16) | ('p' << 8) | 'a': return ES;
            case ('i' << 8) | 't': case ('i' << 16) | ('t' << 8) | 'a': return IT;
            case ('p' << 8) | 't': case ('p' << 16) | ('o' << 8) | 'r': return PT;
            case ('n' << 8) | 'b': case ('n' << 8) | 'o': case ('n' << 16) | ('o' << 8) | 'b':
            case ('n' << 16) | ('o' << 8) | 'r':
                return NB;
            case ('n' << 8) | 'n': case ('n' << 16) | ('n' << 8) | 'o': return NN;
            case ('z' << 8) | 'h': case ('z' << 16) | ('h' << 8) | 'o': case ('c' << 16) | ('h' << 8) | 'i':
            case ('c' << 16) | ('m' << 8) | 'n':
                return ZH;
            case ('a' << 8) | 'r': case ('a' << 16) | ('r' << 8) | 'a': return AR;
            case ('h' << 8) | 'i': case ('h' << 16) | ('i' << 8) | 'n': return HI;
            default: return -1;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The language index of a code ({@code en}, {@code no} for Bokmål...), or -1 when not supported. */
    static int languageIndex(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        if (dash < 0) {
            dash = c.indexOf('_');
        }
        if (dash > 0) {
            c = c.substring(0, dash);
        }
        switch (c) {
            case "no": case "nob": return NB;
            case "nno": return NN;
            case "eng": return EN;
            case "zho": case "chi": case "cmn": return ZH;
            default: break;
        }
        for (int i = 1; i < CODES.length; i++) {
            if (CODES[i].equals(c)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ building

    private static final class EntryB {
        String term;
        int flags;
        float valence;
        float boost;
        float cue;
        Category category;
        float catWeight;
        boolean summary;
    }

    private static final class KeyB {
        final long key;
        final boolean phrase;
        int stopMask;
        /** The languages that have a phrase starting with this key. */
        int phraseLangs;
        int phraseMax;
        long second;
        int hanLength;
        final Map<Integer, EntryB> entries = new LinkedHashMap<>();

        KeyB(long key, boolean phrase) {
            this.key = key;
            this.phrase = phrase;
        }
    }

    /**
     * Parses lexicon files in order; a later line for the same term and language overrides the value an
     * earlier one set for the same kind, so user files loaded after the built-in ones extend and override
     * them.
     */
    public static final class Builder {
        private final Map<Long, KeyB> keys = new LinkedHashMap<>();
        private final float[] negThreshold = new float[LANGS];
        private final float[] posThreshold = new float[LANGS];
        private final boolean[] postNegation = new boolean[LANGS];
        private final boolean[] negatesBefore = new boolean[LANGS];
        private final int[] fallback = new int[LANGS];
        private final float[] fallbackFactor = new float[LANGS];
        private final Tokens tokens = new Tokens(64, 0);
        private final long[] emoticonStart = new long[65536 >>> 6];
        private final long[] hanPrefix = new long[(1 << 15) >>> 6];
        private final NgramProfile.Builder ngrams = new NgramProfile.Builder();

        public Builder() {
            for (int i = 0; i < LANGS; i++) {
                negThreshold[i] = -0.05f;
                posThreshold[i] = 0.05f;
                fallback[i] = -1;
            }
        }

        /**
         * Reads one lexicon in the documented format.
         *
         * @param source the file or source name used in error messages
         * @throws LexiconFormatException naming the source, line and problem
         * @throws IOException if reading fails
         */
        public Builder parse(String source, Reader reader) throws IOException {
            BufferedReader r = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
            String line;
            int no = 0;
            int langs = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String l = line.strip();
                if (l.isEmpty() || l.charAt(0) == '#' && (l.length() == 1 || Character.isWhitespace(l.charAt(1)))) {
                    continue;
                }
                String[] f = l.split("\\s+");
                try {
                    if (f[0].startsWith("@")) {
                        langs = directive(f, langs);
                    } else {
                        if (langs == 0) {
                            throw new IllegalArgumentException("an entry before the first '@lang' line");
                        }
                        for (int m = langs; m != 0; m &= m - 1) {
                            int lang = Integer.numberOfTrailingZeros(m);
                            entry(f, lang);
                            profile(f, lang);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new LexiconFormatException(source, no, e.getMessage());
                }
            }
            return this;
        }

        /** Applies a directive; returns the language set (a bit mask) in force after it. */
        private int directive(String[] f, int langs) {
            switch (f[0]) {
                case "@lang": {
                    if (f.length < 2) {
                        throw new IllegalArgumentException("expected '@lang <code> [<code>...]'");
                    }
                    int mask = 0;
                    for (int i = 1; i < f.length; i++) {
                        if (f[i].equals("*")) {
                            mask |= 1 << ANY;
                            continue;
                        }
                        int l = languageIndex(f[i]);
                        if (l < 0 || !CODES[l].equals(f[i].toLowerCase(Locale.ROOT))) {
                            throw new IllegalArgumentException("unknown language '" + f[i] + "', expected * or one of "
                                    + String.join(", ", List.of(CODES).subList(1, CODES.length)));
                        }
                        mask |= 1 << l;
                    }
                    return mask;
                }
                case "@threshold": {
                    arity(f, 3, "@threshold <negative> <positive>");
                    needLang(langs);
                    float neg = number(f[1], "negative threshold", -1, 0);
                    float pos = number(f[2], "positive threshold", 0, 1);
                    for (int i = 0; i < LANGS; i++) {
                        if ((langs & 1) != 0 || (langs & (1 << i)) != 0) {
                            negThreshold[i] = neg;
                            posThreshold[i] = pos;
                        }
                    }
                    return langs;
                }
                case "@post-negation": {
                    arity(f, 2, "@post-negation on|off|always");
                    needLang(langs);
                    if (!f[1].equals("on") && !f[1].equals("off") && !f[1].equals("always")) {
                        throw new IllegalArgumentException("@post-negation takes on, off or always, was '" + f[1]
                                + "'");
                    }
                    for (int m = langs; m != 0; m &= m - 1) {
                        int l = Integer.numberOfTrailingZeros(m);
                        postNegation[l] = !f[1].equals("off");
                        negatesBefore[l] = f[1].equals("always");
                    }
                    return langs;
                }
                case "@fallback": {
                    arity(f, 3, "@fallback <language> <factor>");
                    needLang(langs);
                    int to = languageIndex(f[1]);
                    if (to < 0 || (langs & (1 << to)) != 0) {
                        throw new IllegalArgumentException("@fallback needs another supported language, was '" + f[1]
                                + "'");
                    }
                    float factor = number(f[2], "fallback factor", 0, 1);
                    for (int m = langs; m != 0; m &= m - 1) {
                        int l = Integer.numberOfTrailingZeros(m);
                        fallback[l] = to;
                        fallbackFactor[l] = factor;
                    }
                    return langs;
                }
                default:
                    throw new IllegalArgumentException("unknown directive '" + f[0]
                            + "', expected @lang, @threshold, @post-negation or @fallback");
            }
        }

        private static void needLang(int langs) {
            if (langs == 0) {
                throw new IllegalArgumentException("a directive that needs a language before the first '@lang' line");
            }
        }

        private static void arity(String[] f, int n, String usage) {
            if (f.length != n) {
                throw new IllegalArgumentException("expected '" + usage + "'");
            }
        }

        private static float number(String s, String what, float min, float max) {
            float v;
            try {
                v = Float.parseFloat(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a number in [" + min + ", " + max + "], was '"
                        + s + "'");
            }
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(what + " must be a number in [" + min + ", " + max + "], was '"
                        + s + "'");
            }
            return v;
        }

        private static String term(String[] f, int from, String usage) {
            if (f.length <= from) {
                throw new IllegalArgumentException("missing term, expected '" + usage + "'");
            }
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < f.length; i++) {
                if (i > from) {
                    sb.append(' ');
                }
                sb.append(f[i]);
            }
            return sb.toString();
        }

        private void entry(String[] f, int lang) {
            String kind = f[0];
            switch (kind) {
                case "word": {
                    String usage = "word <valence> <term>";
                    float v = number(need(f, 1, usage), "valence", -5, 5);
                    EntryB e = entry(term(f, 2, usage), lang, false);
                    e.flags |= E_VALENCE;
                    e.valence = v;
                    break;
                }
                case "negator": {
                    entry(term(f, 1, "negator <term>"), lang, false).flags |= E_NEGATOR;
                    break;
                }
                case "boost": {
                    String usage = "boost <factor> <term>";
                    float v = number(need(f, 1, usage), "boost factor", -0.95f, 3);
                    EntryB e = entry(term(f, 2, usage), lang, false);
                    e.flags |= E_BOOST;
                    e.boost = v;
                    break;
                }
                case "contrast": {
                    entry(term(f, 1, "contrast <term>"), lang, false).flags |= E_CONTRAST;
                    break;
                }
                case "summary": {
                    EntryB e = entry(term(f, 1, "summary <term>"), lang, false);
                    e.flags |= E_CONTRAST;
                    e.summary = true;
                    break;
                }
                case "hedge": {
                    entry(term(f, 1, "hedge <term>"), lang, false).flags |= E_HEDGE;
                    break;
                }
                case "rhetorical": {
                    entry(term(f, 1, "rhetorical <term>"), lang, false).flags |= E_RHETORICAL;
                    break;
                }
                case "situation": {
                    String usage = "situation <valence> <term>";
                    float v = number(need(f, 1, usage), "valence", -5, 0);
                    EntryB e = entry(term(f, 2, usage), lang, false);
                    e.flags |= E_SITUATION | E_VALENCE;
                    e.valence = v;
                    break;
                }
                case "sarcasm": {
                    String usage = "sarcasm <valence> <term>";
                    float v = number(need(f, 1, usage), "valence", -5, 5);
                    EntryB e = entry(term(f, 2, usage), lang, false);
                    e.flags |= E_SARCASM | E_VALENCE;
                    e.valence = v;
                    break;
                }
                case "complaint": {
                    String usage = "complaint <weight> <term>";
                    float v = number(need(f, 1, usage), "complaint weight", 0, 5);
                    EntryB e = entry(term(f, 2, usage), lang, false);
                    e.flags |= E_COMPLAINT;
                    e.cue = v;
                    break;
                }
                case "category": {
                    String usage = "category <category> <weight> <term>";
                    String id = need(f, 1, usage);
                    Category c;
                    try {
                        c = Category.of(id);
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("bad category: " + ex.getMessage());
                    }
                    float w = number(need(f, 2, usage), "category weight", 0, 5);
                    EntryB e = entry(term(f, 3, usage), lang, false);
                    e.flags |= E_CATEGORY;
                    e.category = c;
                    e.catWeight = w;
                    break;
                }
                case "stop": {
                    String t = term(f, 1, "stop <word>");
                    long[] k = keys(t);
                    if (k.length != 1) {
                        throw new IllegalArgumentException("a stop word is one word, was '" + t + "'");
                    }
                    key(k[0], false).stopMask |= 1 << lang;
                    break;
                }
                case "ignore": {
                    String t = term(f, 1, "ignore <term>");
                    long k = phraseKey(keys(t));
                    KeyB kb = keys.get(k);
                    if (kb != null) {
                        kb.entries.remove(lang);
                        kb.stopMask &= ~(1 << lang);
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown kind '" + kind
                            + "', expected word, negator, boost, contrast, summary, hedge, rhetorical,"
                            + " situation, sarcasm, complaint, category, stop or ignore");
            }
        }

        /** Adds the words of an entry's term to its language's trigram profile (Latin-script languages). */
        private void profile(String[] f, int lang) {
            if (lang == ANY || lang == ZH || lang == AR) {
                return;
            }
            int from;
            switch (f[0]) {
                case "word": case "boost": case "situation": case "sarcasm": case "complaint":
                    from = 2;
                    break;
                case "category":
                    from = 3;
                    break;
                case "ignore":
                    return;
                default:
                    from = 1;
                    break;
            }
            for (int i = from; i < f.length; i++) {
                ngrams.addTerm(f[i], lang);
            }
        }

        private static String need(String[] f, int i, String usage) {
            if (f.length <= i) {
                throw new IllegalArgumentException("expected '" + usage + "'");
            }
            return f[i];
        }

        private long[] keys(String term) {
            tokens.terms(term);
            int n = tokens.count;
            if (n == 0) {
                throw new IllegalArgumentException("term '" + term + "' has no letters, emoji or emoticon");
            }
            if (n > MAX_PHRASE) {
                throw new IllegalArgumentException("term '" + term + "' has " + n + " words, at most " + MAX_PHRASE
                        + " are allowed");
            }
            if (tokens.type[0] == Tokens.T_EMOTICON) {
                char first = TextTables.FOLD[term.strip().charAt(0)];
                emoticonStart[first >>> 6] |= 1L << first;
            }
            long[] out = new long[n];
            System.arraycopy(tokens.key, 0, out, 0, n);
            return out;
        }

        private static long phraseKey(long[] k) {
            if (k.length == 1) {
                return k[0];
            }
            long p = k[0];
            for (int i = 1; i < k.length; i++) {
                p = TextTables.combine(p, k[i]);
            }
            return p;
        }

        private KeyB key(long k, boolean phrase) {
            return keys.computeIfAbsent(k, x -> new KeyB(x, phrase));
        }

        private EntryB entry(String term, int lang, boolean unused) {
            long[] k = keys(term);
            KeyB kb;
            if (k.length == 1) {
                kb = key(k[0], false);
                if (tokens.type[0] == Tokens.T_HAN) {
                    int len = hanLength(term);
                    if (len > MAX_HAN) {
                        throw new IllegalArgumentException("Chinese term '" + term + "' has " + len
                                + " characters, at most " + MAX_HAN + " are allowed");
                    }
                    kb.hanLength = Math.max(kb.hanLength, len);
                    markHanPrefixes(term);
                }
            } else {
                KeyB first = key(k[0], false);
                first.phraseMax = Math.max(first.phraseMax, k.length);
                first.second |= 1L << (k[1] & 63);
                first.phraseLangs |= 1 << lang;
                kb = key(phraseKey(k), true);
            }
            EntryB e = kb.entries.get(lang);
            if (e == null) {
                e = new EntryB();
                kb.entries.put(lang, e);
            }
            e.term = term;
            return e;
        }

        /** Marks every proper prefix of a Chinese term, hashed as the tokenizer hashes a run of characters. */
        private void markHanPrefixes(String term) {
            long h = TextTables.FNV_OFFSET;
            int seen = 0;
            int total = hanLength(term);
            for (int i = 0; i < term.length() && seen < total - 1; i++) {
                char c = term.charAt(i);
                if (TextTables.CLASS[c] == TextTables.HAN) {
                    h = TextTables.step(h, TextTables.FOLD[c]);
                    seen++;
                    int bit = hanPrefixBit(TextTables.mix(h));
                    hanPrefix[bit >>> 6] |= 1L << bit;
                }
            }
        }

        private static int hanLength(String term) {
            int n = 0;
            for (int i = 0; i < term.length(); i++) {
                if (TextTables.CLASS[term.charAt(i)] == TextTables.HAN) {
                    n++;
                }
            }
            return n;
        }

        /** Compiles what was parsed. */
        public Lexicon build() {
            return new Lexicon(this);
        }
    }
}
