package dev.firebreak.examples;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately small word-list classifier (English, French, German, Spanish, Norwegian) that the
 * examples use until the built-in classifier is merged: see {@link DemoSetup#classifier()}, the one
 * place that chooses the examples' classifier. It is not the product's classifier and is not tuned.
 */
public final class InterimLexiconClassifier implements MentionClassifier {

    private static final Set<String> NEGATIVE = Set.of("terrible", "awful", "worst", "disgusting", "disgrace",
            "angry", "furious", "unacceptable", "scam", "never", "ignored", "ignore", "broken",
            "charged", "twice", "refund", "tone-deaf", "tasteless", "shameful", "shame", "insensitive", "outrageous",
            "boycott", "uninstall", "uninstalled", "nul", "inadmissible", "honte", "scandaleux", "remboursement",
            "deux", "fois", "débité", "schlecht", "unverschämt", "doppelt", "abgebucht", "geschmacklos", "skandal",
            "pésimo", "vergüenza", "cobrado", "dos", "veces", "asco", "elendig", "dårlig", "dobbelt", "trukket",
            "skam", "smakløst", "respektløst", "not happy", "pas content", "nicht zufrieden", "ikke fornøyd",
            "wtf", "unbelievable", "ridiculous", "useless", "nobody", "joke", "forget");
    private static final Set<String> POSITIVE = Set.of("love", "great", "best", "thanks", "thank", "amazing",
            "delicious", "perfect", "favourite", "favorite", "nice", "good", "adore", "merci", "délicieux", "super",
            "lecker", "danke", "genial", "gracias", "rico", "buenísimo", "takk", "deilig", "nydelig", "beste");
    private static final Set<String> COMPLAINT = Set.of("refund", "charged", "twice", "support", "ignored", "late",
            "cold", "waiting", "order", "remboursement", "débité", "commande", "abgebucht", "bestellung",
            "erstattung", "cobrado", "pedido", "reembolso", "trukket", "bestilling", "refusjon", "kundeservice");
    private static final Map<String, Category> CATEGORIES = new LinkedHashMap<>();

    static {
        for (String w : List.of("charged", "twice", "refund", "remboursement", "débité", "abgebucht", "erstattung",
                "cobrado", "reembolso", "trukket", "refusjon", "billing", "payment", "paiement", "zahlung")) {
            CATEGORIES.put(w, Category.BILLING);
        }
        for (String w : List.of("ignored", "support", "kundeservice", "service")) {
            CATEGORIES.put(w, Category.CUSTOMER_SERVICE);
        }
        for (String w : List.of("cold", "late", "waiting", "order", "commande", "bestellung", "pedido", "bestilling")) {
            CATEGORIES.put(w, Category.PRODUCT_QUALITY);
        }
        for (String w : List.of("tone-deaf", "tasteless", "insensitive", "disgusting", "shameful", "geschmacklos",
                "smakløst", "respektløst", "honte", "vergüenza")) {
            CATEGORIES.put(w, Category.OFFENSIVE_CONTENT);
        }
        for (String w : List.of("boycott", "uninstall", "uninstalled")) {
            CATEGORIES.put(w, Category.BOYCOTT);
        }
    }

    @Override
    public Classification classify(Mention mention) {
        String text = mention.text().toLowerCase(Locale.ROOT);
        int neg = 0;
        int pos = 0;
        int complaint = 0;
        List<Category> cats = new ArrayList<>(2);
        int n = Math.min(text.length(), 10_000);
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '-')) {
                j++;
            }
            String w = text.substring(i, j);
            neg += NEGATIVE.contains(w) ? 1 : 0;
            pos += POSITIVE.contains(w) ? 1 : 0;
            complaint += COMPLAINT.contains(w) ? 1 : 0;
            Category c = CATEGORIES.get(w);
            if (c != null && !cats.contains(c)) {
                cats.add(c);
            }
            i = j;
        }
        for (String phrase : List.of("not happy", "pas content", "nicht zufrieden", "ikke fornøyd", "no estoy contento")) {
            if (text.contains(phrase)) {
                neg += 2;
            }
        }
        double sentiment = Math.max(-1, Math.min(1, (pos - neg) / (double) (pos + neg + 1)));
        Polarity polarity = neg > pos ? Polarity.NEGATIVE : pos > neg ? Polarity.POSITIVE : Polarity.NEUTRAL;
        boolean isComplaint = polarity == Polarity.NEGATIVE && complaint > 0;
        double score = isComplaint ? Math.min(1, 0.5 + 0.15 * complaint) : Math.min(0.4, 0.1 * complaint);
        if (polarity != Polarity.NEGATIVE) {
            cats.clear();
        }
        Language lang = mention.language().map(Language::of).orElse(Language.UNDETERMINED);
        return new Classification(lang, lang.isUndetermined() ? 0 : 0.5, sentiment, polarity, score, isComplaint,
                cats, List.of());
    }
}
