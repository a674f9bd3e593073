package dev.firebreak.streams;

import dev.firebreak.engine.Brand;
import dev.firebreak.json.FirebreakJson;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Engagement;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.StepKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded stream in the spirit of the held-out scenarios: three brands, quiet chatter, complaints that grow
 * into storms, an influencer, replies and shares, the brands' own replies, copies of mentions seen before, a
 * mention about two brands, and people acting on incidents (some actions refused), with gaps in time so that
 * deadlines pass while nothing comes.
 */
final class Scenario {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String[] BRANDS = {"kestrel", "oriole", "heron"};
    private static final String[] TEXTS = {"lovely latte ~pos", "is the shop open today", "meh ~neg",
        "order late ~neg ~complaint ~cat:delivery", "charged twice ~neg ~complaint ~cat:billing",
        "staff were rude ~neg ~complaint ~cat:discrimination", "#%sfail again ~neg ~complaint",
        "cold coffee ~neg ~complaint ~cat:product_quality", "card declined twice ~neg ~complaint ~cat:billing #%sfail"};
    private static final String[] ACTIONS = {"acknowledge", "public_reply", "complete_step", "set_fault", "monitor",
        "resolve", "review"};
    private static final StepKind[] STEPS = {StepKind.ACKNOWLEDGE, StepKind.PAUSE_SCHEDULED, StepKind.HOLDING_STATEMENT,
        StepKind.NOTIFY_CONTACTS, StepKind.POST_MORTEM};

    final List<Input> inputs = new ArrayList<>();

    Scenario(long seed, int length) {
        Random rnd = new Random(seed);
        FirebreakJson json = FirebreakJson.create();
        long t = T0.toEpochMilli();
        List<Mention> seen = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int r = rnd.nextInt(100);
            int storm = (i / 150) % BRANDS.length; // one brand at a time has a storm
            if (r < 80) {
                t += rnd.nextInt(rnd.nextInt(50) == 0 ? 3_600_000 : 40_000);
                String brand = rnd.nextInt(3) == 0 ? BRANDS[storm] : BRANDS[rnd.nextInt(BRANDS.length)];
                Mention m;
                if (!seen.isEmpty() && rnd.nextInt(15) == 0) {
                    Mention again = seen.get(rnd.nextInt(seen.size())); // a copy, with more engagement
                    m = again.toBuilder().engagement(new Engagement(again.engagement().shares() + 7, 1, 3, 0)).build();
                } else {
                    String text = TEXTS[brand.equals(BRANDS[storm]) ? 3 + rnd.nextInt(TEXTS.length - 3)
                            : rnd.nextInt(TEXTS.length)].replace("%s", brand);
                    Mention.Builder b = Mention.builder(Platform.TWITTER, "m" + i)
                            .author(Author.of("a" + rnd.nextInt(400), "user" + rnd.nextInt(400),
                                    rnd.nextInt(60) == 0 ? 250_000 : rnd.nextInt(5_000)))
                            .text(text).createdAt(Instant.ofEpochMilli(t)).brand(brand)
                            .engagement(new Engagement(rnd.nextInt(4), rnd.nextInt(3), rnd.nextInt(9), 0));
                    if (!seen.isEmpty() && rnd.nextInt(6) == 0) {
                        Mention parent = seen.get(seen.size() - 1 - rnd.nextInt(Math.min(20, seen.size())));
                        b.kind(MentionKind.REPLY).inReplyTo(parent.id()).brand(parent.brand().orElse(brand));
                        if (rnd.nextInt(4) == 0) {
                            String owner = parent.brand().orElse(brand);
                            b.author(Author.of(owner + "-hq", owner + "hq", 50_000)).ownedAccount(true)
                                    .text("So sorry about this, we are on it ~pos");
                        }
                    } else if (rnd.nextInt(40) == 0) {
                        b.brand(java.util.Optional.empty()).text("both " + BRANDS[0] + " and " + BRANDS[1]
                                + " let me down ~neg ~complaint");
                    }
                    m = b.build();
                }
                seen.add(m);
                inputs.add(Input.mention(json.writeMention(m), t));
            } else {
                String brand = BRANDS[rnd.nextInt(BRANDS.length)];
                String action = ACTIONS[rnd.nextInt(ACTIONS.length)];
                StringBuilder sb = new StringBuilder().append("{\"incident\":\"").append(brand).append('-')
                        .append(String.format(Locale.ROOT, "%04d", 1 + rnd.nextInt(4))).append("\",\"action\":\"")
                        .append(action).append("\",\"by\":\"person").append(rnd.nextInt(3)).append('"');
                if (action.equals("complete_step")) {
                    sb.append(",\"step\":\"").append(STEPS[rnd.nextInt(STEPS.length)].jsonName()).append('"');
                }
                if (action.equals("set_fault")) {
                    sb.append(",\"atFault\":").append(rnd.nextBoolean());
                }
                inputs.add(Input.action(sb.append('}').toString(), t));
            }
        }
    }

    static List<Brand> brands() {
        List<Brand> out = new ArrayList<>();
        for (String b : BRANDS) {
            out.add(Brand.builder(b).handles(b + "hq").keywords(b).ownedAccount(Platform.TWITTER, b + "hq").build());
        }
        return out;
    }
}
