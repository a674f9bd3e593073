package dev.firebreak.classify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in discovery of {@link ClassifierProvider}s on a class path.
 *
 * <p>A provider that cannot be loaded or instantiated is logged as a warning and skipped; the others
 * are still returned. When two providers share a name, the first one found wins and the duplicate is
 * logged.
 */
public final class ClassifierDiscovery {

    private static final Logger log = LoggerFactory.getLogger(ClassifierDiscovery.class);

    private ClassifierDiscovery() {
    }

    /** The providers found by the given class loader, by name, in discovery order. */
    public static Map<String, ClassifierProvider> discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Map<String, ClassifierProvider> found = new LinkedHashMap<>();
        Iterator<ClassifierProvider> it = ServiceLoader.load(ClassifierProvider.class, loader).iterator();
        while (true) {
            ClassifierProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                log.warn("Skipping a classifier provider that could not be loaded: {}", e.toString());
                continue;
            }
            String name;
            try {
                name = provider.name();
            } catch (RuntimeException e) {
                log.warn("Skipping classifier provider {}: name() failed: {}", provider.getClass().getName(),
                        e.toString());
                continue;
            }
            ClassifierProvider previous = found.putIfAbsent(name, provider);
            if (previous != null) {
                log.warn("Two classifier providers are named '{}': keeping {}, ignoring {}", name,
                        previous.getClass().getName(), provider.getClass().getName());
            }
        }
        return found;
    }

    /**
     * Creates a classifier from every provider found; a provider whose {@code create} throws is
     * logged and skipped.
     */
    public static List<MentionClassifier> createAll(ClassLoader loader, ClassifierContext context) {
        List<MentionClassifier> out = new ArrayList<>();
        for (Map.Entry<String, ClassifierProvider> e : discover(loader).entrySet()) {
            try {
                out.add(Objects.requireNonNull(e.getValue().create(context), "create returned null"));
            } catch (RuntimeException ex) {
                log.warn("Classifier provider '{}' failed to create a classifier: {}", e.getKey(), ex.toString());
            }
        }
        return out;
    }
}
