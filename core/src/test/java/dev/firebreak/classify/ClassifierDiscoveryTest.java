package dev.firebreak.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierDiscoveryTest {

    /** A provider that works. */
    public static final class Good implements ClassifierProvider {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public MentionClassifier create(ClassifierContext context) {
            return m -> Classification.neutral(Language.ENGLISH, 1);
        }
    }

    /** A second provider with the same name. */
    public static final class GoodTwin implements ClassifierProvider {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public MentionClassifier create(ClassifierContext context) {
            throw new AssertionError("the duplicate must not be used");
        }
    }

    /** A provider whose constructor throws. */
    public static final class Broken implements ClassifierProvider {
        public Broken() {
            throw new IllegalStateException("boom");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public MentionClassifier create(ClassifierContext context) {
            return null;
        }
    }

    /** A provider that loads but fails to create. */
    public static final class FailsToCreate implements ClassifierProvider {
        @Override
        public String name() {
            return "fails";
        }

        @Override
        public MentionClassifier create(ClassifierContext context) {
            throw new IllegalStateException("model file missing");
        }
    }

    @Test
    void survivesBrokenProvidersAndKeepsTheFirstOfDuplicates(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ClassifierProvider.class.getName()), String.join("\n",
                Broken.class.getName(), "com.example.DoesNotExist", Good.class.getName(), GoodTwin.class.getName(),
                FailsToCreate.class.getName()), StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, ClassifierProvider> found = ClassifierDiscovery.discover(loader);
            // core itself registers the built-in classifier as "builtin"
            assertEquals(List.of("builtin", "good", "fails"), List.copyOf(found.keySet()));
            assertTrue(found.get("good") instanceof Good);
            List<MentionClassifier> created = ClassifierDiscovery.createAll(loader, ClassifierContext.defaults());
            assertEquals(2, created.size());
            assertTrue(created.get(0) instanceof BuiltInClassifier);
        }
    }
}
