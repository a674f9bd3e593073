package dev.firebreak.classify;

import dev.firebreak.mention.Mention;

/**
 * Classifies mentions: language, sentiment, complaint, categories and the signals behind them.
 *
 * <p>The contract, checked by the shared test kit {@code MentionClassifierContract} that every
 * implementation should pass:
 * <ul>
 *   <li>any text (empty, megabytes long, invalid surrogates, control characters, right-to-left, only
 *       emoji) classifies without an exception, in time linear in its length, with scores in range;</li>
 *   <li>the same mention gives the same classification (no hidden state);</li>
 *   <li>implementations are safe to call from many threads at once.</li>
 * </ul>
 *
 * <p>Combine classifiers with {@link CompositeClassifier}, for example the built-in classifier for
 * language and signals with a trained model for polarity.
 */
@FunctionalInterface
public interface MentionClassifier {

    /**
     * Classifies one mention.
     *
     * @param mention the mention; its {@link Mention#language()} is a hint, not the truth
     * @return the classification, never {@code null}
     */
    Classification classify(Mention mention);
}
