package org.transferworkbench.bench;

import java.util.Arrays;

/** Seconds per timed iteration; the median is the figure, min and max show the spread. */
public record StepTimes(double[] seconds) {

    /** Runs {@code step} {@code warmup} times untimed, then {@code iterations} times timed. */
    public static StepTimes measure(Runnable step, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] s = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run();
            s[i] = (System.nanoTime() - start) / 1e9;
        }
        return new StepTimes(s);
    }

    public int count() {
        return seconds.length;
    }

    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(seconds).max().orElse(Double.NaN);
    }
}
