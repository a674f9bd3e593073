package dev.firebreak.benchmarks;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;

/**
 * A diagnostic for comparing two builds of the trained classifier on a shared machine, as
 * {@link EngineInterleaved} does for the engine: it loads {@link TrainedModelBenchmark} from two class paths
 * (each in its own class loader, so each has its own model, texts and per-thread working memory) into one JVM
 * and runs their {@code classify} in alternating rounds on one thread (order A B, B A, A B, ...), reporting the
 * thread CPU time per classification of each round. Runs of {@link TrainedModelBenchmark}'s {@code main} one
 * after the other differ by up to 15% on a stream of new texts, more than the changes measured; within one JVM
 * both sides see the same load. A side is a class path: a benchmark jar, or directories and jars joined by
 * {@code :} searched in order (a build's {@code core/target/classes} before another build's jar, to measure an
 * older core with the current benchmark). The figures of record are JMH's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.TrainedModelInterleaved \
 *     A B [task] [features] [text] [distinct] [rounds] [classifications per round and side] [warm-up rounds]
 * </pre>
 */
public final class TrainedModelInterleaved {

    private TrainedModelInterleaved() {
    }

    /** One build: its benchmark object and {@code classify} method. */
    private static final class Side {
        final MethodHandle classify;
        Object sink;

        Side(String classPath, String task, String features, String text, int distinct) throws Exception {
            String[] parts = classPath.split(File.pathSeparator);
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                urls[i] = new File(parts[i]).toURI().toURL();
            }
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> bench = Class.forName(TrainedModelBenchmark.class.getName(), true, loader);
            Constructor<?> make = bench.getDeclaredConstructor();
            Object b = make.newInstance();
            bench.getField("task").set(b, task);
            bench.getField("features").set(b, features);
            bench.getField("text").set(b, text);
            bench.getField("distinct").setInt(b, distinct);
            bench.getMethod("setUp").invoke(b);
            classify = MethodHandles.lookup().unreflect(bench.getMethod("classify")).bindTo(b)
                    .asType(MethodType.methodType(Object.class));
        }

        void run(int times) throws Throwable {
            for (int i = 0; i < times; i++) {
                sink = classify.invokeExact();
            }
        }
    }

    /**
     * Runs the rounds; arguments: the two class paths, then task (default {@code polarity}), features
     * ({@code default}), text ({@code tweets}), distinct ({@code 65536}), rounds (24), classifications per round
     * and side (300,000), warm-up rounds left out of the summary (4).
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: TrainedModelInterleaved A B [task] [features] [text] [distinct] [rounds]"
                    + " [per round] [warm-up rounds]");
            System.exit(2);
        }
        String task = args.length > 2 ? args[2] : "polarity";
        String features = args.length > 3 ? args[3] : "default";
        String text = args.length > 4 ? args[4] : "tweets";
        int distinct = args.length > 5 ? Integer.parseInt(args[5]) : 65_536;
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 24;
        int perRound = args.length > 7 ? Integer.parseInt(args[7]) : 300_000;
        int warmUp = args.length > 8 ? Integer.parseInt(args[8]) : 4;
        Side a = new Side(args[0], task, features, text, distinct);
        Side b = new Side(args[1], task, features, text, distinct);
        Interleaving.Result r = Interleaving.run(a::run, b::run, rounds, perRound, warmUp, "classification");
        System.out.printf(Locale.ROOT, "%s %s %s %d, rounds %d-%d: %s per classification%n", task, features, text,
                distinct, warmUp, rounds - 1, r);
    }
}
