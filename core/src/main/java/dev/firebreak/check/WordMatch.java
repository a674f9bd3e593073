package dev.firebreak.check;

import java.util.Objects;

/**
 * Where an entry of a word list occurs in a text.
 *
 * @param list the list's name, for example {@code "reply.apology"}
 * @param entry the entry as written in the list
 * @param span where it occurs
 */
public record WordMatch(String list, String entry, TextSpan span) {

    /** Validates the fields. */
    public WordMatch {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(span, "span");
    }
}
