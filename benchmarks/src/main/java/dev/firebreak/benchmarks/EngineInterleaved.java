package dev.firebreak.benchmarks;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;

/**
 * A diagnostic for comparing two builds of the engine on a shared machine: it loads {@link EngineBenchmark} from two
 * benchmark jars (each in its own class loader, so each has its own engine, inputs and data-time clock) into one
 * JVM and runs them in alternating rounds on one thread (order A B, B A, A B, ...), each over all 1,000 brands,
 * reporting the thread CPU time per mention of each round. Other processes slow both sides alike within a few
 * seconds, where separate runs of {@link EngineCpuTime} minutes apart can differ by more than the change measured.
 * The first rounds are a warm-up (the engine's state grows for about two million mentions); the summary is over the
 * rounds after it. The figures of record are JMH's.
 *
 * <pre>
 * java -Xms6g -Xmx6g -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.EngineInterleaved \
 *     A.jar B.jar [rounds] [mentions per round and side] [cheap|builtin] [warm-up rounds]
 * </pre>
 */
public final class EngineInterleaved {

    private EngineInterleaved() {
    }

    /** One build: its benchmark object, cursor and {@code ingest} method. */
    private static final class Side {
        final MethodHandle ingest;
        final Object cursor;
        Object sink;

        Side(String jar, String classifier) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> bench = Class.forName(EngineBenchmark.class.getName(), true, loader);
            Constructor<?> make = bench.getDeclaredConstructor();
            make.setAccessible(true);
            Object b = make.newInstance();
            bench.getDeclaredField("brands").set(b, 1000);
            bench.getDeclaredField("classifier").set(b, classifier);
            bench.getMethod("setUp").invoke(b);
            Class<?> cursorClass = Class.forName(EngineBenchmark.Cursor.class.getName(), true, loader);
            cursor = cursorClass.getDeclaredConstructor().newInstance();
            Field stride = cursorClass.getDeclaredField("stride");
            stride.setAccessible(true);
            stride.setInt(cursor, 1);
            ingest = MethodHandles.lookup().unreflect(bench.getMethod("ingest", cursorClass)).bindTo(b)
                    .asType(MethodType.methodType(Object.class, Object.class));
        }

        void run(int times) throws Throwable {
            for (int i = 0; i < times; i++) {
                sink = ingest.invokeExact(cursor);
            }
        }
    }

    /**
     * Runs the rounds; arguments: the two jars, rounds (default 34), mentions per round and side (default 200,000),
     * the classifier (default {@code builtin}), warm-up rounds left out of the summary (default 12).
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: EngineInterleaved A.jar B.jar [rounds] [mentions per round] [cheap|builtin]"
                    + " [warm-up rounds]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 34;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        String classifier = args.length > 4 ? args[4] : "builtin";
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 12;
        Side a = new Side(args[0], classifier);
        Side b = new Side(args[1], classifier);
        Interleaving.Result r = Interleaving.run(a::run, b::run, rounds, perRound, warmUp, "mention");
        System.out.printf(Locale.ROOT, "rounds %d-%d: %s per mention%s%n", warmUp, rounds - 1, r,
                a.sink == null || b.sink == null ? " (nothing ingested)" : "");
    }
}
