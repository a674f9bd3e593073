package dev.firebreak.examples;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.engine.Brand;
import dev.firebreak.streams.FirebreakTopology;
import dev.firebreak.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The crisis engine on a Kafka cluster: runs {@link FirebreakTopology} with the examples' classifier for the brands
 * given, until it is stopped (Ctrl-C closes it cleanly). Start as many instances as you like with the same
 * {@code --application-id}: Kafka Streams spreads the brands over them and moves a failed instance's brands to
 * the others.
 *
 * <pre>
 * java -jar examples/target/firebreak-kafka-streams.jar --bootstrap-servers localhost:9092 --brand kestrel
 * </pre>
 *
 * It creates no topic itself: it checks that the input and output topics exist and, if some do not, prints the
 * commands that create them and stops (Kafka Streams creates its own internal topics: the repartition topic by
 * brand and the stores' changelogs). Options: {@code --bootstrap-servers} (or {@value #ENV_BOOTSTRAP}),
 * {@code --application-id} (default {@code firebreak}), {@code --brand NAME} (repeatable: the name is both a
 * handle and a keyword), {@code --threads N}, {@code --standby-replicas N}, {@code --partitions N} (of the
 * repartition topic), {@code --state-dir DIR}, {@code --replay} (engine time follows the data only: for
 * replaying old mentions), {@code --timeout SECONDS} (to reach the cluster at start).
 */
public final class KafkaStreamsApp {

    /** The environment variable naming the brokers when {@code --bootstrap-servers} is not given. */
    public static final String ENV_BOOTSTRAP = "FIREBREAK_BOOTSTRAP_SERVERS";

    static final String USAGE = "usage: KafkaStreamsApp --bootstrap-servers HOST:PORT[,...] --brand NAME [--brand NAME ...]\n"
            + "           [--application-id ID] [--threads N] [--standby-replicas N] [--partitions N]\n"
            + "           [--state-dir DIR] [--replay] [--timeout SECONDS]\n"
            + "\n"
            + "Runs the crisis engine on Kafka Streams: reads Mention JSON from firebreak-mentions and actions from\n"
            + "firebreak-actions, writes firebreak-alerts, firebreak-incidents, firebreak-escalations and\n"
            + "firebreak-dead-letters. The brokers may also come from " + ENV_BOOTSTRAP + ".\n";

    /** The command line, read. */
    record Options(String bootstrapServers, String applicationId, List<Brand> brands, int threads, int standbys,
            Optional<Integer> partitions, Optional<Path> stateDir, boolean replay, Duration timeout) {
    }

    private KafkaStreamsApp() {
    }

    /** Runs until stopped; exit code 2 for bad usage, 1 when the cluster cannot be used. */
    public static void main(String[] args) throws InterruptedException {
        // Kafka's clients log their whole configuration at info; -Dorg.slf4j.simpleLogger.log.org.apache.kafka=info
        // brings it back
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        }
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The settings of a run: the defaults, with the repartition width and, for a replay, no idle advance. */
    static StreamsSettings settings(Options o) {
        StreamsSettings.Builder b = StreamsSettings.builder();
        o.partitions().ifPresent(b::partitions);
        if (o.replay()) {
            b.noIdleAdvance();
        }
        return b.build();
    }

    /** The topology the example runs. */
    static Topology topology(StreamsSettings settings, List<Brand> brands) {
        // --- README: streams topology
        return FirebreakTopology.builder()
                .settings(settings)                    // topics, stores, exactly-once v2
                .classifier(BuiltInClassifier.create())    // runs before the repartition, once per mention
                .brands(brands)                        // every instance watches the same brands
                .build();
        // --- end
    }

    /** The Kafka Streams configuration of a run. */
    static Properties properties(Options o, StreamsSettings settings) {
        // --- README: streams properties
        Properties props = settings.properties(o.applicationId(), o.bootstrapServers());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, o.threads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, o.standbys()); // warm copies for fast failover
        // --- end
        o.stateDir().ifPresent(d -> props.put(StreamsConfig.STATE_DIR_CONFIG, d.toString()));
        return props;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        Options o;
        try {
            o = parse(args, env);
        } catch (IllegalArgumentException e) {
            if ("help".equals(e.getMessage())) {
                out.print(USAGE);
                return 0;
            }
            err.println("KafkaStreamsApp: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        StreamsSettings settings = settings(o);
        Properties props = properties(o, settings);
        Optional<String> problem = checkTopics(props, settings, o, out);
        if (problem.isPresent()) {
            err.println("KafkaStreamsApp: " + problem.get());
            return 1;
        }
        KafkaStreams streams = new KafkaStreams(topology(settings, o.brands()), props);
        streams.setUncaughtExceptionHandler(e -> {
            err.println("KafkaStreamsApp: a stream thread failed, replacing it: " + e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> out.println("Kafka Streams: " + before + " -> " + now));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }, "firebreak-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Watching " + o.brands().size() + " brands as application '" + o.applicationId() + "' on "
                + o.bootstrapServers() + " (" + settings.processingGuarantee() + "); Ctrl-C stops");
        streams.start();
        stopped.await();
        return 0;
    }

    /**
     * Checks that the topics the topology reads and writes exist; if not, says which and how to create them.
     *
     * @return what is wrong, if anything
     */
    static Optional<String> checkTopics(Properties streamsProps, StreamsSettings s, Options o, PrintStream out)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrapServers());
        for (String k : streamsProps.stringPropertyNames()) {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, streamsProps.getProperty(k));
            }
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, o.timeout().toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(ms, 30_000));
        Set<String> existing;
        try (Admin admin = Admin.create(p)) {
            existing = admin.listTopics().names().get(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of("cannot list the topics of " + o.bootstrapServers() + " within " + o.timeout().toSeconds()
                    + " s: " + (e.getCause() == null ? e : e.getCause().getMessage()));
        }
        Set<String> needed = new LinkedHashSet<>();
        needed.add(s.mentionsTopic());
        s.actionsTopic().ifPresent(needed::add);
        needed.add(s.alertsTopic());
        needed.add(s.incidentsTopic());
        needed.add(s.escalationsTopic());
        needed.add(s.deadLetterTopic());
        s.eventsTopic().ifPresent(needed::add);
        s.unmatchedTopic().ifPresent(needed::add);
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(existing);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        out.println("Create the missing topics first, for example:");
        for (String t : missing) {
            out.println("  kafka-topics.sh --bootstrap-server " + o.bootstrapServers() + " --create --topic " + t
                    + " --partitions 12 --replication-factor 3"
                    + (t.equals(s.incidentsTopic()) ? " --config cleanup.policy=compact" : ""));
        }
        return Optional.of("missing topics: " + String.join(", ", missing));
    }

    /** The options that take a value. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--bootstrap-servers", "--application-id",
            "--brand", "--threads", "--standby-replicas", "--partitions", "--state-dir", "--timeout");

    static Options parse(String[] args, Map<String, String> env) {
        String bootstrap = env.get(ENV_BOOTSTRAP);
        String app = "firebreak";
        List<Brand> brands = new ArrayList<>();
        int threads = 1;
        int standbys = 0;
        Optional<Integer> partitions = Optional.empty();
        Optional<Path> stateDir = Optional.empty();
        boolean replay = false;
        Duration timeout = Duration.ofSeconds(30);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help":
                case "-h":
                    throw new IllegalArgumentException("help");
                case "--replay":
                    replay = true;
                    continue;
                default:
                    break;
            }
            if (!VALUED.contains(a)) {
                throw new IllegalArgumentException(a.startsWith("--") ? "unknown option " + a : "unknown argument " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--bootstrap-servers":
                    bootstrap = v;
                    break;
                case "--application-id":
                    app = v;
                    break;
                case "--brand":
                    brands.add(Brand.builder(v).handles(v).keywords(v).build());
                    break;
                case "--threads":
                    threads = number(a, v, 1, 64);
                    break;
                case "--standby-replicas":
                    standbys = number(a, v, 0, 8);
                    break;
                case "--partitions":
                    partitions = Optional.of(number(a, v, 1, 10_000));
                    break;
                case "--state-dir":
                    stateDir = Optional.of(Path.of(v));
                    break;
                case "--timeout":
                    timeout = Duration.ofSeconds(number(a, v, 1, 3_600));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers (or " + ENV_BOOTSTRAP + ") is required");
        }
        if (brands.isEmpty()) {
            throw new IllegalArgumentException("at least one --brand is required");
        }
        return new Options(bootstrap, app, brands, threads, standbys, partitions, stateDir, replay, timeout);
    }

    private static int number(String option, String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }
}
