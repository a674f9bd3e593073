package dev.firebreak.classify;

/**
 * Makes a classifier discoverable with {@link java.util.ServiceLoader}: list the implementation's
 * class name in {@code META-INF/services/dev.firebreak.classify.ClassifierProvider}. Discovery is
 * opt-in, see {@link ClassifierDiscovery}; a classifier can always be passed explicitly instead.
 */
public interface ClassifierProvider {

    /** A unique, stable name such as {@code "builtin"} or {@code "acme-warranty"}. */
    String name();

    /**
     * Creates the classifier.
     *
     * @throws RuntimeException if the provider cannot work (a missing model file, say): discovery
     *     logs it and goes on with the other providers
     */
    MentionClassifier create(ClassifierContext context);
}
