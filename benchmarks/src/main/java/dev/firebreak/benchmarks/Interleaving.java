package dev.firebreak.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The rounds of the interleaved comparisons ({@link EngineInterleaved}, {@link TrainedModelInterleaved}): two
 * sides run in alternating order (A B, B A, A B, ...) on this thread, each round timed in this thread's CPU time,
 * so that other processes slow both sides alike.
 */
final class Interleaving {

    /** One build's operation, run a given number of times. */
    interface Side {
        void run(int times) throws Throwable;
    }

    /** The mean CPU time per operation of each side over the rounds after the warm-up, and B's wins. */
    record Result(double a, double b, int bLower, int rounds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "A %.0f ns, B %.0f ns (B/A %.3f; B lower in %d of %d rounds)", a, b,
                    b / a, bLower, rounds);
        }
    }

    private Interleaving() {
    }

    /** Runs the rounds, printing each round's nanoseconds per operation ({@code unit} names an operation). */
    static Result run(Side a, Side b, int rounds, int perRound, int warmUp, String unit) throws Throwable {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Side[] sides = {a, b};
        double[] sum = new double[2];
        int measured = 0;
        int bLower = 0;
        for (int r = 0; r < rounds; r++) {
            long[] ns = new long[2];
            for (int k = 0; k < 2; k++) {
                int which = (r + k) % 2;
                long c0 = mx.getCurrentThreadCpuTime();
                sides[which].run(perRound);
                ns[which] = (mx.getCurrentThreadCpuTime() - c0) / perRound;
            }
            if (r >= warmUp) {
                sum[0] += ns[0];
                sum[1] += ns[1];
                measured++;
                if (ns[1] < ns[0]) {
                    bLower++;
                }
            }
            System.out.printf(Locale.ROOT, "round %2d: A %d ns, B %d ns per %s%n", r, ns[0], ns[1], unit);
        }
        int n = Math.max(1, measured);
        return new Result(sum[0] / n, sum[1] / n, bLower, measured);
    }
}
