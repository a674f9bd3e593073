package dev.firebreak.testkit;

import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.Polarity;
import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A classifier for tests that reads markers in the text: {@code ~neg} negative, {@code ~pos} positive,
 * {@code ~complaint} a complaint, {@code ~cat:ID} a category (any number), and {@code ~boom} throws. The language
 * is the mention's hint, or English.
 */
public final class MarkerClassifier implements MentionClassifier {

    /** Whether the text carries a marker (so that a test classifier can read markers first, words otherwise). */
    public static boolean hasMarkers(String text) {
        return text.contains("~");
    }

    @Override
    public Classification classify(Mention m) {
        String t = m.text();
        if (t.contains("~boom")) {
            throw new IllegalStateException("classifier exploded on purpose");
        }
        boolean neg = t.contains("~neg");
        boolean pos = t.contains("~pos");
        boolean complaint = t.contains("~complaint");
        List<Category> cats = new ArrayList<>();
        int i = 0;
        while ((i = t.indexOf("~cat:", i)) >= 0) {
            int j = i + 5;
            while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
                j++;
            }
            cats.add(Category.of(t.substring(i + 5, j).toLowerCase(Locale.ROOT)));
            i = j;
        }
        Language lang = m.language().map(Language::of).orElse(Language.ENGLISH);
        return new Classification(lang, 0.9, neg ? -0.8 : pos ? 0.8 : 0.0,
                neg ? Polarity.NEGATIVE : pos ? Polarity.POSITIVE : Polarity.NEUTRAL, complaint ? 0.9 : 0.1,
                complaint, cats, List.of());
    }
}
