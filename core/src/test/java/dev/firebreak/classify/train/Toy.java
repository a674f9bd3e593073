package dev.firebreak.classify.train;

import dev.firebreak.classify.eval.LabeledMention;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small, separable training sets written for the tests. */
final class Toy {

    private Toy() {
    }

    static final String[] POSITIVE = {"love", "great", "awesome", "thanks", "brilliant", "perfect"};
    static final String[] NEGATIVE = {"hate", "awful", "broken", "terrible", "worst", "refund"};
    static final String[] NEUTRAL = {"tuesday", "store", "address", "hours", "schedule", "branch"};
    static final String[] FILLER = {"the", "app", "order", "today", "my", "is", "your", "this", "we", "a", "at",
        "@acme", "again", "and", "it"};

    static Mention mention(String id, String text) {
        return Mention.builder(Platform.TWITTER, id).text(text).createdAt(Instant.parse("2024-05-01T10:00:00Z"))
                .build();
    }

    /** Each text holds one or two cue words of its label among filler words. */
    static List<LabeledMention> polarity(int perLabel, long seed) {
        Random r = new Random(seed);
        List<LabeledMention> out = new ArrayList<>();
        String[][] cues = {NEGATIVE, NEUTRAL, POSITIVE};
        String[] labels = {"negative", "neutral", "positive"};
        for (int i = 0; i < perLabel; i++) {
            for (int l = 0; l < 3; l++) {
                out.add(new LabeledMention(mention("p" + l + "-" + i, text(r, cues[l])), labels[l]));
            }
        }
        return out;
    }

    /** Complaints hold a complaint cue; the others a neutral or positive one. */
    static List<LabeledMention> complaint(int perLabel, long seed) {
        Random r = new Random(seed);
        List<LabeledMention> out = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            out.add(new LabeledMention(mention("c" + i, text(r, NEGATIVE)), "true"));
            out.add(new LabeledMention(mention("n" + i, text(r, i % 2 == 0 ? NEUTRAL : POSITIVE)), "false"));
        }
        return out;
    }

    static String text(Random r, String[] cues) {
        StringBuilder sb = new StringBuilder();
        int words = 3 + r.nextInt(6);
        int cuesLeft = 1 + r.nextInt(2);
        for (int w = 0; w < words; w++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (cuesLeft > 0 && (r.nextInt(words - w) < cuesLeft)) {
                String cue = cues[r.nextInt(cues.length)];
                sb.append(r.nextInt(4) == 0 ? cue.toUpperCase(java.util.Locale.ROOT) : cue);
                cuesLeft--;
            } else {
                sb.append(FILLER[r.nextInt(FILLER.length)]);
            }
        }
        return sb.toString();
    }
}
