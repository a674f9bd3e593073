package dev.firebreak.classify;

import java.util.Locale;

/** The overall tone of a mention. */
public enum Polarity {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code negative}, {@code neutral} or {@code positive} in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Polarity fromJson(String name) {
        for (Polarity p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("polarity must be negative, neutral or positive; was '" + name + "'");
    }
}
