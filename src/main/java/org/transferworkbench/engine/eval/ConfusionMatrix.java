package org.transferworkbench.engine.eval;

import java.util.List;

/** Counts of (actual, predicted) class pairs; rows are the actual class. */
public final class ConfusionMatrix {
    private final List<String> classNames;
    private final long[][] counts;

    public ConfusionMatrix(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        this.counts = new long[classNames.size()][classNames.size()];
    }

    public static ConfusionMatrix of(List<String> classNames, long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(classNames);
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(counts[i], 0, m.counts[i], 0, counts[i].length);
        }
        return m;
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public List<String> classNames() {
        return classNames;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Each row divided by its total, so a row reads as "of the images of this class, the share predicted as ...". */
    public double[][] rowNormalised() {
        double[][] r = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            long support = support(i);
            for (int j = 0; j < counts.length; j++) {
                r[i][j] = support == 0 ? 0 : (double) counts[i][j] / support;
            }
        }
        return r;
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    public long support(int actual) {
        long s = 0;
        for (long c : counts[actual]) {
            s += c;
        }
        return s;
    }

    public long predictedCount(int predicted) {
        long s = 0;
        for (long[] row : counts) {
            s += row[predicted];
        }
        return s;
    }

    public long correct() {
        long c = 0;
        for (int i = 0; i < counts.length; i++) {
            c += counts[i][i];
        }
        return c;
    }
}
