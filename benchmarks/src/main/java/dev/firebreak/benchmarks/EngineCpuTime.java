package dev.firebreak.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * A diagnostic beside {@link EngineBenchmark} for a shared machine: it runs the benchmark's own stream and
 * methods on one engine, alternating rounds of one thread (over both lanes) and two threads (one lane each),
 * and reports each thread's CPU time per mention, bytes allocated per mention and GC pause per mention.
 * Thread CPU time does not count the time a thread waits for a core that other processes hold, so it shows
 * the engine's own cost and whether a second thread makes each mention dearer (contention) even when the
 * wall-clock throughput of JMH swings with the machine's load. The figures of record are JMH's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.EngineCpuTime [rounds] [mentions per lane] [cheap|builtin]
 * </pre>
 */
public final class EngineCpuTime {

    private EngineCpuTime() {
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += g.getCollectionTime();
        }
        return t;
    }

    /**
     * Runs the rounds; arguments: rounds (default 12), mentions per lane and round (default 150,000), the
     * classifier (default {@code cheap}; {@code builtin} for the whole pipeline).
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int perLane = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EngineBenchmark b = new EngineBenchmark();
        b.brands = 1000;
        b.classifier = args.length > 2 ? args[2] : "cheap";
        b.setUp();
        EngineBenchmark.Cursor[] lanes = new EngineBenchmark.Cursor[EngineBenchmark.LANES];
        for (int l = 0; l < lanes.length; l++) {
            lanes[l] = new EngineBenchmark.Cursor();
            lanes[l].stride = EngineBenchmark.LANES;
            lanes[l].lane = l;
        }
        double[] sum = new double[3]; // second half: one thread, two threads (per thread), baseline
        int[] count = new int[2];
        for (int r = 0; r < rounds; r++) {
            int threads = r % 2 == 0 ? 1 : 2;
            CyclicBarrier start = new CyclicBarrier(threads);
            double[] cpu = new double[threads];
            double[] bytes = new double[threads];
            Thread[] ts = new Thread[threads];
            long gc0 = gcMillis();
            long w0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    long tid = Thread.currentThread().getId();
                    long a0 = mx.getThreadAllocatedBytes(tid);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long ops = 0;
                    for (int i = 0; i < perLane; i++) {
                        if (threads == 1) {
                            for (EngineBenchmark.Cursor c : lanes) {
                                b.ingestTwoThreads(c);
                                ops++;
                            }
                        } else {
                            b.ingestTwoThreads(lanes[id]);
                            ops++;
                        }
                    }
                    cpu[id] = (mx.getCurrentThreadCpuTime() - c0) / (double) ops;
                    bytes[id] = (mx.getThreadAllocatedBytes(tid) - a0) / (double) ops;
                });
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            long ops = (long) perLane * lanes.length;
            double wall = ops * 1e9 / (System.nanoTime() - w0);
            double gc = (gcMillis() - gc0) * 1e6 / ops;
            System.out.printf(Locale.ROOT, "round %2d, %d thread(s): CPU ns per mention per thread %s, B/op %s, "
                    + "GC pause %.0f ns/op, wall %.0f mentions/s in all%n", r, threads,
                    Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()),
                    Arrays.toString(Arrays.stream(bytes).mapToLong(Math::round).toArray()), gc, wall);
            if (r >= rounds / 2) {
                sum[threads - 1] += Arrays.stream(cpu).average().orElse(0);
                count[threads - 1]++;
            }
        }
        EngineBenchmark.Cursor c = new EngineBenchmark.Cursor();
        c.stride = 1;
        long c0 = mx.getCurrentThreadCpuTime();
        Object sink = null;
        for (int i = 0; i < 1_000_000; i++) {
            sink = b.baseline(c);
        }
        double baseline = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        double one = sum[0] / Math.max(1, count[0]);
        double two = sum[1] / Math.max(1, count[1]);
        System.out.printf(Locale.ROOT, "second half: one thread %.0f ns/mention (%.0f per CPU second), two threads %.0f"
                + " ns/mention per thread (%.0f per CPU second each: scaling %.2fx); baseline %.0f ns/mention%s%n",
                one, 1e9 / one, two, 1e9 / two, 2 * one / two, baseline, sink == null ? "" : "");
        b.tearDown();
    }
}
