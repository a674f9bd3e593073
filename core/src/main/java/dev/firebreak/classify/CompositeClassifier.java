package dev.firebreak.classify;

import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A classifier made of others: each part of the classification (language, sentiment, complaint) is
 * taken from the classifier chosen for it, and categories and signals are merged from all of them.
 *
 * <pre>{@code
 * MentionClassifier classifier = CompositeClassifier.builder(BuiltInClassifier.create())
 *         .sentimentFrom(myPolarityModel)        // polarity and sentiment score
 *         .addCategoriesFrom(myWarrantyDetector)  // adds its categories and signals
 *         .build();
 * }</pre>
 *
 * <p>Each distinct classifier is called once per mention. Categories keep the order in which they are
 * first seen: the base classifier's first, then the others' in the order they were added.
 */
public final class CompositeClassifier implements MentionClassifier {

    /** Each distinct classifier once, in the order they are called. */
    private final MentionClassifier[] distinct;
    /** Where in {@link #distinct} the language, sentiment and complaint parts come from. */
    private final int language;
    private final int sentiment;
    private final int complaint;
    /** Where in {@link #distinct} categories and signals come from, base first. */
    private final int[] categorySources;

    private CompositeClassifier(Builder b) {
        List<MentionClassifier> all = new ArrayList<>();
        this.language = indexOf(all, b.language);
        this.sentiment = indexOf(all, b.sentiment);
        this.complaint = indexOf(all, b.complaint);
        this.categorySources = new int[b.categorySources.size()];
        for (int i = 0; i < categorySources.length; i++) {
            categorySources[i] = indexOf(all, b.categorySources.get(i));
        }
        this.distinct = all.toArray(new MentionClassifier[0]);
    }

    /** The index of {@code c} in {@code all} by identity, adding it at the end if absent. */
    private static int indexOf(List<MentionClassifier> all, MentionClassifier c) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == c) {
                return i;
            }
        }
        all.add(c);
        return all.size() - 1;
    }

    /**
     * A builder whose every part comes from {@code base} until another classifier is chosen for it;
     * the base's categories and signals are always kept.
     */
    public static Builder builder(MentionClassifier base) {
        return new Builder(base);
    }

    @Override
    public Classification classify(Mention mention) {
        Classification[] results = new Classification[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            Classification r = distinct[i].classify(mention);
            if (r == null) {
                throw new IllegalStateException(distinct[i].getClass().getName() + " returned null for " + mention);
            }
            results[i] = r;
        }
        Classification lang = results[language];
        Classification sent = results[sentiment];
        Classification comp = results[complaint];
        List<Category> categories;
        List<Signal> signals;
        if (categorySources.length == 1) {
            categories = results[categorySources[0]].categories();
            signals = results[categorySources[0]].signals();
        } else {
            Set<Category> cats = new LinkedHashSet<>();
            Set<Signal> sigs = new LinkedHashSet<>();
            for (int source : categorySources) {
                cats.addAll(results[source].categories());
                sigs.addAll(results[source].signals());
            }
            categories = List.copyOf(cats);
            signals = List.copyOf(sigs);
        }
        return new Classification(lang.language(), lang.languageConfidence(), sent.sentiment(), sent.polarity(),
                comp.complaintScore(), comp.complaint(), categories, signals);
    }

    /** Chooses which classifier supplies each part. */
    public static final class Builder {
        private MentionClassifier language;
        private MentionClassifier sentiment;
        private MentionClassifier complaint;
        private final List<MentionClassifier> categorySources = new ArrayList<>();

        private Builder(MentionClassifier base) {
            Objects.requireNonNull(base, "base");
            this.language = base;
            this.sentiment = base;
            this.complaint = base;
            this.categorySources.add(base);
        }

        /** Language and language confidence come from this classifier. */
        public Builder languageFrom(MentionClassifier classifier) {
            this.language = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Sentiment score and polarity come from this classifier. */
        public Builder sentimentFrom(MentionClassifier classifier) {
            this.sentiment = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Complaint score and flag come from this classifier. */
        public Builder complaintFrom(MentionClassifier classifier) {
            this.complaint = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** This classifier's categories and signals are added to the base's. */
        public Builder addCategoriesFrom(MentionClassifier classifier) {
            Objects.requireNonNull(classifier, "classifier");
            if (!categorySources.contains(classifier)) {
                categorySources.add(classifier);
            }
            return this;
        }

        public CompositeClassifier build() {
            return new CompositeClassifier(this);
        }
    }
}
