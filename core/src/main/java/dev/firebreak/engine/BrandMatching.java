package dev.firebreak.engine;

import dev.firebreak.mention.Mention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which watched brands a mention is about, by the same rules, and the same code, as
 * {@link CrisisEngine#ingest}: its {@code brand} field, the brand's own account that posted it, or the
 * brand's handles and keywords in its text as whole words (see {@link Brand}). For a pipeline that must
 * route a mention to its brands before an engine sees it (a stream processor partitioning by brand).
 *
 * <p>A brand matched by a keyword alone may still be left out by the engine, after classification, when
 * the mention's language is not one of the brand's {@link Brand#languages()}; {@link Match#keywordOnly()}
 * says when that can happen. Immutable and safe to share between threads.
 */
public final class BrandMatching {

    /**
     * A brand a mention matched.
     *
     * @param brand the brand's name
     * @param keywordOnly whether only a keyword matched (the engine then applies the brand's language filter)
     */
    public record Match(String brand, boolean keywordOnly) {
        /** Validates. */
        public Match {
            Objects.requireNonNull(brand, "brand");
        }
    }

    private final BrandMatcher matcher;
    private final Map<String, Brand> brands;

    private BrandMatching(Collection<Brand> brands) {
        Map<String, Brand> byName = new LinkedHashMap<>();
        List<BrandRuntime> runtimes = new ArrayList<>(brands.size());
        for (Brand b : brands) {
            Objects.requireNonNull(b, "brands[]");
            if (byName.putIfAbsent(b.name(), b) != null) {
                throw new IllegalArgumentException("brand '" + b.name() + "' is listed twice");
            }
            // matching reads only the brand of a runtime: no processor or state is needed
            runtimes.add(new BrandRuntime(b, null, null, List.of()));
        }
        this.brands = Collections.unmodifiableMap(byName);
        this.matcher = new BrandMatcher(runtimes);
    }

    /**
     * Matching for these brands.
     *
     * @throws IllegalArgumentException if a brand name is listed twice
     */
    public static BrandMatching of(Collection<Brand> brands) {
        Objects.requireNonNull(brands, "brands");
        return new BrandMatching(brands);
    }

    /** The brands a mention is about, each once, in the order the engine takes them; empty if none. */
    public List<Match> match(Mention mention) {
        Objects.requireNonNull(mention, "mention");
        List<BrandMatcher.Match> found = matcher.match(mention);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>(found.size());
        for (BrandMatcher.Match m : found) {
            out.add(new Match(m.runtime().brand.name(), m.keywordOnly()));
        }
        return out;
    }

    /** The brands it matches against, by name. */
    public Map<String, Brand> brands() {
        return brands;
    }
}
