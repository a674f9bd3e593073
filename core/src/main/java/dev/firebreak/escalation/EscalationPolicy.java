package dev.firebreak.escalation;

import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The escalation plan written in advance: an ordered ladder of levels, the first-response deadline of
 * each severity, where an incident of each severity starts on the ladder and how high it may climb.
 *
 * <p>Defaults ({@link #defaults()}):
 * <table>
 *   <caption>Default ladder</caption>
 *   <tr><th>level</th><th>role</th><th>ack timeout</th></tr>
 *   <tr><td>1</td><td>customer_service</td><td>30 min</td></tr>
 *   <tr><td>2</td><td>manager</td><td>30 min</td></tr>
 *   <tr><td>3</td><td>communications</td><td>15 min</td></tr>
 *   <tr><td>4</td><td>executive</td><td>15 min</td></tr>
 * </table>
 * First response: 2 hours for a problem (low, moderate), 30 minutes for a crisis (high, critical).
 * Start level: 1 for low and moderate, 3 for high, 4 for critical. Highest level: 2 for problems, 4 for
 * crises. At its highest level an incident that keeps missing deadlines is reminded at most
 * {@code maxReminders} (default 2) times, then its clocks stop and an exhaustion event says so.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #toBuilder()}.
 */
public final class EscalationPolicy {

    private final List<EscalationLevel> levels;
    private final Map<Severity, Duration> firstResponse;
    private final Map<Severity, Integer> startLevel;
    private final Map<Severity, Integer> maxLevel;
    private final int maxReminders;

    private EscalationPolicy(Builder b) {
        this.levels = List.copyOf(b.levels);
        this.firstResponse = new EnumMap<>(b.firstResponse);
        int n = levels.size();
        this.startLevel = new EnumMap<>(Severity.class);
        this.maxLevel = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            int start = b.startLevel.containsKey(s) ? b.startLevel.get(s) : Math.min(defaultStart(s), n);
            int max = b.maxLevel.containsKey(s) ? b.maxLevel.get(s) : Math.min(defaultMax(s, n), n);
            if (start > n) {
                throw new IllegalArgumentException("startLevel for " + s.jsonName() + " must be between 1 and " + n
                        + " (the number of levels), was " + start);
            }
            if (max > n) {
                throw new IllegalArgumentException("maxLevel for " + s.jsonName() + " must be between 1 and " + n
                        + " (the number of levels), was " + max);
            }
            if (max < start) {
                throw new IllegalArgumentException("maxLevel for " + s.jsonName() + " (" + max
                        + ") must be >= its startLevel (" + start + ")");
            }
            startLevel.put(s, start);
            maxLevel.put(s, max);
        }
        this.maxReminders = b.maxReminders;
    }

    private static int defaultStart(Severity s) {
        switch (s) {
            case HIGH:
                return 3;
            case CRITICAL:
                return 4;
            default:
                return 1;
        }
    }

    private static int defaultMax(Severity s, int n) {
        return s.isCrisis() ? n : 2;
    }

    /** The default policy described above, with no contacts. */
    public static EscalationPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.levels = new ArrayList<>(levels);
        b.firstResponse = new EnumMap<>(firstResponse);
        b.startLevel = new EnumMap<>(startLevel);
        b.maxLevel = new EnumMap<>(maxLevel);
        b.maxReminders = maxReminders;
        return b;
    }

    /** The ladder, lowest first. */
    public List<EscalationLevel> levels() {
        return levels;
    }

    /** The level with this number, 1 for the lowest. */
    public EscalationLevel level(int number) {
        if (number < 1 || number > levels.size()) {
            throw new IllegalArgumentException("level must be between 1 and " + levels.size() + ", was " + number);
        }
        return levels.get(number - 1);
    }

    /** How long the brand has to reply publicly to an incident of this severity. */
    public Duration firstResponse(Severity severity) {
        return firstResponse.get(severity);
    }

    /** The level an incident of this severity starts at (1-based). */
    public int startLevel(Severity severity) {
        return startLevel.get(severity);
    }

    /** The highest level an incident of this severity escalates to (1-based). */
    public int maxLevel(Severity severity) {
        return maxLevel.get(severity);
    }

    /** How many reminders an incident gets at its highest level before its clocks stop. */
    public int maxReminders() {
        return maxReminders;
    }

    /** Builds an {@link EscalationPolicy}; every setter fails fast naming the field and its range. */
    public static final class Builder {
        private List<EscalationLevel> levels = new ArrayList<>(List.of(
                EscalationLevel.of(Role.CUSTOMER_SERVICE, Duration.ofMinutes(30)),
                EscalationLevel.of(Role.MANAGER, Duration.ofMinutes(30)),
                EscalationLevel.of(Role.COMMUNICATIONS, Duration.ofMinutes(15)),
                EscalationLevel.of(Role.EXECUTIVE, Duration.ofMinutes(15))));
        private Map<Severity, Duration> firstResponse = new EnumMap<>(Map.of(
                Severity.LOW, Duration.ofHours(2), Severity.MODERATE, Duration.ofHours(2),
                Severity.HIGH, Duration.ofMinutes(30), Severity.CRITICAL, Duration.ofMinutes(30)));
        private Map<Severity, Integer> startLevel = new EnumMap<>(Severity.class);
        private Map<Severity, Integer> maxLevel = new EnumMap<>(Severity.class);
        private int maxReminders = 2;

        private Builder() {
        }

        /**
         * Replaces the ladder, lowest level first; 1 to 10 levels. Start and highest levels not set
         * explicitly are recomputed from the defaults and clamped to the new ladder.
         */
        public Builder levels(List<EscalationLevel> levels) {
            Objects.requireNonNull(levels, "levels");
            if (levels.isEmpty() || levels.size() > 10) {
                throw new IllegalArgumentException("levels must hold 1 to 10 levels, was " + levels.size());
            }
            for (EscalationLevel l : levels) {
                Objects.requireNonNull(l, "levels[]");
            }
            this.levels = new ArrayList<>(levels);
            this.startLevel.clear();
            this.maxLevel.clear();
            return this;
        }

        /** Replaces one level (1-based), for example to add contacts to the default ladder. */
        public Builder level(int number, EscalationLevel level) {
            Objects.requireNonNull(level, "level");
            if (number < 1 || number > levels.size()) {
                throw new IllegalArgumentException("level number must be between 1 and " + levels.size() + ", was "
                        + number);
            }
            levels.set(number - 1, level);
            return this;
        }

        /** The first-response deadline for a severity, 1 minute to 7 days. */
        public Builder firstResponse(Severity severity, Duration deadline) {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.compareTo(Duration.ofMinutes(1)) < 0 || deadline.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("firstResponse must be between 1 minute and 7 days, was " + deadline);
            }
            firstResponse.put(severity, deadline);
            return this;
        }

        /** The level (1-based) an incident of this severity starts at; checked against the ladder on build. */
        public Builder startLevel(Severity severity, int level) {
            Objects.requireNonNull(severity, "severity");
            if (level < 1 || level > 10) {
                throw new IllegalArgumentException("startLevel must be between 1 and 10, was " + level);
            }
            startLevel.put(severity, level);
            return this;
        }

        /** The highest level (1-based) an incident of this severity escalates to; checked on build. */
        public Builder maxLevel(Severity severity, int level) {
            Objects.requireNonNull(severity, "severity");
            if (level < 1 || level > 10) {
                throw new IllegalArgumentException("maxLevel must be between 1 and 10, was " + level);
            }
            maxLevel.put(severity, level);
            return this;
        }

        /** Reminders at the highest level before the clocks stop, 0 to 100. */
        public Builder maxReminders(int maxReminders) {
            if (maxReminders < 0 || maxReminders > 100) {
                throw new IllegalArgumentException("maxReminders must be between 0 and 100, was " + maxReminders);
            }
            this.maxReminders = maxReminders;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException if a start or highest level does not fit the ladder
         */
        public EscalationPolicy build() {
            return new EscalationPolicy(this);
        }
    }
}
