package dev.firebreak.account;

import dev.firebreak.mention.Platform;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A brand with no registered account on one or more major platforms: someone else can open an account
 * in its name there (a parody account), so the guides advise registering the name even if it stays unused.
 *
 * @param brand the brand
 * @param missing the major platforms where it has no account, never empty
 */
public record CoverageGap(String brand, Set<Platform> missing) {

    /** Validates and copies. */
    public CoverageGap {
        Objects.requireNonNull(brand, "brand");
        missing = Set.copyOf(missing);
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("a coverage gap names at least one platform");
        }
    }

    /** The missing platforms sorted by name. */
    public List<Platform> missingSorted() {
        return missing.stream().sorted(Comparator.comparing(Platform::name)).collect(Collectors.toList());
    }

    /** A sentence for a report. */
    public String describe() {
        return "Brand '" + brand + "' has no registered account on "
                + missingSorted().stream().map(Platform::name).collect(Collectors.joining(", "))
                + ": register the name there so nobody else can open an account that looks like yours.";
    }
}
