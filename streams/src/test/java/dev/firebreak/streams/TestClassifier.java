package dev.firebreak.streams;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.mention.Mention;
import dev.firebreak.testkit.MarkerClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic test classifier. Markers decide when present: {@code ~neg}, {@code ~pos}, {@code ~complaint},
 * {@code ~cat:ID}, and {@code ~boom} throws. Otherwise a tiny word list in the spirit of the demo stream
 * (double charges, an ignored complaint, a tone-deaf post) decides; it is not a real classifier, only enough
 * to make the demo stream open incidents, cross into a crisis and escalate.
 */
final class TestClassifier implements MentionClassifier {

    private static final Set<String> NEGATIVE = Set.of("terrible", "awful", "worst", "angry", "furious", "unacceptable",
            "scam", "ignored", "broken", "charged", "twice", "refund", "tone-deaf", "tasteless", "shameful",
            "insensitive", "outrageous", "boycott", "uninstall", "useless", "ridiculous", "disgusting", "doppelt",
            "dobbelt", "deux", "fois", "honte", "geschmacklos", "smakløst", "vergüenza");
    private static final Set<String> POSITIVE = Set.of("love", "great", "best", "thanks", "amazing", "delicious",
            "favourite", "nice", "lecker", "beste", "merci", "gracias");
    private static final Set<String> COMPLAINT = Set.of("refund", "charged", "twice", "support", "ignored", "late",
            "cold", "order", "doppelt", "dobbelt");
    private static final Map<String, Category> CATEGORIES = Map.of("charged", Category.BILLING, "twice",
            Category.BILLING, "refund", Category.BILLING, "ignored", Category.CUSTOMER_SERVICE, "support",
            Category.CUSTOMER_SERVICE, "cold", Category.PRODUCT_QUALITY, "late", Category.PRODUCT_QUALITY,
            "tone-deaf", Category.OFFENSIVE_CONTENT, "tasteless", Category.OFFENSIVE_CONTENT, "insensitive",
            Category.OFFENSIVE_CONTENT);

    private static final MarkerClassifier MARKERS = new MarkerClassifier();

    @Override
    public Classification classify(Mention m) {
        if (MarkerClassifier.hasMarkers(m.text())) {
            return MARKERS.classify(m);
        }
        Language lang = m.language().map(Language::of).orElse(Language.ENGLISH);
        String text = m.text().toLowerCase(Locale.ROOT);
        int neg = 0;
        int pos = 0;
        int complaint = 0;
        List<Category> cats = new ArrayList<>(2);
        for (String w : text.split("[^\\p{L}-]+")) {
            neg += NEGATIVE.contains(w) ? 1 : 0;
            pos += POSITIVE.contains(w) ? 1 : 0;
            complaint += COMPLAINT.contains(w) ? 1 : 0;
            Category c = CATEGORIES.get(w);
            if (c != null && !cats.contains(c)) {
                cats.add(c);
            }
        }
        Polarity polarity = neg > pos ? Polarity.NEGATIVE : pos > neg ? Polarity.POSITIVE : Polarity.NEUTRAL;
        boolean isComplaint = polarity == Polarity.NEGATIVE && complaint > 0;
        if (polarity != Polarity.NEGATIVE) {
            cats.clear();
        }
        double sentiment = Math.max(-1, Math.min(1, (pos - neg) / (double) (pos + neg + 1)));
        return new Classification(lang, 0.5, sentiment, polarity, isComplaint ? 0.8 : 0.1, isComplaint, cats,
                List.of());
    }
}
