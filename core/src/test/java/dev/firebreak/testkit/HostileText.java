package dev.firebreak.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Texts that break naive text processing, by name, for the test kits. */
public final class HostileText {

    private HostileText() {
    }

    /** A text of {@code n} characters cycling through mixed scripts, emoji and punctuation. */
    public static String longMixed(int n) {
        String unit = "Worst delivery EVER!!! 😡 pas bon, nicht gut, 不好 #fail @acme https://t.co/x ";
        StringBuilder sb = new StringBuilder(n + unit.length());
        while (sb.length() < n) {
            sb.append(unit);
        }
        sb.setLength(n);
        if (Character.isHighSurrogate(sb.charAt(n - 1))) {
            sb.setCharAt(n - 1, '.');
        }
        return sb.toString();
    }

    /** Named hostile texts: empty, blank, huge, invalid surrogates, control characters, zalgo, RTL, emoji-only. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("empty", "");
        m.put("blank", " \t\n\r ");
        m.put("one megabyte", longMixed(1 << 20));
        m.put("one word repeated", "bad ".repeat(100_000));
        m.put("no spaces", "a".repeat(200_000));
        m.put("lone high surrogate", "broken \uD83D text");
        m.put("lone low surrogate", "\uDE21 broken");
        m.put("reversed surrogates", "\uDE21\uD83D");
        m.put("control characters", "\u0000\u0001\u0007\u001b[31mred\u007f\u0085\u2028\u2029");
        m.put("zalgo", "Z̵̛̖̙͉̄͗ä̴̧͓̬́l̷̢̛̦͍̂g̸̹̈́o̷͕͛ ̸̛̬is terrible" + "\u0301".repeat(5000));
        m.put("right to left", "\u202Eلا أحب هذا المنتج \u05D6\u05D4 \u05E8\u05E2 \u202C");
        m.put("only emoji", "😡😡😡🤬💩👎🏽🏳️‍🌈👨‍👩‍👧‍👦");
        m.put("only punctuation", "!!!???...!!!,,,;;;:::" .repeat(50));
        m.put("only handles and urls", "@a @b @c https://example.com/x?y=z http://t.co/abc www.example.org");
        m.put("byte order mark and zero width", "\uFEFF\u200B\u200C\u200D\u2060terrible\uFEFF");
        m.put("replacement characters", "\uFFFD\uFFFD\uFFFE\uFFFF");
        m.put("mixed scripts", "Great серв 服务 خدمة सेवा υπηρεσία");
        m.put("digits", "1234567890".repeat(1000));
        return m;
    }
}
