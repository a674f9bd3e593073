package dev.firebreak.classify.internal;

import static dev.firebreak.classify.internal.TextTables.APOS;
import static dev.firebreak.classify.internal.TextTables.AT;
import static dev.firebreak.classify.internal.TextTables.CLASS;
import static dev.firebreak.classify.internal.TextTables.CLAUSE;
import static dev.firebreak.classify.internal.TextTables.EMOJI;
import static dev.firebreak.classify.internal.TextTables.FNV_OFFSET;
import static dev.firebreak.classify.internal.TextTables.FOLD;
import static dev.firebreak.classify.internal.TextTables.HAN;
import static dev.firebreak.classify.internal.TextTables.HASH;
import static dev.firebreak.classify.internal.TextTables.HIGH;
import static dev.firebreak.classify.internal.TextTables.NEWLINE;
import static dev.firebreak.classify.internal.TextTables.SCRIPT;
import static dev.firebreak.classify.internal.TextTables.SENTENCE;
import static dev.firebreak.classify.internal.TextTables.SKIP;
import static dev.firebreak.classify.internal.TextTables.SPACE;
import static dev.firebreak.classify.internal.TextTables.SYMBOL;
import static dev.firebreak.classify.internal.TextTables.WORD;
import static dev.firebreak.classify.internal.TextTables.mix;
import static dev.firebreak.classify.internal.TextTables.step;

/**
 * The tokenizer and its reusable buffers: one instance per thread. A single left-to-right scan over the
 * characters (each character is read a bounded number of times, so the time is linear in the length);
 * tokens are recorded as 64-bit hashes of their folded characters, never as strings.
 *
 * <p>The same code turns lexicon terms into keys ({@code termMode}), so a term and the text it matches
 * are always folded and hashed identically.
 */
final class Tokens {

    static final byte T_WORD = 1;
    static final byte T_HAN = 2;
    static final byte T_EMOJI = 3;
    static final byte T_EMOTICON = 4;

    static final int F_CAPS = 1;
    static final int F_ELONG = 2;
    static final int F_HASHTAG = 4;
    static final int F_PART = 8;
    static final int F_COVERED = 16;
    static final int F_NEGATED = 32;
    /** Inside a matched phrase that has no valence: the word counts for sentiment only. */
    static final int F_IN_PHRASE = 128;

    private static final int MAX_PARTS = 8;
    private static final int MAX_EMOTICON = 4;
    private static final int MAX_STEMMED = 32;
    static final int F_STEM = 64;
    /**
     * A word, unknown or known only with entries that may be in other languages, that may be another
     * gender or number of a Romance adjective or noun ("schifosi" of "schifoso", "ridicola" of "ridicolo"):
     * {@link #romance(int)} looks it up, in French, Spanish, Italian and Portuguese texts only.
     */
    static final int F_ROMANCE = 256;
    /**
     * A token between guillemets, « and », the way Norwegian marks the title of a work («Beyond Good & Evil»):
     * set only once the closing guillemet is met, so an unmatched « marks nothing.
     */
    static final int F_GUILLEMETS = 512;
    /** A token of a clause that ends with a question mark ("Is it good?", not "I love it, is it red?"). */
    static final int F_QUESTION = 1024;

    final int capacity;
    int count;
    final long[] key;
    final byte[] type;
    final int[] flags;
    final int[] clause;
    final int[] sentence;
    final int[] idx;
    /** The lexicon table value of {@link #idx} (see {@link Lexicon#findValue}), or -1. */
    final long[] value;
    /**
     * For an elongated token ({@link #F_ELONG}) found in both forms ("baaad": "baad" and "bad"), the second
     * form's index, else -1; not written for other tokens.
     */
    final int[] idx1;
    final float[] contrib;
    /** For a token flagged {@link #F_ROMANCE}, its characters (written only for those tokens). */
    private final int[] romanceFrom;
    private final int[] romanceTo;

    // text-level statistics of the last call
    int exclaims;
    /** The first token after an open «, or -1. */
    private int guillemetFrom;
    int questions;
    /** Where the first {@link #MAX_UNKNOWN} words no lexicon knows are in {@link #chars} (not hashtags). */
    static final int MAX_UNKNOWN = 8;
    int unknowns;
    final int[] unknownFrom = new int[MAX_UNKNOWN];
    final int[] unknownTo = new int[MAX_UNKNOWN];
    int handles;
    int serviceHandles;
    int casedWords;
    int words;
    int capsWords;
    final int[] script = new int[8];
    /** Letter evidence for the languages (ñ, ß, ø...). */
    final float[] langScore = new float[Lexicon.LANGS];
    /** Lexicon evidence, as lanes (see {@link Lexicon#EVIDENCE_LANES}). */
    long evidence0;
    long evidence1;
    long evidence2;

    final char[] chars;
    private Lexicon lex;
    private boolean termMode;
    private int clauseNo;
    /** The clause number of the last hashtag segment: -1, -2... (see {@link #hashtag}). */
    private int hashtagClause;
    private int sentenceNo;

    // results of scanWord
    private long wH2;
    private int wFrom;
    private int wTo;
    private long wH1;
    private boolean wElong;
    private int wLen;
    private int wCased;
    private int wUpper;
    private final int[] partStart = new int[MAX_PARTS + 1];
    /** Hash of the first n+1 folded characters of the word being scanned, and that character. */
    private final long[] preH = new long[MAX_STEMMED];
    private final char[] preC = new char[MAX_STEMMED];
    private int parts;
    /** The hash with every run of a letter read once, from the last {@link #rehash}. */
    private long rH1;

    Tokens(int capacity, int maxChars) {
        this.capacity = capacity;
        this.chars = new char[maxChars];
        key = new long[capacity];
        type = new byte[capacity];
        flags = new int[capacity];
        clause = new int[capacity];
        sentence = new int[capacity];
        idx = new int[capacity];
        value = new long[capacity];
        idx1 = new int[capacity];
        contrib = new float[capacity];
        romanceFrom = new int[capacity];
        romanceTo = new int[capacity];
    }

    private void reset(Lexicon lexicon, boolean terms) {
        this.lex = lexicon;
        this.termMode = terms;
        count = 0;
        exclaims = 0;
        guillemetFrom = -1;
        questions = 0;
        unknowns = 0;
        handles = 0;
        serviceHandles = 0;
        casedWords = 0;
        words = 0;
        capsWords = 0;
        clauseNo = 0;
        hashtagClause = 0;
        sentenceNo = 0;
        for (int k = 0; k < script.length; k++) {
            script[k] = 0;
        }
        for (int k = 0; k < langScore.length; k++) {
            langScore[k] = 0;
        }
        evidence0 = 0;
        evidence1 = 0;
        evidence2 = 0;
    }

    /** Splits a lexicon term into tokens, without looking anything up. */
    void terms(String term) {
        reset(null, true);
        char[] termChars = term.toCharArray();
        scan(termChars, termChars.length);
    }

    /** Tokenizes the first {@code end} characters of a text, looking tokens up in the lexicon. */
    void tokenize(String text, int end, Lexicon lexicon) {
        reset(lexicon, false);
        // one bulk copy, then plain array reads in every loop below
        text.getChars(0, end, chars, 0);
        scan(chars, end);
    }

    private void scan(char[] text, int end) {
        int i = 0;
        while (i < end && count < capacity) {
            char c = text[i];
            switch (CLASS[c]) {
                case SPACE:
                case SKIP:
                    i++;
                    break;
                case NEWLINE:
                    newSentence();
                    i++;
                    break;
                case WORD:
                    i = word(text, i, end, 0);
                    break;
                case HAN:
                    i = han(text, i, end);
                    break;
                case HASH:
                    if (i + 1 < end && CLASS[text[i + 1]] == WORD) {
                        i = hashtag(text, i + 1, end);
                    } else {
                        i = symbols(text, i, end);
                    }
                    break;
                case AT:
                    if (!termMode && i + 1 < end && CLASS[text[i + 1]] == WORD) {
                        i = skipHandle(text, i + 1, end);
                    } else {
                        i = symbols(text, i, end);
                    }
                    break;
                case EMOJI:
                    emit(T_EMOJI, mix(step(FNV_OFFSET, c)), 0, 0);
                    i++;
                    break;
                case HIGH:
                    i = supplementary(text, i, end);
                    break;
                default: // APOS, CLAUSE, SENTENCE, SYMBOL
                    i = symbols(text, i, end);
                    break;
            }
        }
    }

    private void newSentence() {
        sentenceNo++;
        clauseNo++;
    }

    private int supplementary(char[] text, int i, int end) {
        if (i + 1 >= end || !Character.isLowSurrogate(text[i + 1])) {
            return i + 1; // a lone surrogate: ignored
        }
        char hi = text[i];
        char lo = text[i + 1];
        int cp = Character.toCodePoint(hi, lo);
        if (TextTables.isEmojiModifier(cp)) {
            return i + 2;
        }
        int t = Character.getType(cp);
        if (t == Character.OTHER_SYMBOL) {
            emit(T_EMOJI, mix(step(step(FNV_OFFSET, hi), lo)), 0, 0);
        } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            script[TextTables.S_HAN]++;
            emit(T_HAN, mix(step(step(FNV_OFFSET, hi), lo)), 0, 0);
        }
        return i + 2;
    }

    /** Skips a @handle; handles are not words. */
    private int skipHandle(char[] text, int i, int end) {
        handles++;
        int start = i;
        while (i < end) {
            char c = text[i];
            byte cls = CLASS[c];
            if (cls == WORD || c == '_' || (c == '.' && i + 1 < end && CLASS[text[i + 1]] == WORD)) {
                i++;
            } else {
                break;
            }
        }
        if (isServiceHandle(text, start, i)) {
            serviceHandles++;
        }
        return i;
    }

    private static final String[] SERVICE_WORDS = {"help", "support", "care", "service"};

    /** Whether a handle names a customer-service account: @AcmeHelp, @AcmeSupport, @AskAcme, @Acme_Care. */
    static boolean isServiceHandle(char[] text, int from, int to) {
        if (to - from > 40) {
            return false;
        }
        if (to - from > 3 && matches(text, from, "ask")) {
            return true;
        }
        for (int i = from; i < to; i++) {
            char c = (char) (text[i] | 0x20);
            if (c == 'h' || c == 's' || c == 'c') {
                for (String w : SERVICE_WORDS) {
                    if (w.charAt(0) == c && i + w.length() <= to && matches(text, i, w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a URL starts at i: http://, https:// or www. */
    private static boolean urlAt(char[] text, int i, int end) {
        char c = text[i];
        if (c == 'h' || c == 'H') {
            int j = i + 4;
            if (j < end && matches(text, i, "http")) {
                if (j < end && (text[j] == 's' || text[j] == 'S')) {
                    j++;
                }
                return j + 2 < end && text[j] == ':' && text[j + 1] == '/' && text[j + 2] == '/';
            }
        } else if (c == 'w' || c == 'W') {
            return i + 4 < end && matches(text, i, "www.") && CLASS[text[i + 4]] == WORD;
        }
        return false;
    }

    /** Whether the lower-case ASCII word {@code w} is at {@code i}, in any case. */
    private static boolean matches(char[] text, int i, String w) {
        for (int k = 0; k < w.length(); k++) {
            char c = text[i + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipUrl(char[] text, int i, int end) {
        while (i < end) {
            byte cls = CLASS[text[i]];
            if (cls == SPACE || cls == NEWLINE) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Scans one word from i: letters, digits and marks, with an apostrophe inside it kept unless the
     * part before it is one or two letters (French and Italian elision: l', d', n', qu'). Sets the w*
     * fields and returns the end.
     */
    private int scanWord(char[] text, int i, int end, boolean camel) {
        int from = i;
        long h2 = FNV_OFFSET;
        char prev = 0;
        int run = 0;
        int len = 0;
        int cased = 0;
        int upper = 0;
        boolean elong = false;
        boolean prevLower = false;
        boolean prevDigit = false;
        parts = 0;
        byte wordScript = TextTables.S_NONE;
        int[] info = TextTables.INFO;
        while (i < end) {
            char c = text[i];
            int in = info[c];
            int cls = (in >>> TextTables.INFO_CLASS_SHIFT) & 15;
            if (cls == WORD) {
                char f = (char) in;
                if (f == 0) {
                    i++;
                    continue;
                }
                int letterCase = in >>> TextTables.INFO_CASE_SHIFT;
                if (letterCase != 0) {
                    cased++;
                    if (letterCase == TextTables.UPPER) {
                        upper++;
                    }
                }
                if (c >= 0xC0) {
                    if (wordScript == TextTables.S_NONE) {
                        wordScript = SCRIPT[c];
                    }
                    if (c < 0x180 && !termMode) {
                        LanguageEvidence.letter(c, langScore);
                    }
                } else if (wordScript == TextTables.S_NONE && letterCase != 0) {
                    wordScript = TextTables.S_LATIN;
                }
                if (camel && parts < MAX_PARTS) {
                    boolean isUpper = letterCase == TextTables.UPPER;
                    boolean digit = c >= '0' && c <= '9';
                    if (len == 0 || (isUpper && prevLower) || (digit != prevDigit)) {
                        partStart[parts++] = i;
                    }
                    prevLower = letterCase == TextTables.LOWER;
                    prevDigit = digit;
                }
                if (f == prev) {
                    if (++run > 2) {
                        elong = true;
                        len++;
                        i++;
                        continue;
                    }
                } else {
                    run = 1;
                    prev = f;
                }
                h2 = step(h2, f);
                len++;
                i++;
            } else if (cls == APOS && len > 2 && i + 1 < end && CLASS[text[i + 1]] == WORD) {
                h2 = step(h2, '\'');
                prev = '\'';
                run = 1;
                len++;
                i++;
            } else {
                break;
            }
        }
        partStart[parts] = i;
        script[wordScript] += len;
        wFrom = from;
        wTo = i;
        wH2 = h2;
        wElong = elong;
        wLen = len;
        wCased = cased;
        wUpper = upper;
        if (elong) {
            rehash(text, from, i);
            wH1 = rH1;
        }
        return i;
    }

    /**
     * Scans the word in [from, to) again, as {@link #scanWord} did, for what only some words need: the
     * hash with every run of a letter read once (elongated words), and the prefix hashes and letters
     * for stemming ({@link #preH}, {@link #preC}). Leaves the first in {@link #rH1}; returns the length.
     */
    private int rehash(char[] text, int from, int to) {
        long h1 = FNV_OFFSET;
        long h2 = FNV_OFFSET;
        char prev = 0;
        int run = 0;
        int len = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            byte cls = CLASS[c];
            char f;
            if (cls == WORD) {
                f = FOLD[c];
                if (f == 0) {
                    continue;
                }
            } else if (cls == APOS) {
                f = '\'';
            } else {
                continue;
            }
            if (f == prev && f != '\'') {
                run++;
            } else {
                run = 1;
                prev = f;
            }
            if (run <= 2) {
                h2 = step(h2, f);
            }
            if (run == 1) {
                h1 = step(h1, f);
            }
            if (len < MAX_STEMMED) {
                preH[len] = h2;
                preC[len] = f;
            }
            len++;
        }
        rH1 = h1;
        return len;
    }

    private int word(char[] text, int i, int end, int extraFlags) {
        if (!termMode && urlAt(text, i, end)) {
            return skipUrl(text, i, end);
        }
        int e = scanWord(text, i, end, false);
        if (wLen > 0) {
            emitWord(extraFlags);
        }
        if (e < end && CLASS[text[e]] == APOS) {
            e++; // the elision apostrophe, or a closing quote
        }
        return e == i ? i + 1 : e;
    }

    private void emitWord(int extraFlags) {
        if ((extraFlags & F_PART) == 0) {
            words++;
        }
        int f = extraFlags;
        if (wCased >= 2) {
            casedWords++;
            if (wUpper == wCased) {
                f |= F_CAPS;
                capsWords++;
            }
        }
        if (wElong) {
            f |= F_ELONG;
        }
        emit(T_WORD, mix(wH2), wElong ? mix(wH1) : 0, f);
        if (!termMode && unknowns < MAX_UNKNOWN && (f & (F_PART | F_HASHTAG)) == 0 && idx[count - 1] < 0) {
            unknownFrom[unknowns] = wFrom;
            unknownTo[unknowns++] = wTo;
        }
        // an unknown word, or one known only with entries (perhaps in other languages only: Portuguese
        // "desesperada" in a Spanish text that lists "desesperado"), may be an inflection
        if (!termMode && !wElong && wLen >= 4 && wLen < MAX_STEMMED && (f & F_HASHTAG) == 0
                && (idx[count - 1] < 0 || Lexicon.entryCount(value[count - 1]) > 0)) {
            boolean unknown = idx[count - 1] < 0;
            char last = FOLD[chars[wTo - 1]];
            if (unknown && wLen >= 5
                    && (last == 's' || last == 'd' || last == 'g' || last == 't' || last == 'r' || last == 'y')) {
                rehash(chars, wFrom, wTo);
                stem(count - 1);
            } else if (last == 'a' || last == 'o' || last == 'i' || last == 'e') {
                // looked up only if the text turns out to be in a Romance language (see romance(int))
                int n = count - 1;
                flags[n] |= F_ROMANCE;
                romanceFrom[n] = wFrom;
                romanceTo[n] = wTo;
            }
        }
    }

    /**
     * An English inflection the lexicon does not list ("scamming", "shittiest", "ruined", "scams"): the
     * base form's entry, if it has one. Only the sentiment lexicons read stems, never language evidence.
     */
    private void stem(int n) {
        int len = wLen;
        char[] c = preC;
        char last = c[len - 1];
        char last2 = c[len - 2];
        char last3 = c[len - 3];
        if (last == 't' && last2 == 's' && last3 == 'e' && c[len - 4] == 'i' && len >= 7) {
            if (tryStem(n, step(preH[len - 5], 'y'))) {
                return; // shittiest -> shitty
            }
        }
        if ((last == 'r' || last == 's' || last == 'd') && last2 == 'e' && last3 == 'i' && len >= 6) {
            if (tryStem(n, step(preH[len - 4], 'y'))) {
                return; // worries, worried -> worry
            }
        }
        if (last == 'g' && last2 == 'n' && last3 == 'i') {
            int m = len - 3;
            if (tryStem(n, preH[m - 1]) || (c[m - 1] == c[m - 2] && tryStem(n, preH[m - 2]))
                    || tryStem(n, step(preH[m - 1], 'e'))) {
                return; // crashing, scamming, hating
            }
        }
        if (last == 'd' && last2 == 'e') {
            int m = len - 2;
            if (tryStem(n, preH[m - 1]) || tryStem(n, preH[len - 2]) || (c[m - 1] == c[m - 2] && tryStem(n, preH[m - 2]))) {
                return; // ruined, hated, scammed
            }
        }
        if (last == 't' && last2 == 's' && last3 == 'e') {
            if (tryStem(n, preH[len - 4]) || tryStem(n, preH[len - 3])) {
                return; // greatest, nicest
            }
        }
        if (last == 'r' && last2 == 'e') {
            if (tryStem(n, preH[len - 3]) || tryStem(n, preH[len - 2])) {
                return; // cheaper, nicer
            }
        }
        if (last == 'y' && last2 == 'l') {
            if (tryStem(n, preH[len - 3])) {
                return; // badly
            }
        }
        if (last == 's' && last2 != 's') {
            if ((last2 == 'e' && tryStem(n, preH[len - 3])) || tryStem(n, preH[len - 2])) {
                return; // fixes, scams
            }
        }
    }

    /** Romance endings that mark gender and number, tried in this order for a word the lexicon lacks. */
    private static final char[] ROMANCE_ENDINGS = {'o', 'a', 'e', 'i'};

    /**
     * For token {@code n} (flagged {@link #F_ROMANCE}), the key index of another gender or number of the
     * word that the lexicon lists, or -1: "schifosi", "schifose" and "schifosa" find "schifoso",
     * "ridicola" finds "ridicolo", "incapaci" "incapace". The token's key stays its own, so phrases
     * match the form written.
     */
    int romance(int n) {
        int len = rehash(chars, romanceFrom[n], romanceTo[n]);
        if (len < 2 || len > MAX_STEMMED) {
            return -1;
        }
        char last = preC[len - 1];
        long base = preH[len - 2];
        for (char v : ROMANCE_ENDINGS) {
            if (v != last) {
                int found = lex.find(mix(step(base, v)));
                if (found >= 0 && lex.hasEntries(found)) {
                    return found;
                }
            }
        }
        return -1;
    }

    private boolean tryStem(int n, long hash) {
        long k = mix(hash);
        long v = lex.findValue(k);
        int found = Lexicon.index(v);
        if (found >= 0 && lex.hasEntries(found)) {
            idx[n] = found;
            value[n] = v;
            key[n] = k;
            flags[n] |= F_STEM;
            return true;
        }
        return false;
    }

    /**
     * A hashtag and its parts ("#NotHappy", "#boycott_acme"). A hashtag is a statement of its own ("my
     * parcel never came #fail"): it gets a clause number of its own, negative so that no clause made by
     * punctuation shares it, so a negation or intensifier outside it does not reach into it, nor one
     * inside it out, while its own parts still negate each other ("#NotHappy"); the words after it are
     * back in the clause it interrupted.
     */
    private int hashtag(char[] text, int i, int end) {
        int outer = clauseNo;
        clauseNo = --hashtagClause;
        int e = hashtagSegments(text, i, end);
        clauseNo = outer;
        return e;
    }

    private int hashtagSegments(char[] text, int i, int end) {
        while (true) {
            int e = scanWord(text, i, end, true);
            if (wLen > 0) {
                int nParts = parts;
                emitWord(F_HASHTAG);
                int full = count - 1;
                if (nParts >= 2) {
                    for (int p = 0; p < nParts && count < capacity; p++) {
                        hashRange(text, partStart[p], partStart[p + 1]);
                        emitWord(F_PART | F_HASHTAG);
                    }
                } else if (!termMode && full >= 0 && idx[full] < 0 && wLen >= 6 && wLen <= 24) {
                    prefixPart(text, i, e);
                }
            }
            // #boycott_acme: underscores join hashtag segments
            if (e + 1 < end && text[e] == '_' && CLASS[text[e + 1]] == WORD) {
                i = e + 1;
            } else {
                return e == i ? i + 1 : e;
            }
        }
    }

    /** For a one-piece hashtag the lexicon does not know (#boycottacme), the longest known prefix. */
    private void prefixPart(char[] text, int from, int to) {
        long h = FNV_OFFSET;
        int n = 0;
        int bestEnd = -1;
        for (int i = from; i < to; i++) {
            char f = FOLD[text[i]];
            if (f == 0) {
                continue;
            }
            h = step(h, f);
            n++;
            if (n >= 4 && i + 1 < to - 1) {
                int k = lex.find(mix(h));
                if (k >= 0 && lex.hasEntries(k)) {
                    bestEnd = i + 1;
                }
            }
        }
        if (bestEnd > 0 && count < capacity) {
            hashRange(text, from, bestEnd);
            emitWord(F_PART | F_HASHTAG);
        }
    }

    /** Hashes a range of word characters into the w* fields (no apostrophes in hashtags). */
    private void hashRange(char[] text, int from, int to) {
        long h2 = FNV_OFFSET;
        long h1 = FNV_OFFSET;
        char prev = 0;
        int run = 0;
        int len = 0;
        int cased = 0;
        int upper = 0;
        boolean elong = false;
        for (int i = from; i < to; i++) {
            char c = text[i];
            char f = FOLD[c];
            if (f == 0 || CLASS[c] != WORD) {
                continue;
            }
            if (Character.isUpperCase(c)) {
                upper++;
                cased++;
            } else if (Character.isLowerCase(c)) {
                cased++;
            }
            if (f == prev) {
                run++;
            } else {
                run = 1;
                prev = f;
            }
            if (run <= 2) {
                h2 = step(h2, f);
            } else {
                elong = true;
            }
            if (run == 1) {
                h1 = step(h1, f);
            }
            len++;
        }
        wH2 = h2;
        wH1 = h1;
        wElong = elong;
        wLen = len;
        // camel-case parts are capitalised by design: not shouting
        wCased = cased > 1 && upper == cased ? cased : 0;
        wUpper = upper;
    }

    private int han(char[] text, int i, int end) {
        int k = i;
        while (k < end && CLASS[text[k]] == HAN) {
            k++;
        }
        script[TextTables.S_HAN] += k - i;
        if (termMode) {
            long h = FNV_OFFSET;
            for (int j = i; j < k; j++) {
                h = step(h, FOLD[text[j]]);
            }
            emit(T_HAN, mix(h), 0, 0);
            return k;
        }
        int maxHan = lex.maxHan;
        int j = i;
        while (j < k && count < capacity) {
            long h = FNV_OFFSET;
            int bestLen = 1;
            long bestKey = 0;
            int limit = Math.min(maxHan, k - j);
            for (int len = 1; len <= limit; len++) {
                h = step(h, FOLD[text[j + len - 1]]);
                long key = mix(h);
                if (len == 1) {
                    bestKey = key;
                }
                int found = lex.find(key);
                if (found >= 0 && lex.hasEntries(found)) {
                    bestLen = len;
                    bestKey = key;
                }
                if (!lex.isHanPrefix(key)) {
                    break; // no longer term starts with these characters
                }
            }
            emit(T_HAN, bestKey, 0, 0);
            j += bestLen;
        }
        return k;
    }

    /**
     * A run of punctuation and symbols: an emoticon when the lexicon knows it (":)", ":-(", "<3", ":D"),
     * otherwise sentence and clause boundaries and exclamation and question marks.
     */
    private int symbols(char[] text, int i, int end) {
        if (!termMode && !lex.startsEmoticon(FOLD[text[i]])) {
            return punctuation(text[i], i);
        }
        int j = i;
        while (j < end && j - i < 8) {
            byte cls = CLASS[text[j]];
            if (cls == SYMBOL || cls == CLAUSE || cls == SENTENCE || cls == APOS || cls == HASH || cls == AT) {
                j++;
            } else {
                break;
            }
        }
        // ":D", ":P", "<3": one trailing letter or digit that ends the chunk
        int tail = -1;
        if (j < end && j - i <= 3) {
            char t = text[j];
            if ((t == 'D' || t == 'P' || t == 'p' || t == 'd' || t == 'o' || t == 'O' || t == '3' || t == 'S'
                    || t == 's' || t == 'x' || t == 'X') && (j + 1 >= end || CLASS[text[j + 1]] != WORD)) {
                tail = j;
            }
        }
        if (termMode) {
            int stop = tail >= 0 ? tail + 1 : j;
            long h = FNV_OFFSET;
            for (int k = i; k < stop; k++) {
                h = step(h, FOLD[text[k]]);
            }
            emit(T_EMOTICON, mix(h), 0, 0);
            return stop;
        }
        int runLen = j - i;
        if (runLen >= 1 && (runLen >= 2 || tail >= 0)) {
            // longest known emoticon at the start of the run
            long h = FNV_OFFSET;
            int best = -1;
            long bestKey = 0;
            int max = Math.min(runLen, MAX_EMOTICON);
            for (int len = 1; len <= max; len++) {
                h = step(h, FOLD[text[i + len - 1]]);
                if (len >= 2) {
                    long key = mix(h);
                    int found = lex.find(key);
                    if (found >= 0 && lex.hasEntries(found)) {
                        best = i + len;
                        bestKey = key;
                    }
                }
                if (len == runLen && tail >= 0) {
                    long key = mix(step(h, FOLD[text[tail]]));
                    int found = lex.find(key);
                    if (found >= 0 && lex.hasEntries(found)) {
                        best = tail + 1;
                        bestKey = key;
                    }
                }
            }
            if (best > 0) {
                emit(T_EMOTICON, bestKey, 0, 0);
                return best;
            }
        }
        return punctuation(text[i], i);
    }

    /** Plain punctuation, one character at a time: sentence and clause boundaries, ! and ?. */
    private int punctuation(char c, int i) {
        byte cls = CLASS[c];
        if (cls == SENTENCE) {
            if (c == '!' || c == 0xFF01 || c == 0x00A1) {
                exclaims++;
            } else if (c == '?' || c == 0xFF1F || c == 0x061F || c == 0x00BF) {
                questions++;
                for (int n = count - 1; n >= 0 && clause[n] == clauseNo; n--) {
                    flags[n] |= F_QUESTION;
                }
            }
            newSentence();
        } else if (cls == CLAUSE) {
            clauseNo++;
        }
        if (c == '\u00AB') {
            guillemetFrom = count;
        } else if (c == '\u00BB' && guillemetFrom >= 0) {
            for (int n = guillemetFrom; n < count; n++) {
                flags[n] |= F_GUILLEMETS;
            }
            guillemetFrom = -1;
        }
        return i + 1;
    }

    /**
     * The language scores: letter evidence plus lexicon evidence (a stop word 1.0, a lexicon word 0.5 for each
     * language that lists it, or 1.0 when only one does; see {@link Lexicon}).
     */
    void languageScores(float[] out) {
        lanes(out, 0, evidence0);
        lanes(out, 4, evidence1);
        lanes(out, 8, evidence2);
    }

    private void lanes(float[] out, int from, long lanes) {
        out[from] = langScore[from] + 0.5f * (lanes & 0xFFFF);
        out[from + 1] = langScore[from + 1] + 0.5f * ((lanes >>> 16) & 0xFFFF);
        out[from + 2] = langScore[from + 2] + 0.5f * ((lanes >>> 32) & 0xFFFF);
        out[from + 3] = langScore[from + 3] + 0.5f * (lanes >>> 48);
    }

    private void emit(byte t, long k, long k1, int f) {
        if (count >= capacity) {
            return;
        }
        int n = count++;
        type[n] = t;
        key[n] = k;
        flags[n] = f;
        clause[n] = clauseNo;
        sentence[n] = sentenceNo;
        contrib[n] = 0;
        if (termMode) {
            idx[n] = -1;
            value[n] = -1;
            return;
        }
        long value = lex.findValue(k);
        int found = Lexicon.index(value);
        if (k1 != 0) {
            idx1[n] = -1;
            long value1 = lex.findValue(k1);
            int found1 = Lexicon.index(value1);
            if (found < 0) {
                found = found1;
                value = value1;
                if (found >= 0) {
                    key[n] = k1;
                }
            } else {
                idx1[n] = found1;
            }
        }
        idx[n] = found;
        this.value[n] = value;
        if (found >= 0 && (f & F_PART) == 0) {
            long[] lanes = Lexicon.EVIDENCE_LANES;
            int code = (int) (value >>> 32);
            evidence0 += lanes[code & 0xFF];
            evidence1 += lanes[(code >>> 8) & 0xFF];
            evidence2 += lanes[(code >>> 16) & 0xFF];
        }
    }
}
