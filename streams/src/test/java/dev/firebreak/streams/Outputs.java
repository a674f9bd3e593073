package dev.firebreak.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.json.FirebreakJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * The records of each topic grouped by key, in order within a key: what Kafka keeps in order (a key's records
     * go to one partition). How the records of different keys interleave depends on when punctuations run (a
     * restarted instance punctuates on its first record), so it is not compared.
     */
    Map<String, Map<String, List<String>>> byKey() {
        Map<String, Map<String, List<String>>> m = new TreeMap<>();
        m.put("alerts", group(alerts));
        m.put("incidents", group(incidents));
        m.put("escalations", group(escalations));
        m.put("events", group(events));
        m.put("deadLetters", group(deadLetters));
        return m;
    }

    private static Map<String, List<String>> group(List<KeyValue<String, String>> records) {
        Map<String, List<String>> m = new TreeMap<>();
        for (KeyValue<String, String> kv : records) {
            m.computeIfAbsent(String.valueOf(kv.key), k -> new ArrayList<>()).add(kv.value);
        }
        return m;
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
