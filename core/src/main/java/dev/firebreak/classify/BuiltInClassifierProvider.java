package dev.firebreak.classify;

/**
 * Makes the {@link BuiltInClassifier} discoverable as {@code "builtin"} through
 * {@link ClassifierDiscovery} (opt-in). Settings: {@code complaintThreshold} (a number in (0, 1]) and
 * {@code lexicons} (user lexicon files, separated by the platform's path separator).
 */
public final class BuiltInClassifierProvider implements ClassifierProvider {

    /** For {@link java.util.ServiceLoader}. */
    public BuiltInClassifierProvider() {
    }

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public MentionClassifier create(ClassifierContext context) {
        BuiltInClassifier.Builder b = BuiltInClassifier.builder();
        context.setting("complaintThreshold").ifPresent(v -> {
            try {
                b.complaintThreshold(Double.parseDouble(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting complaintThreshold must be a number in (0, 1], was '"
                        + v + "'");
            }
        });
        context.setting("lexicons").ifPresent(v -> {
            for (String p : v.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    b.addLexicon(java.nio.file.Path.of(p.strip()));
                }
            }
        });
        return b.build();
    }
}
