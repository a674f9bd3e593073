package dev.firebreak.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.json.FirebreakJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** Everything a run wrote to the output topics, per topic, in order. */
record Outputs(List<KeyValue<String, String>> alerts, List<KeyValue<String, String>> incidents,
        List<KeyValue<String, String>> escalations, List<KeyValue<String, String>> events,
        List<KeyValue<String, String>> deadLetters) {

    private static final FirebreakJson JSON = FirebreakJson.create();

    /**
     * What a driver wrote. A dead letter's source offset is left out: each test driver numbers its input records
     * from 0, where a restarted instance of a real deployment reads on from the committed offset.
     */
    static Outputs of(Harness h) {
        List<KeyValue<String, String>> dead = new ArrayList<>();
        for (KeyValue<String, String> kv : h.deadLettersOut) {
            ObjectNode o = JSON.parseObject(kv.value);
            if (o.has("source")) {
                ((ObjectNode) o.get("source")).remove("offset");
            }
            dead.add(KeyValue.pair(kv.key, JSON.write(o)));
        }
        return new Outputs(List.copyOf(h.alertsOut), List.copyOf(h.incidentsOut), List.copyOf(h.escalationsOut),
                List.copyOf(h.eventsOut), dead);
    }

    Outputs then(Outputs later) {
        return new Outputs(join(alerts, later.alerts), join(incidents, later.incidents),
                join(escalations, later.escalations), join(events, later.events), join(deadLetters, later.deadLetters));
    }

    int size() {
        return alerts.size() + incidents.size() + escalations.size() + events.size() + deadLetters.size();
    }

    private static List<KeyValue<String, String>> join(List<KeyValue<String, String>> a,
            List<KeyValue<String, String>> b) {
        List<KeyValue<String, String>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
