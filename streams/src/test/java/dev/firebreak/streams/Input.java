package dev.firebreak.streams;

import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Mention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One record of a test run: a mention (Mention JSON) or an action (action JSON), with its record timestamp.
 *
 * @param action whether it goes to the actions topic
 */
record Input(boolean action, String json, long timestamp) {

    static Input mention(String json, long timestamp) {
        return new Input(false, json, timestamp);
    }

    static Input action(String json, long timestamp) {
        return new Input(true, json, timestamp);
    }

    /** The demo stream, ordered by {@code createdAt} as {@code firebreak replay} does, timed by it. */
    static List<Input> demoStream() {
        Path p = Path.of("..", "examples", "data", "demo-stream.jsonl");
        FirebreakJson json = FirebreakJson.create();
        List<Mention> mentions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    mentions.add(json.readMention(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p.toAbsolutePath(), e);
        }
        mentions.sort(Comparator.comparing(Mention::createdAt));
        List<Input> out = new ArrayList<>();
        for (Mention m : mentions) {
            out.add(mention(json.writeMention(m), m.createdAt().toEpochMilli()));
        }
        return out;
    }

    void pipe(Harness h) {
        if (action) {
            h.action(json, timestamp);
        } else {
            h.mention(json, timestamp);
        }
    }
}
