package dev.firebreak.facebook.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to reach a message or a log: the configured secrets
 * wherever they appear, and any {@code access_token=...} or {@code appsecret_proof=...} query
 * parameter. Not part of the API.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "<redacted>";

    private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)(access_token|appsecret_proof|client_secret)=[^&\\s\"']*");

    private final List<String> secrets;

    /** A redactor for these secrets (blank ones are ignored). */
    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
    }

    /** The text with every secret and token parameter masked. */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = TOKEN_PARAM.matcher(text).replaceAll("$1=" + MASK);
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
