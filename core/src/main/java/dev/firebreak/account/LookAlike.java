package dev.firebreak.account;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A handle that imitates one of the brand's: an impostor or parody account, or an unregistered account of
 * the brand's own.
 *
 * @param handle the imitating handle, lower case without {@code @}
 * @param brand the brand imitated
 * @param imitates the real handle or brand name it imitates
 * @param reasons how it imitates it, never empty
 */
public record LookAlike(String handle, String brand, String imitates, Set<Reason> reasons) {

    /** How a handle imitates another. */
    public enum Reason {
        /** Characters that look alike: {@code 0}/{@code o}, {@code 1}/{@code l}/{@code i}, {@code rn}/{@code m}, Cyrillic letters. */
        HOMOGLYPH,
        /** Separators added or removed: {@code _}, {@code .}, {@code -}. */
        SEPARATOR,
        /** A word added before or after: {@code official}, {@code support}, {@code help}, a country code. */
        ADDED_WORD,
        /** One or two letters added, dropped, swapped or changed. */
        EDIT_DISTANCE
    }

    /** Validates and copies. */
    public LookAlike {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(imitates, "imitates");
        reasons = Set.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a look-alike has at least one reason");
        }
    }

    /** The reasons in a short phrase: {@code "look-alike characters, an added word"}. */
    public String describe() {
        return EnumSet.copyOf(reasons).stream().map(r -> {
            switch (r) {
                case HOMOGLYPH: return "look-alike characters";
                case SEPARATOR: return "added or removed separators";
                case ADDED_WORD: return "an added word";
                default: return "a letter or two changed";
            }
        }).collect(Collectors.joining(", "));
    }
}
