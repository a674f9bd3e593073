package dev.firebreak.check.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Tells whether a link is well-formed, and if not, what is wrong in words a social-media manager reads. */
public final class Links {

    private static final Set<String> COM_TYPOS = Set.of("con", "cmo", "ocm", "xom", "vom", "comm", "coom", "cpm");
    private static final String[] PLACEHOLDER_WORDS = {"link", "url", "lien", "lenke", "lenkje", "enlace", "liens"};

    private Links() {
    }

    /** Whether a word (lower case) is a placeholder left in place of a link: {@code {{url}}}, {@code [link]}. */
    public static boolean isPlaceholder(String w) {
        if (w.indexOf('{') >= 0 || w.indexOf('}') >= 0) {
            return true;
        }
        if (w.length() >= 3 && ((w.charAt(0) == '[' && w.charAt(w.length() - 1) == ']')
                || (w.charAt(0) == '<' && w.charAt(w.length() - 1) == '>'))) {
            String inside = w.substring(1, w.length() - 1);
            for (String p : PLACEHOLDER_WORDS) {
                if (inside.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What is wrong with a link, or empty when it is well-formed. A link without a scheme is accepted when
     * it starts with {@code www.}.
     */
    public static Optional<String> problem(String link) {
        String raw = link.strip();
        if (raw.isEmpty()) {
            return Optional.of("the link is empty");
        }
        String w = raw.toLowerCase(Locale.ROOT);
        if (isPlaceholder(w)) {
            return Optional.of("it is a placeholder that was never filled in");
        }
        if (w.indexOf('\u2026') >= 0 || w.endsWith("...")) {
            return Optional.of("it is cut off (it ends with '...')");
        }
        String rest;
        int sep = w.indexOf("://");
        if (sep >= 0) {
            String scheme = w.substring(0, sep);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("it starts with '" + printable(raw.substring(0, sep)) + "://' instead of http:// or https://");
            }
            rest = raw.substring(sep + 3);
        } else if (w.startsWith("www.")) {
            rest = raw;
        } else if (w.startsWith("www,")) {
            return Optional.of("it has a comma where a dot belongs ('www,')");
        } else {
            return Optional.of("the 'http://' part is mistyped");
        }
        String lowerRest = rest.toLowerCase(Locale.ROOT);
        if (lowerRest.startsWith("http:") || lowerRest.startsWith("https:") || lowerRest.startsWith("http/")
                || lowerRest.startsWith("https/")) {
            return Optional.of("'http' appears twice at the start");
        }
        int hostEnd = rest.length();
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (c == '/' || c == '?' || c == '#') {
                hostEnd = k;
                break;
            }
        }
        String hostPort = rest.substring(0, hostEnd);
        if (hostPort.indexOf('@') >= 0) {
            return Optional.of("it hides the real site behind an '@', which looks like phishing");
        }
        String host = hostPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            String port = hostPort.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return Optional.of("the part after ':' in the site name is not a port number");
            }
            host = hostPort.substring(0, colon);
        }
        Optional<String> hostProblem = hostProblem(host);
        if (hostProblem.isPresent()) {
            return hostProblem;
        }
        try {
            new URI(sep >= 0 ? raw : "https://" + raw);
        } catch (URISyntaxException e) {
            int at = e.getIndex();
            String shown = sep >= 0 ? raw : "https://" + raw;
            String bad = at >= 0 && at < shown.length() ? " ('" + printable(String.valueOf(shown.charAt(at))) + "')" : "";
            return Optional.of("it contains a character a link cannot hold" + bad);
        }
        return Optional.empty();
    }

    private static Optional<String> hostProblem(String host) {
        if (host.isEmpty()) {
            return Optional.of("the site name is missing");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("the site name '" + printable(host) + "' has no ending such as .com");
        }
        boolean allNumeric = true;
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of("the site name '" + printable(host) + "' has two dots in a row or a stray dot");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of("a part of the site name '" + printable(host) + "' starts or ends with '-'");
            }
            for (int k = 0; k < label.length(); ) {
                int cp = label.codePointAt(k);
                if (!(Character.isLetterOrDigit(cp) || cp == '-')) {
                    return Optional.of("the site name '" + printable(host) + "' contains '"
                            + printable(new String(Character.toChars(cp))) + "'");
                }
                if (!(cp >= '0' && cp <= '9')) {
                    allNumeric = false;
                }
                k += Character.charCount(cp);
            }
        }
        if (allNumeric) {
            return labels.length == 4 ? Optional.empty()
                    : Optional.of("the site name '" + printable(host) + "' is neither a name nor an IP address");
        }
        String tld = labels[labels.length - 1];
        if (!tld.startsWith("xn--")) {
            if (tld.length() < 2) {
                return Optional.of("the ending '." + printable(tld) + "' of the site name is too short");
            }
            for (int k = 0; k < tld.length(); ) {
                int cp = tld.codePointAt(k);
                if (!Character.isLetter(cp)) {
                    return Optional.of("the ending '." + printable(tld) + "' of the site name is not a real ending");
                }
                k += Character.charCount(cp);
            }
        }
        if (COM_TYPOS.contains(tld)) {
            return Optional.of("'." + tld + "' looks like a typo for .com");
        }
        return Optional.empty();
    }

    /** A short, printable excerpt: control characters replaced, at most 60 characters. */
    public static String printable(String s) {
        return Quote.excerpt(s, 60);
    }
}
