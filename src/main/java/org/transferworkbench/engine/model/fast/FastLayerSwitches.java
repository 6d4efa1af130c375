package org.transferworkbench.engine.model.fast;

/**
 * Whether networks built or opened from now on get the fast layers: {@code -Dtw.fastConv=false} keeps DL4J's own
 * layers everywhere (to compare, or to rule the fast ones out), {@code -Dtw.fastPool=false} DL4J's own max pooling
 * only. Read at each use, so a benchmark can build one graph of each kind in one process.
 */
public final class FastLayerSwitches {

    private FastLayerSwitches() {
    }

    public static boolean convolutions() {
        return Boolean.parseBoolean(System.getProperty("tw.fastConv", "true"));
    }

    public static boolean pooling() {
        return convolutions() && Boolean.parseBoolean(System.getProperty("tw.fastPool", "true"));
    }
}
