package dev.firebreak.classify.internal;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.classify.Signal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in classification algorithm over a compiled {@link Lexicon}: tokenize once (looking every
 * token up as it is made), decide the language, then one pass over the tokens for sentiment, complaint
 * cues and categories. Per call it allocates only the {@link Classification} and its two lists; the
 * buffers are per thread and reused.
 *
 * <p>Not part of the API: use {@code dev.firebreak.classify.BuiltInClassifier}.
 */
public final class Analyzer {

    /** Only the first this many characters of a text are read (a mention is far shorter). */
    public static final int MAX_CHARS = 10_000;
    static final int MAX_TOKENS = 4096;
    static final int MAX_SIGNALS = 10;
    static final int MAX_CATEGORIES = 10;

    // language identification from character trigrams, for short texts (see ngramEvidence)
    private static final int NGRAM_MAX_WORDS = 6;
    private static final int NGRAM_MIN_LETTERS = 4;
    private static final float NGRAM_MARGIN = 2f;
    private static final float NGRAM_WORD = 0.5f;

    // sentiment weights
    private static final float NEGATION = -0.6f;
    private static final float CAPS = 1.3f;
    private static final float ELONGATION = 1.2f;
    private static final float BEFORE_CONTRAST = 0.5f;
    private static final float AFTER_CONTRAST = 1.5f;
    private static final float EXCLAMATION = 0.25f;
    private static final float SARCASM = -0.8f;
    private static final float ALPHA = 12f;
    private static final float QUESTION_PRAISE = 0.6f;
    /** Praise in a clause that asks a question ("Is it good?", "C'est bon ?") asks, it does not praise. */
    private static final float PRAISE_ASKED = 0.15f;
    /** Sentiment in the sentence of a hedge ("not sure it's worth it") is held with doubt. */
    private static final float HEDGED = 0.5f;
    /** A negation with no sentiment word in its scope ("it does not fold") is a mild complaint. */
    private static final float BARE_NEGATION = -0.6f;

    // complaint model: a logistic score over the evidence
    private static final double C_BIAS = -2.0;
    private static final double C_NEGATIVE = 2.6;
    private static final double C_NET_NEGATIVE = 1.0;
    /** Praise ("sorted my refund in ten minutes, impressed!") is not a complaint. */
    private static final double C_PRAISE = -1.0;
    private static final double C_NEGATIVE_UNADDRESSED = 1.6;
    private static final double C_SERVICE_HANDLE = 0.8;
    private static final double C_CUE = 1.0;
    private static final double C_CATEGORY = 0.7;
    private static final double C_QUESTION = 0.5;
    private static final double C_ADDRESSED = 1.0;
    /** A question that carries no negative word and no complaint cue is a request for help, not a complaint. */
    private static final double C_REQUEST = -1.0;

    private static final int FIRED_CAPS = 1;
    private static final int FIRED_ELONG = 2;
    private static final int FIRED_EMOJI = 4;
    private static final int FIRED_EMOTICON = 8;
    private static final int FIRED_HASHTAG = 16;

    static final Signal ALL_CAPS = Signal.of("all_caps");
    static final Signal ELONGATED = Signal.of("elongation");
    static final Signal EMOJI = Signal.of("emoji");
    static final Signal EMOTICON = Signal.of("emoticon");
    static final Signal HASHTAG = Signal.of("hashtag");
    static final Signal EXCLAIM = Signal.of("exclamation");
    static final Signal QUESTION = Signal.of("question");
    static final Signal SARCASM_SIGNAL = Signal.of("sarcasm");
    static final Signal UNKNOWN_LANGUAGE = Signal.of("unknown_language");

    private final Lexicon lex;
    private final double complaintThreshold;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread buffers. */
    private static final class Scratch {
        final Tokens t = new Tokens(MAX_TOKENS, MAX_CHARS);
        final float[] catSum;
        final float[] catMax;
        final Signal[] catSig = new Signal[32];
        final int[] catSigCat = new int[32];
        int catSigs;
        final Signal[] sig = new Signal[32];
        int sigs;
        final Signal[] late = new Signal[32];
        int lates;
        final int[] order;
        final Category[] outCats = new Category[MAX_CATEGORIES];
        final Signal[] outSigs = new Signal[MAX_SIGNALS];
        final float[] langScores = new float[Lexicon.LANGS];
        final float[] ngramScores = new float[Lexicon.LANGS];
        float factor;
        boolean fallback;
        // results of language() and tokenPass()
        int lang;
        double langConf;
        int sentLang;
        int letters;
        float raw;
        float negSum;
        float cue;
        boolean shouting;
        int fired;
        /** Indices of the tokens that carry a valence (each once). */
        final int[] valued = new int[MAX_TOKENS];
        int nValued;

        Scratch(int categories) {
            catSum = new float[categories];
            catMax = new float[categories];
            order = new int[categories];
        }
    }

    /**
     * @param lexicon the compiled lexicon
     * @param complaintThreshold the complaint score from which a mention is called a complaint
     */
    public Analyzer(Lexicon lexicon, double complaintThreshold) {
        this.lex = Objects.requireNonNull(lexicon, "lexicon");
        this.complaintThreshold = complaintThreshold;
        int cats = lexicon.categories.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(cats));
    }

    /** Classifies a text; the hint is the platform's language code, if any. */
    public Classification classify(String text, Optional<String> hint) {
        Scratch s = scratch.get();
        Tokens t = s.t;
        int end = Math.min(text.length(), MAX_CHARS);
        t.tokenize(text, end, lex);
        int hintLang = hint.isPresent() ? Lexicon.hintIndex(hint.get()) : -1;

        language(s, t, hintLang);
        int lang = s.lang;
        double langConf = s.langConf;
        int sentLang = s.sentLang;
        int letters = s.letters;
        tokenPass(s, t, sentLang);
        float raw = s.raw;
        float negSum = s.negSum;
        float cue = s.cue;
        boolean shouting = s.shouting;
        boolean capsFired = (s.fired & FIRED_CAPS) != 0;
        boolean elongFired = (s.fired & FIRED_ELONG) != 0;
        boolean emojiFired = (s.fired & FIRED_EMOJI) != 0;
        boolean emoticonFired = (s.fired & FIRED_EMOTICON) != 0;
        boolean hashtagFired = (s.fired & FIRED_HASHTAG) != 0;
        float[] catSum = s.catSum;
        float[] catMax = s.catMax;

        if (raw != 0 && t.exclaims > 0) {
            raw += Math.signum(raw) * Math.min(t.exclaims, 4) * EXCLAMATION;
        }
        if (t.questions > 0 && raw > 0) {
            raw *= QUESTION_PRAISE; // a question is seldom praise
        }
        if (shouting && raw != 0) {
            raw *= CAPS;
            capsFired = true;
        }
        double score = raw / Math.sqrt(raw * raw + ALPHA);
        if (!(score >= -1)) {
            score = -1;
        } else if (score > 1) {
            score = 1;
        }
        Polarity polarity;
        if (score > 0 && score >= lex.posThreshold[sentLang]) {
            polarity = Polarity.POSITIVE;
        } else if (score < 0 && score <= lex.negThreshold[sentLang]) {
            polarity = Polarity.NEGATIVE;
        } else {
            polarity = Polarity.NEUTRAL;
        }

        // ---------------------------------------------------------------- complaint
        float catTotal = 0;
        for (float v : catSum) {
            catTotal += v;
        }
        // a complaint may thank sarcastically or politely: its negative evidence counts whatever the
        // positive words around it say
        double negative = negSum / (negSum + 2.5);
        // a customer with a problem usually tells the brand: negativity addressed to nobody is more
        // often an opinion than a complaint
        boolean addressed = t.handles > 0;
        // in a positive mention the cues and category words are more often about a problem solved
        double problemWeight = polarity == Polarity.POSITIVE ? 0.5 : 1.0;
        double z = C_BIAS
                + (addressed ? C_NEGATIVE : C_NEGATIVE_UNADDRESSED) * negative
                + problemWeight * (C_CUE * Math.min(cue, 3) + C_CATEGORY * Math.min(catTotal, 2))
                + (addressed ? C_ADDRESSED : 0)
                + (t.serviceHandles > 0 ? C_SERVICE_HANDLE : 0)
                + (t.questions > 0 && addressed && (negSum > 0 || cue > 0) ? C_QUESTION : 0)
                + (score < 0 ? C_NET_NEGATIVE * -score : 0)
                + (polarity == Polarity.POSITIVE ? C_PRAISE * score : 0);
        if (t.questions > 0 && negSum == 0 && cue == 0) {
            // a question with no negative word and no complaint cue asks for something: a request
            z += C_REQUEST;
        }
        double complaintScore = 1 / (1 + Math.exp(-z));
        if (sentLang == Lexicon.ANY && letters > 0) {
            complaintScore *= 0.5;
        }
        boolean complaint = complaintScore >= complaintThreshold;

        // ---------------------------------------------------------------- categories and signals
        int nc = 0;
        int[] order = s.order;
        boolean problem = complaint || polarity == Polarity.NEGATIVE;
        for (int c = 0; c < catSum.length; c++) {
            // a strong term makes the category on its own; topical words ("parcel", "app") only
            // when the mention is a problem
            float w = catSum[c];
            if (catMax[c] >= 1.0f || (w >= 0.5f && problem)) {
                int p = nc++;
                while (p > 0 && catSum[order[p - 1]] < w) {
                    order[p] = order[p - 1];
                    p--;
                }
                order[p] = c;
            }
        }
        if (nc > MAX_CATEGORIES) {
            nc = MAX_CATEGORIES;
        }
        Category[] outCats = s.outCats;
        for (int c = 0; c < nc; c++) {
            outCats[c] = lex.categories[order[c]];
        }
        Signal[] out = s.outSigs;
        int ns = 0;
        for (int c = 0; c < nc && ns < MAX_SIGNALS; c++) {
            for (int j = 0; j < s.catSigs && ns < MAX_SIGNALS; j++) {
                if (s.catSigCat[j] == order[c]) {
                    ns = put(out, ns, s.catSig[j]);
                }
            }
        }
        for (int j = 0; j < s.sigs && ns < MAX_SIGNALS; j++) {
            ns = put(out, ns, s.sig[j]);
        }
        if (capsFired && ns < MAX_SIGNALS) {
            ns = put(out, ns, ALL_CAPS);
        }
        if (elongFired && ns < MAX_SIGNALS) {
            ns = put(out, ns, ELONGATED);
        }
        if (emojiFired && ns < MAX_SIGNALS) {
            ns = put(out, ns, EMOJI);
        }
        if (emoticonFired && ns < MAX_SIGNALS) {
            ns = put(out, ns, EMOTICON);
        }
        if (hashtagFired && ns < MAX_SIGNALS) {
            ns = put(out, ns, HASHTAG);
        }
        if (t.exclaims >= 2 && ns < MAX_SIGNALS) {
            ns = put(out, ns, EXCLAIM);
        }
        if (t.questions > 0 && ns < MAX_SIGNALS) {
            ns = put(out, ns, QUESTION);
        }
        if (lang == Lexicon.ANY && letters > 0 && ns < MAX_SIGNALS) {
            ns = put(out, ns, UNKNOWN_LANGUAGE);
        }
        for (int j = 0; j < s.lates && ns < MAX_SIGNALS; j++) {
            ns = put(out, ns, s.late[j]);
        }
        Language language = Lexicon.LANGUAGES[lang];
        return new Classification(language, langConf, score, polarity, complaintScore, complaint, list(outCats, nc),
                list(out, ns));
    }

    /** Decides the language (reported, with its confidence) and the lexicon read for sentiment. */
    private void language(Scratch s, Tokens t, int hintLang) {
        int[] sc = t.script;
        int letters = 0;
        for (int k = 1; k < sc.length; k++) {
            letters += sc[k];
        }
        int lang;
        double langConf;
        // the lexicon read for sentiment: the reported language, or for a Latin text too short to
        // name its language, the language with the most evidence
        int sentLang = -1;
        if (letters == 0) {
            lang = hintLang > 0 ? hintLang : Lexicon.ANY;
            langConf = hintLang > 0 ? 0.3 : 0.0;
        } else if (sc[TextTables.S_KANA] + sc[TextTables.S_HANGUL] > letters * 0.2) {
            lang = Lexicon.ANY;
            langConf = 0.1;
        } else if (sc[TextTables.S_HAN] >= letters * 0.3) {
            lang = Lexicon.ZH;
            langConf = 0.6 + 0.39 * sc[TextTables.S_HAN] / letters;
        } else if (sc[TextTables.S_ARABIC] >= letters * 0.5) {
            lang = Lexicon.AR;
            langConf = 0.6 + 0.39 * sc[TextTables.S_ARABIC] / letters;
        } else if (sc[TextTables.S_DEVANAGARI] >= letters * 0.4) {
            lang = Lexicon.HI;
            langConf = 0.6 + 0.39 * sc[TextTables.S_DEVANAGARI] / letters;
        } else if (sc[TextTables.S_LATIN] < letters * 0.5) {
            lang = Lexicon.ANY;
            langConf = 0.1;
        } else {
            float[] score = s.langScores;
            t.languageScores(score);
            if (hintLang > 0 && isLatin(hintLang)) {
                score[hintLang] += 0.6f;
            }
            if (t.unknowns > 0 && t.words <= NGRAM_MAX_WORDS) {
                ngramEvidence(s, t, score);
            }
            int best = -1;
            float bestScore = 0;
            for (int k : LATIN) {
                if (score[k] > bestScore) {
                    best = k;
                    bestScore = score[k];
                }
            }
            float second = 0;
            for (int k : LATIN) {
                if (k != best && score[k] > second && !siblings(k, best)) {
                    second = score[k];
                }
            }
            if (best < 0 || bestScore < 0.5f || bestScore < 0.2f * t.words) {
                lang = Lexicon.ANY;
                langConf = 0.15;
                sentLang = best < 0 ? Lexicon.ANY : best;
            } else {
                lang = best;
                double c = 0.35 + 0.15 * (bestScore - second) + 0.03 * bestScore;
                langConf = Math.max(0.3, Math.min(0.99, c));
            }
        }

        if (sentLang < 0) {
            sentLang = lang;
        }
        s.lang = lang;
        s.langConf = langConf;
        s.sentLang = sentLang;
        s.letters = letters;
    }

    /**
     * The pass over the tokens: valences with negation, intensity, sarcasm and contrast, complaint cues
     * and category evidence. Leaves the sums and what fired in the scratch.
     */
    private void tokenPass(Scratch s, Tokens t, int sentLang) {
        int n = t.count;
        float[] catSum = s.catSum;
        float[] catMax = s.catMax;
        for (int k = 0; k < catSum.length; k++) {
            catSum[k] = 0;
            catMax[k] = 0;
        }
        s.catSigs = 0;
        s.nValued = 0;
        s.sigs = 0;
        s.lates = 0;
        boolean shouting = t.casedWords >= 3 && t.capsWords == t.casedWords;
        boolean capsFired = false;
        boolean elongFired = false;
        boolean emojiFired = false;
        boolean emoticonFired = false;
        boolean hashtagFired = false;
        int lastNeg = -100;
        boolean negUsed = true;
        int negEntry = -1;
        int boostPos = -100;
        int boostEntry = -1;
        int contrastAt = -1;
        float cue = 0;
        long[] key = t.key;
        int[] flags = t.flags;
        int[] clause = t.clause;
        int[] sentence = t.sentence;
        float[] contrib = t.contrib;
        boolean postNeg = lex.postNegation[sentLang];
        boolean negBefore = lex.negatesBefore[sentLang];
        boolean negForward = true;
        long hedged = 0;
        long rhetorical = 0;
        boolean norwegian = sentLang == Lexicon.NB || sentLang == Lexicon.NN;
        for (int i = 0; i < n; i++) {
            int f = flags[i];
            if ((f & Tokens.F_COVERED) != 0 || ((f & Tokens.F_GUILLEMETS) != 0 && norwegian)) {
                continue; // in Norwegian, a title in guillemets is a name, not an opinion
            }
            int k = t.idx[i];
            long tableValue = t.value[i];
            if ((f & Tokens.F_ROMANCE) != 0 && romance(sentLang)) {
                if (k < 0) {
                    k = t.romance(i);
                    tableValue = k < 0 ? -1 : lex.valueOf(k);
                } else if (Lexicon.phraseMax(tableValue) < 2 && lex.entry(tableValue, sentLang) < 0
                        && lex.entry(tableValue, Lexicon.ANY) < 0) {
                    // known, but not in this language: its other gender or number may be
                    int r = t.romance(i);
                    if (r >= 0) {
                        long rv = lex.valueOf(r);
                        if (lex.entry(rv, sentLang) >= 0) {
                            k = r;
                            tableValue = rv;
                        }
                    }
                }
            }
            if (k < 0) {
                continue;
            }
            int max = Lexicon.phraseMax(tableValue);
            if (max < 2 && Lexicon.entryCount(tableValue) == 0 && (f & Tokens.F_ELONG) == 0) {
                continue; // a stop word: it told the language, it has nothing for sentiment
            }
            // the entry to apply; when a phrase without a valence matched (a category phrase such as
            // "llegó roto"), its words still carry their own sentiment: e1 is the first word's entry
            int e0 = -1;
            float factor0 = 1;
            boolean fallback0 = false;
            int e1 = -1;
            float factor1 = 1;
            boolean fallback1 = false;
            int span = 1;
            if (max >= 2 && i + 1 < n && (lex.kSecond[k] & (1L << (key[i + 1] & 63))) != 0) {
                int limit = Math.min(max, n - i);
                for (int len = limit; len >= 2 && e0 < 0; len--) {
                    if (sentence[i + len - 1] != sentence[i]) {
                        continue;
                    }
                    long p = key[i];
                    for (int j = 1; j < len; j++) {
                        p = TextTables.combine(p, key[i + j]);
                    }
                    long pv = lex.findValue(p);
                    if (pv >= 0) {
                        e0 = entryFor(pv, sentLang, s);
                        if (e0 >= 0) {
                            span = len;
                            factor0 = s.factor;
                            fallback0 = s.fallback;
                            int cover = (lex.eFlags[e0] & (Lexicon.E_VALENCE | Lexicon.E_HEDGE)) != 0 ? Tokens.F_COVERED
                                    : Tokens.F_IN_PHRASE;
                            for (int j = 1; j < len; j++) {
                                flags[i + j] |= cover;
                            }
                            if (cover == Tokens.F_IN_PHRASE) {
                                e1 = entryFor(tableValue, sentLang, s);
                                factor1 = s.factor;
                                fallback1 = s.fallback;
                            }
                        }
                    }
                }
            }
            if (e0 < 0) {
                e0 = entryFor(tableValue, sentLang, s);
                if (e0 < 0 && (f & Tokens.F_ELONG) != 0 && t.idx1[i] >= 0) {
                    e0 = entryFor(lex.valueOf(t.idx1[i]), sentLang, s);
                }
                factor0 = s.factor;
                fallback0 = s.fallback;
            }
            if (e0 < 0) {
                continue;
            }
            if ((f & (Tokens.F_HASHTAG | Tokens.F_PART)) == Tokens.F_HASHTAG) {
                for (int j = i + 1; j < n && (flags[j] & Tokens.F_PART) != 0; j++) {
                    flags[j] |= Tokens.F_COVERED;
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                int e = pass == 0 ? e0 : e1;
                if (e < 0) {
                    continue;
                }
                float factor = pass == 0 ? factor0 : factor1;
                int ef = lex.eFlags[e];
                if ((pass == 0 && fallback0) || pass == 1 || (f & Tokens.F_IN_PHRASE) != 0) {
                    // another language's word lends its sentiment, not its categories or complaint cues;
                    // nor does a word inside a category phrase, whose phrase already counted
                    ef &= ~(Lexicon.E_CATEGORY | Lexicon.E_COMPLAINT);
                }
                if ((ef & Lexicon.E_NEGATOR) != 0) {
                    if (lastNeg >= 0 && !negUsed) {
                        if (contrib[lastNeg] == 0) {
                            s.valued[s.nValued++] = lastNeg;
                        }
                        contrib[lastNeg] += BARE_NEGATION;
                    }
                    lastNeg = i;
                    negEntry = e;
                    negUsed = false;
                    // a negator of a language that negates what stands before it (Hindi "accha nahi hai")
                    // negates only that; one lent by the fallback language ("not good") negates forward
                    boolean before = negBefore && !(pass == 0 ? fallback0 : fallback1);
                    negForward = !before;
                    if (postNeg && (before || i + 1 >= n || clause[i + 1] != clause[i])) {
                        // before the verb, the negator negates the words next to it, not those before a
                        // postposition ("kutte ki nahi sunni": the dog is not what is negated)
                        for (int j = i - 1; j >= 0 && j >= i - 3 && clause[j] == clause[i]
                                && !(before && lex.isStopWord(t.value[j], sentLang)); j--) {
                            if (contrib[j] != 0 && (flags[j] & Tokens.F_NEGATED) == 0) {
                                contrib[j] *= NEGATION;
                                flags[j] |= Tokens.F_NEGATED;
                                negUsed = true;
                                addSignal(s, lex.eRoleSignal[e]);
                            }
                        }
                    }
                }
                if ((ef & Lexicon.E_HEDGE) != 0) {
                    // "not sure", "pas sûr": doubt, not a negation; a negator before it in the clause
                    // ("je ne suis pas sûr") is part of it
                    hedged |= 1L << (sentence[i] & 63);
                    if (lastNeg >= 0 && clause[lastNeg] == clause[i]) {
                        negUsed = true;
                        lastNeg = -100;
                    }
                    addSignal(s, lex.eRoleSignal[e]);
                }
                if ((ef & Lexicon.E_RHETORICAL) != 0) {
                    rhetorical |= 1L << (sentence[i] & 63);
                }
                if ((ef & Lexicon.E_BOOST) != 0) {
                    boostPos = i;
                    boostEntry = e;
                }
                // a contrast word that ends its clause joins nothing after it: "tried it yet?" and
                // "not delivered yet" mean "so far", not "but"
                if ((ef & Lexicon.E_CONTRAST) != 0 && i + span < n && clause[i + span] == clause[i]) {
                    contrastAt = i;
                    addSignal(s, lex.eRoleSignal[e]);
                }
                float v = lex.eValence[e];
                if ((ef & Lexicon.E_VALENCE) != 0 && v != 0) {
                    v *= factor;
                    byte type = t.type[i];
                    if (boostPos != i && i - boostPos <= 2 && clause[boostPos] == clause[i]) {
                        v *= 1 + lex.eBoost[boostEntry];
                        addLate(s, lex.eRoleSignal[boostEntry]);
                    }
                    if ((f & Tokens.F_CAPS) != 0 && !shouting) {
                        v *= CAPS;
                        capsFired = true;
                    }
                    if ((f & Tokens.F_ELONG) != 0) {
                        v *= ELONGATION;
                        elongFired = true;
                    }
                    boolean negated = false;
                    if (negForward && type != Tokens.T_EMOJI && type != Tokens.T_EMOTICON && lastNeg != i
                            && i - lastNeg <= 3
                            && clause[lastNeg] == clause[i]) {
                        v *= NEGATION;
                        negated = true;
                        negUsed = true;
                        flags[i] |= Tokens.F_NEGATED;
                        addSignal(s, lex.eRoleSignal[negEntry]);
                    }
                    if ((ef & Lexicon.E_SARCASM) != 0) {
                        addSignal(s, lex.eRoleSignal[e]);
                    }
                    if ((ef & Lexicon.E_SITUATION) != 0 && !negated) {
                        for (int j = i - 1; j >= 0 && j >= i - 4 && sentence[j] == sentence[i]; j--) {
                            if (contrib[j] > 0 && (flags[j] & Tokens.F_NEGATED) == 0 && t.type[j] == Tokens.T_WORD) {
                                contrib[j] *= SARCASM;
                                addSignal(s, SARCASM_SIGNAL);
                                addSignal(s, lex.eRoleSignal[e]);
                                break;
                            }
                        }
                    }
                    if (contrib[i] == 0) {
                        s.valued[s.nValued++] = i;
                    }
                    contrib[i] = v;
                    if (type == Tokens.T_EMOJI) {
                        emojiFired = true;
                    } else if (type == Tokens.T_EMOTICON) {
                        emoticonFired = true;
                    }
                    if ((f & Tokens.F_HASHTAG) != 0) {
                        hashtagFired = true;
                    }
                    Signal ts = lex.eTermSignal[e];
                    if (ts != null) {
                        addLate(s, ts);
                    }
                }
                if ((ef & Lexicon.E_COMPLAINT) != 0) {
                    cue += lex.eCue[e];
                    addLate(s, lex.eCueSignal[e]);
                }
                if ((ef & Lexicon.E_CATEGORY) != 0) {
                    int c = lex.eCategory[e];
                    float w = lex.eCatWeight[e];
                    catSum[c] += w;
                    if (w > catMax[c]) {
                        catMax[c] = w;
                    }
                    if (s.catSigs < s.catSig.length) {
                        s.catSig[s.catSigs] = lex.eCatSignal[e];
                        s.catSigCat[s.catSigs++] = c;
                    }
                    if ((f & Tokens.F_HASHTAG) != 0) {
                        hashtagFired = true;
                    }
                }
            }
        }
        if (lastNeg >= 0 && !negUsed) {
            if (contrib[lastNeg] == 0) {
                s.valued[s.nValued++] = lastNeg;
            }
            contrib[lastNeg] += BARE_NEGATION;
        }
        float raw = 0;
        float negSum = 0;
        int[] valued = s.valued;
        for (int v = 0, nv = s.nValued; v < nv; v++) {
            int i = valued[v];
            float c = contrib[i];
            if (c != 0) {
                if (contrastAt >= 0) {
                    c *= i < contrastAt ? BEFORE_CONTRAST : i > contrastAt ? AFTER_CONTRAST : 1;
                }
                if (c > 0 && (flags[i] & Tokens.F_QUESTION) != 0
                        && (rhetorical & (1L << (sentence[i] & 63))) == 0) {
                    c *= PRAISE_ASKED; // "Is it good?" asks; "Who else loves it?" says
                }
                if (hedged != 0 && (hedged & (1L << (sentence[i] & 63))) != 0) {
                    c *= HEDGED;
                }
                raw += c;
                if (c < 0) {
                    negSum -= c;
                }
            }
        }
        s.raw = raw;
        s.negSum = negSum;
        s.cue = cue;
        s.shouting = shouting;
        s.fired = (capsFired ? FIRED_CAPS : 0) | (elongFired ? FIRED_ELONG : 0) | (emojiFired ? FIRED_EMOJI : 0)
                | (emoticonFired ? FIRED_EMOTICON : 0) | (hashtagFired ? FIRED_HASHTAG : 0);
    }

    /**
     * In a short text, a word no lexicon knows that looks like one language's words (its character
     * trigrams, see {@link NgramProfile}) counts for that language: "Kjempebra produkt" is Norwegian.
     */
    private void ngramEvidence(Scratch s, Tokens t, float[] score) {
        float[] acc = s.ngramScores;
        for (int w = 0; w < t.unknowns; w++) {
            int from = t.unknownFrom[w];
            int to = t.unknownTo[w];
            if (to - from < NGRAM_MIN_LETTERS) {
                continue;
            }
            for (int k = 0; k < acc.length; k++) {
                acc[k] = 0;
            }
            lex.ngrams.score(t.chars, from, to, acc);
            int best = -1;
            for (int k : LATIN) {
                if (best < 0 || acc[k] > acc[best]) {
                    best = k;
                }
            }
            float second = Float.NEGATIVE_INFINITY;
            for (int k : LATIN) {
                if (k != best && !siblings(k, best) && acc[k] > second) {
                    second = acc[k];
                }
            }
            if (acc[best] - second >= NGRAM_MARGIN) {
                score[best] += NGRAM_WORD;
                if (best == Lexicon.NB || best == Lexicon.NN) {
                    // Bokmål and Nynorsk share most trigrams: the words tell them apart, not the letters
                    score[best == Lexicon.NB ? Lexicon.NN : Lexicon.NB] += NGRAM_WORD;
                }
            }
        }
    }

    /** The languages told apart by words and letters: those written in the Latin script. */
    private static final int[] LATIN = latinLanguages();

    private static int[] latinLanguages() {
        int[] out = new int[Lexicon.LANGS];
        int n = 0;
        for (int k = 1; k < Lexicon.LANGS; k++) {
            if (isLatin(k)) {
                out[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean isLatin(int lang) {
        return lang != Lexicon.ZH && lang != Lexicon.AR && lang != Lexicon.ANY;
    }

    private static boolean romance(int lang) {
        return lang == Lexicon.FR || lang == Lexicon.ES || lang == Lexicon.IT || lang == Lexicon.PT;
    }

    private static boolean siblings(int a, int b) {
        return (a == Lexicon.NB && b == Lexicon.NN) || (a == Lexicon.NN && b == Lexicon.NB);
    }

    /**
     * The entry for a key (given by its table value) in a language: its own, else the
     * language-independent one, else the fallback's.
     */
    private int entryFor(long value, int lang, Scratch s) {
        s.factor = 1;
        s.fallback = false;
        int e = lex.entry(value, lang);
        if (e >= 0 || lang == Lexicon.ANY) {
            return e;
        }
        e = lex.entry(value, Lexicon.ANY);
        if (e >= 0) {
            return e;
        }
        int fb = lex.fallback[lang];
        if (fb > 0 && !lex.isStopWord(value, lang)) { // German "die" is not English "die"
            e = lex.entry(value, fb);
            s.factor = lex.fallbackFactor[lang];
            s.fallback = true;
        }
        return e;
    }

    private static void addSignal(Scratch s, Signal sig) {
        if (sig != null && s.sigs < s.sig.length) {
            s.sig[s.sigs++] = sig;
        }
    }

    private static void addLate(Scratch s, Signal sig) {
        if (sig != null && s.lates < s.late.length) {
            s.late[s.lates++] = sig;
        }
    }

    private static int put(Signal[] out, int n, Signal sig) {
        for (int i = 0; i < n; i++) {
            if (out[i] == sig) { // signals are preallocated: identity is equality here
                return n;
            }
        }
        out[n] = sig;
        return n + 1;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(T[] a, int n) {
        switch (n) {
            case 0: return List.of();
            case 1: return List.of(a[0]);
            case 2: return List.of(a[0], a[1]);
            case 3: return List.of(a[0], a[1], a[2]);
            case 4: return List.of(a[0], a[1], a[2], a[3]);
            case 5: return List.of(a[0], a[1], a[2], a[3], a[4]);
            case 6: return List.of(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 7: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            case 8: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            case 9: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
            default: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
        }
    }
}
