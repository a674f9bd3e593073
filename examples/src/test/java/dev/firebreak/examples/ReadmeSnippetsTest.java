package dev.firebreak.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation's snippets of the examples are the examples' code: every block between
 * {@code // --- README: name} and {@code // --- end} in the examples' sources appears in README.md or a page of
 * {@code docs/} as it is (indentation aside), and every example class the documentation tells you to run exists and
 * has a {@code main}.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final Path DOCS = Path.of("../docs");
    private static final Pattern START = Pattern.compile("^\\s*// --- README: (.+)$");
    private static final Pattern END = Pattern.compile("^\\s*// --- end\\s*$");

    static Map<String, String> snippets() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = START.matcher(lines.get(i));
                        if (!m.matches()) {
                            continue;
                        }
                        List<String> block = new ArrayList<>();
                        int j = i + 1;
                        while (!END.matcher(lines.get(j)).matches()) {
                            block.add(lines.get(j++));
                        }
                        out.put(f.getFileName() + ": " + m.group(1), dedent(block));
                        i = j;
                    }
                }
            }
        }
        return out;
    }

    private static String dedent(List<String> block) {
        int indent = Integer.MAX_VALUE;
        for (String l : block) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : block) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    /** README.md and every page of docs/, one after the other. */
    private static String documentation() throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(README, StandardCharsets.UTF_8));
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                all.append('\n').append(Files.readString(page, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void everyMarkedSnippetIsInTheReadmeAsItIs() throws IOException {
        String readme = documentation();
        Map<String, String> snippets = snippets();
        assertTrue(snippets.size() >= 12, "snippets found: " + snippets.keySet());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> s : snippets.entrySet()) {
            String asInReadme = s.getValue().stripTrailing();
            // a snippet may stand indented inside a larger block of the README
            boolean found = readme.contains(asInReadme) || readme.contains(indent(asInReadme, "    "));
            if (!found) {
                missing.add(s.getKey());
            }
        }
        assertEquals(List.of(), missing, "snippets that differ from the README (copy them again)");
    }

    private static String indent(String text, String by) {
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            sb.append(l.isEmpty() ? "" : by + l).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    @Test
    void everyExampleTheReadmeRunsHasAMain() throws Exception {
        String readme = documentation();
        Matcher m = Pattern.compile("java -cp examples/target/firebreak\\.jar (dev\\.firebreak\\.examples\\.[A-Za-z]+)")
                .matcher(readme);
        Set<String> classes = new LinkedHashSet<>();
        while (m.find()) {
            classes.add(m.group(1));
        }
        assertTrue(classes.containsAll(Set.of("dev.firebreak.examples.CrisisDemo",
                "dev.firebreak.examples.WebhookReceiver", "dev.firebreak.examples.CustomAdapterDemo")), "" + classes);
        for (String name : classes) {
            Method main = Class.forName(name).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), name);
        }
    }
}
