package dev.firebreak.classify;

import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private final MentionClassifier language;
    private final MentionClassifier sentiment;
    private final MentionClassifier complaint;
    private final List<MentionClassifier> categorySources;
    private final List<MentionClassifier> distinct;

    private CompositeClassifier(Builder b) {
        this.language = b.language;
        this.sentiment = b.sentiment;
        this.complaint = b.complaint;
        this.categorySources = List.copyOf(b.categorySources);
        Map<MentionClassifier, Boolean> seen = new IdentityHashMap<>();
        List<MentionClassifier> all = new ArrayList<>();
        for (MentionClassifier c : List.of(language, sentiment, complaint)) {
            if (seen.put(c, Boolean.TRUE) == null) {
                all.add(c);
            }
        }
        for (MentionClassifier c : categorySources) {
            if (seen.put(c, Boolean.TRUE) == null) {
                all.add(c);
            }
        }
        this.distinct = List.copyOf(all);
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
        Map<MentionClassifier, Classification> results = new IdentityHashMap<>(distinct.size() * 2);
        for (MentionClassifier c : distinct) {
            Classification r = c.classify(mention);
            if (r == null) {
                throw new IllegalStateException(c.getClass().getName() + " returned null for " + mention);
            }
            results.put(c, r);
        }
        Classification lang = results.get(language);
        Classification sent = results.get(sentiment);
        Classification comp = results.get(complaint);
        Set<Category> categories = new LinkedHashSet<>();
        Set<Signal> signals = new LinkedHashSet<>();
        for (MentionClassifier c : categorySources) {
            Classification r = results.get(c);
            categories.addAll(r.categories());
            signals.addAll(r.signals());
        }
        return new Classification(lang.language(), lang.languageConfidence(), sent.sentiment(), sent.polarity(),
                comp.complaintScore(), comp.complaint(), List.copyOf(categories), List.copyOf(signals));
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
