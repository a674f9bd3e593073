package dev.firebreak.examples;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.events.FirebreakEvent;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The README's quick start: watch a brand, feed it a complaint, see the incident open. */
public final class QuickStart {

    private QuickStart() {
    }

    /** Runs the quick start and returns the events it printed. */
    public static List<FirebreakEvent> run() {
        List<FirebreakEvent> seen = new ArrayList<>();
        // --- quick start
        CrisisEngine engine = CrisisEngine.builder()
                .classifier(BuiltInClassifier.create())
                .brand(Brand.builder("kestrel").handles("kestrelcoffee").keywords("kestrel coffee")
                        .ownedAccount(Platform.TWITTER, "kestrelcoffee").build())
                .listener(event -> System.out.println(event))
                .listener(seen::add)
                .build();
        engine.ingest(Mention.builder(Platform.TWITTER, "1001").author(Author.of("42", "ella_runs", 340))
                .text("@kestrelcoffee charged twice for one latte, support ignored me. Not happy.")
                .createdAt(Instant.now()).build());
        engine.incidents().forEach(i -> System.out.println(i.id() + " " + i.severity() + " " + i.topic()));
        // --- end
        return seen;
    }

    public static void main(String[] args) {
        run();
    }
}
