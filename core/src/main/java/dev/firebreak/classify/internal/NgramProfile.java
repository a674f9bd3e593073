package dev.firebreak.classify.internal;

/**
 * Character trigram profiles of the languages written in the Latin script, built at load time from the
 * lexicons' own words (every word of every term, stop words included): they name the language of a
 * word no lexicon lists ("kjempebra" looks Norwegian, "dekhenge" Hindi), for short texts whose words
 * alone do not tell. Trigrams are hashed into {@link #BUCKETS} buckets; a language's score for a word is
 * the sum over its trigrams (the word padded with a boundary mark at each end) of
 * {@code ln(relative frequency in the language + EPSILON)}, so a trigram no language has costs every
 * language the same and a language with more words is not favoured.
 */
final class NgramProfile {

    static final int BUCKETS = 4096;
    private static final float EPSILON = 1e-4f;
    private static final char BOUNDARY = 1;

    /** Log score per bucket and language: {@code logp[bucket * LANGS + language]}. */
    private final float[] logp;

    private NgramProfile(float[] logp) {
        this.logp = logp;
    }

    /**
     * Adds to {@code acc[language]} the score of the word in {@code chars[from, to)} (raw text, folded
     * here as the tokenizer folds it). Reads only; allocates nothing.
     */
    void score(char[] chars, int from, int to, float[] acc) {
        char[] fold = TextTables.FOLD;
        char a = BOUNDARY;
        char b = 0;
        int seen = 1;
        for (int i = from; i <= to; i++) {
            char c;
            if (i == to) {
                c = BOUNDARY;
            } else {
                c = fold[chars[i]];
                if (c == 0) {
                    continue; // a dropped combining accent
                }
            }
            if (seen >= 2) {
                int base = bucket(a, b, c) * Lexicon.LANGS;
                for (int l = 0; l < Lexicon.LANGS; l++) {
                    acc[l] += logp[base + l];
                }
            }
            if (seen == 1) {
                b = c;
            } else {
                a = b;
                b = c;
            }
            seen++;
        }
    }

    private static int bucket(char a, char b, char c) {
        int h = a * 961 + b * 31 + c;
        h ^= h >>> 13;
        h *= 0x5bd1e995;
        h ^= h >>> 15;
        return h & (BUCKETS - 1);
    }

    /** Collects the words of the lexicons, then computes the profiles. */
    static final class Builder {
        private final int[] counts = new int[BUCKETS * Lexicon.LANGS];
        private final int[] totals = new int[Lexicon.LANGS];
        private final char[] buf = new char[64];

        /** Adds every word of a term written in Latin letters to the profile of a language. */
        void addTerm(String term, int lang) {
            int n = 0;
            for (int i = 0; i <= term.length(); i++) {
                char ch = i < term.length() ? term.charAt(i) : ' ';
                if (Character.isLetter(ch) && n < buf.length) {
                    if (Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN) {
                        n = -1000; // not a Latin word: skipped
                    } else if (n >= 0) {
                        char f = TextTables.FOLD[ch];
                        if (f != 0) {
                            buf[n++] = f;
                        }
                    }
                } else {
                    if (n >= 2) {
                        addWord(n, lang);
                    }
                    n = 0;
                }
            }
        }

        private void addWord(int n, int lang) {
            char a = BOUNDARY;
            char b = buf[0];
            for (int i = 1; i <= n; i++) {
                char c = i == n ? BOUNDARY : buf[i];
                counts[bucket(a, b, c) * Lexicon.LANGS + lang]++;
                totals[lang]++;
                a = b;
                b = c;
            }
        }

        NgramProfile build() {
            float[] logp = new float[BUCKETS * Lexicon.LANGS];
            for (int l = 0; l < Lexicon.LANGS; l++) {
                float total = Math.max(1, totals[l]);
                for (int k = 0; k < BUCKETS; k++) {
                    logp[k * Lexicon.LANGS + l] = (float) Math.log(counts[k * Lexicon.LANGS + l] / total + EPSILON);
                }
            }
            return new NgramProfile(logp);
        }
    }
}
