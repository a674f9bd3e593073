package dev.firebreak.check;

import java.util.Locale;

/**
 * How serious a finding is. A post or reply with a {@link #BLOCK} finding is not
 * {@linkplain CheckResult#ok() ok}: it should not go out until someone has fixed it or decided to
 * override the check.
 */
public enum FindingSeverity {
    /** Worth knowing; nothing to fix. */
    INFO,
    /** Look again before sending: probably worth changing. */
    WARNING,
    /** Do not send as it is. */
    BLOCK;

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean isAtLeast(FindingSeverity other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name used in JSON: {@code info}, {@code warning}, {@code block}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code info}, {@code warning} or {@code block} in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static FindingSeverity fromJson(String name) {
        for (FindingSeverity s : values()) {
            if (s.name().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be info, warning or block; was '" + name + "'");
    }
}
