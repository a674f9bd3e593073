package dev.firebreak.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How close the app and the Page are to Graph API rate limits, as the last response's usage headers
 * said. Percentages are of the limit (0 to 100; Facebook may report more than 100 once blocked).
 *
 * @param appUsage the highest of {@code call_count}, {@code total_cputime}, {@code total_time} in
 *     {@code X-App-Usage} (Platform rate limits), if the header was sent
 * @param pageUsage the same for the older {@code X-Page-Usage} header, if sent
 * @param businessUseCaseUsage the highest percentage over every business object and type in
 *     {@code X-Business-Use-Case-Usage} (the limits Page tokens are under), if sent
 * @param regainAccessIn the longest {@code estimated_time_to_regain_access} in
 *     {@code X-Business-Use-Case-Usage} when above zero: how long Facebook says calls stay blocked
 * @param observedAt when the response carrying these headers arrived (the client's clock)
 */
public record GraphUsage(OptionalInt appUsage, OptionalInt pageUsage, OptionalInt businessUseCaseUsage,
        Optional<Duration> regainAccessIn, Instant observedAt) {

    /** Validates the fields. */
    public GraphUsage {
        Objects.requireNonNull(appUsage, "appUsage");
        Objects.requireNonNull(pageUsage, "pageUsage");
        Objects.requireNonNull(businessUseCaseUsage, "businessUseCaseUsage");
        Objects.requireNonNull(regainAccessIn, "regainAccessIn");
        Objects.requireNonNull(observedAt, "observedAt");
        check("appUsage", appUsage);
        check("pageUsage", pageUsage);
        check("businessUseCaseUsage", businessUseCaseUsage);
        if (regainAccessIn.isPresent() && (regainAccessIn.get().isNegative() || regainAccessIn.get().isZero())) {
            throw new IllegalArgumentException("regainAccessIn must be positive when present, was " + regainAccessIn.get());
        }
    }

    /** No usage reported (no request made yet, or Facebook sent no usage headers). */
    public static GraphUsage none(Instant observedAt) {
        return new GraphUsage(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), observedAt);
    }

    /** The highest percentage reported by any header, 0 if none was sent. */
    public int highestPercent() {
        return Math.max(appUsage.orElse(0), Math.max(pageUsage.orElse(0), businessUseCaseUsage.orElse(0)));
    }

    private static void check(String field, OptionalInt value) {
        if (value.isPresent() && value.getAsInt() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value.getAsInt());
        }
    }
}
