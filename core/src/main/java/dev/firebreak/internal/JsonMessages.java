package dev.firebreak.internal;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Pattern;

/**
 * What a JSON parser said was wrong, in words for the user: Jackson's own message without its internals
 * (the redacted source description, the name of the constraint class to configure).
 */
public final class JsonMessages {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CONSTRAINT = Pattern.compile(", from `[A-Za-z.]+\\(\\)`");

    private JsonMessages() {
    }

    /**
     * The parser's message, for example "Unexpected end-of-input: expected close marker for Object (start
     * marker at line 1, column 9)".
     */
    public static String of(JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage());
        m = SOURCE.matcher(m).replaceAll("line $1, column $2");
        return CONSTRAINT.matcher(m).replaceAll("");
    }
}
