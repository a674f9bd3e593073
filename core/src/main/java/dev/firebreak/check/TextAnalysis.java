package dev.firebreak.check;

import dev.firebreak.check.internal.Lexicon;
import dev.firebreak.check.internal.TextScan;
import dev.firebreak.check.internal.Tokens;
import java.util.List;

/** One text cut and scanned once, shared by the built-in rules of one check. */
final class TextAnalysis {

    final String text;
    final Lexicon.Scan scan;
    private List<TextScan.Tag> hashtags;
    private List<TextScan.Handle> handles;
    private List<TextScan.Link> links;

    TextAnalysis(String text, CheckWords words) {
        this.text = text;
        this.scan = words.lexicon().scan(Tokens.of(text));
    }

    List<TextScan.Tag> hashtags() {
        if (hashtags == null) {
            hashtags = TextScan.hashtags(text);
        }
        return hashtags;
    }

    List<TextScan.Handle> handles() {
        if (handles == null) {
            handles = TextScan.handles(text);
        }
        return handles;
    }

    List<TextScan.Link> links() {
        if (links == null) {
            links = TextScan.links(text);
        }
        return links;
    }

    /** The matches of a list. */
    List<Lexicon.Match> matches(String list) {
        return scan.matches(list);
    }

    int count(String list) {
        return scan.count(list);
    }

    boolean has(String list) {
        return scan.has(list);
    }
}
