package dev.firebreak.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Synthetic series for the detector tests, generated from a seed. */
final class Series {

    static final Instant START = Instant.parse("2024-03-04T00:00:00Z"); // a Monday
    static final Duration BUCKET = Duration.ofMinutes(5);
    static final int PER_DAY = 288;

    private Series() {
    }

    static Instant time(int i) {
        return START.plus(BUCKET.multipliedBy(i));
    }

    /** A daily cycle (low at night, high in the afternoon) plus Gaussian noise. */
    static double[] seasonal(int n, double mean, double amplitude, double noise, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + amplitude * cycle(i) + noise * r.nextGaussian();
        }
        return v;
    }

    /** Poisson counts whose rate follows the daily cycle between {@code night} and {@code day}. */
    static double[] counts(int n, double night, double day, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double rate = night + (day - night) * (cycle(i) + 1) / 2;
            v[i] = poisson(r, rate);
        }
        return v;
    }

    /** -1 at 03:00, +1 at 15:00. */
    static double cycle(int i) {
        double dayFraction = (i % PER_DAY) / (double) PER_DAY;
        return -Math.cos(2 * Math.PI * (dayFraction - 0.125));
    }

    static int poisson(Random r, double rate) {
        double l = Math.exp(-rate);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k;
    }

    /** Scores every value with a fresh default detector. */
    static double[] score(double[] values) {
        return score(DetectorConfig.defaults().newDetector(), values, 0);
    }

    static double[] score(AdaptiveDetector d, double[] values, int from) {
        double[] s = new double[values.length];
        for (int i = from; i < values.length; i++) {
            s[i] = d.observe(time(i), values[i]);
        }
        return s;
    }

    static double max(double[] s, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, s[i]);
        }
        return m;
    }
}
