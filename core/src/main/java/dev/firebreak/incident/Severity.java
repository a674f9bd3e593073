package dev.firebreak.incident;

import java.util.Locale;

/**
 * How serious an incident is, on an ordered ladder. The line between a <em>problem</em>, solved by
 * customer service with the standard playbook, and a <em>crisis</em>, which touches a larger audience
 * and needs a coordinated response, lies between {@link #MODERATE} and {@link #HIGH}:
 * {@link #isCrisis()} says on which side a severity is.
 *
 * <p>Mislabelling costs both ways (a formal apology for a trivial issue draws attention; a crisis
 * treated as routine grows), so when unsure an incident stays a problem and is flagged to watch.
 */
public enum Severity {
    /** A single unhappy customer or a small issue: customer service answers with the standard playbook. */
    LOW,
    /** A problem that is growing or recurring: still customer service, with a manager aware. */
    MODERATE,
    /** A crisis: a larger audience is involved and communications/PR lead a coordinated response. */
    HIGH,
    /** A major crisis: executives are involved; everything scheduled is paused. */
    CRITICAL;

    /** Whether this severity is on the crisis side of the line. */
    public boolean isCrisis() {
        return compareTo(HIGH) >= 0;
    }

    /** Whether this severity is strictly more serious than {@code other}. */
    public boolean isAbove(Severity other) {
        return compareTo(other) > 0;
    }

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a JSON name in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity fromJson(String name) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be low, moderate, high or critical; was '" + name + "'");
    }
}
