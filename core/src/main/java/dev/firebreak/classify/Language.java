package dev.firebreak.classify;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A language as an ISO 639 code: an open value, so a user's classifier can report languages the
 * built-in one does not know. Norwegian is reported as its written standards, {@link #NORWEGIAN_BOKMAL}
 * ({@code nb}) and {@link #NORWEGIAN_NYNORSK} ({@code nn}).
 *
 * @param code a lower-case ISO 639-1 or 639-3 code, optionally with a region or script subtag
 *     ({@code "en"}, {@code "zh"}, {@code "pt-br"}); {@code "und"} when undetermined
 */
public record Language(String code) {
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");


    public static final Language ENGLISH = new Language("en");
    public static final Language FRENCH = new Language("fr");
    public static final Language GERMAN = new Language("de");
    public static final Language SPANISH = new Language("es");
    public static final Language ITALIAN = new Language("it");
    public static final Language PORTUGUESE = new Language("pt");
    public static final Language NORWEGIAN_BOKMAL = new Language("nb");
    public static final Language NORWEGIAN_NYNORSK = new Language("nn");
    /** Chinese; the built-in classifier reads simplified and traditional characters. */
    public static final Language CHINESE = new Language("zh");
    /** The language could not be determined (ISO 639-2 {@code und}). */
    public static final Language UNDETERMINED = new Language("und");


    /** Validates the code. */
    public Language {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("language code must look like 'en', 'nb' or 'pt-br', was '"
                    + (code.length() > 20 ? code.substring(0, 20) + "..." : code) + "'");
        }
    }

    /** The language for a code in any case, with {@code _} accepted for {@code -}; shipped constants are reused. */
    public static Language of(String code) {
        String normal = Objects.requireNonNull(code, "code").strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (normal) {
            case "en": return ENGLISH;
            case "fr": return FRENCH;
            case "de": return GERMAN;
            case "es": return SPANISH;
            case "it": return ITALIAN;
            case "pt": return PORTUGUESE;
            case "nb": return NORWEGIAN_BOKMAL;
            case "nn": return NORWEGIAN_NYNORSK;
            case "zh": return CHINESE;
            case "und": return UNDETERMINED;
            default: return new Language(normal);
        }
    }

    /** Whether this is {@link #UNDETERMINED}. */
    public boolean isUndetermined() {
        return this.equals(UNDETERMINED);
    }

    @Override
    public String toString() {
        return code;
    }
}
