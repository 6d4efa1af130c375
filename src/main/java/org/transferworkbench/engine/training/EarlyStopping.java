package org.transferworkbench.engine.training;

/**
 * Tracks the best epoch by validation accuracy (lower validation loss breaks ties) and says when patience has run
 * out.
 */
public final class EarlyStopping {
    private final int patience;
    private int bestEpoch = -1;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private double bestLoss = Double.POSITIVE_INFINITY;

    /** @param patience epochs without improvement before stopping; 0 never stops early */
    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Restores the state of a resumed run. */
    public static EarlyStopping resumed(int patience, int bestEpoch, double bestAccuracy, double bestLoss) {
        EarlyStopping s = new EarlyStopping(patience);
        if (bestEpoch < 0) {
            return s;
        }
        s.bestEpoch = bestEpoch;
        s.bestAccuracy = bestAccuracy;
        s.bestLoss = bestLoss;
        return s;
    }

    /** @return whether this epoch improved on the best so far */
    public boolean record(int epoch, double validationAccuracy, double validationLoss) {
        boolean better = validationAccuracy > bestAccuracy
                || (validationAccuracy == bestAccuracy && validationLoss < bestLoss);
        if (better) {
            bestEpoch = epoch;
            bestAccuracy = validationAccuracy;
            bestLoss = validationLoss;
        }
        return better;
    }

    public boolean shouldStop(int epoch) {
        return patience > 0 && bestEpoch >= 0 && epoch - bestEpoch >= patience;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestAccuracy() {
        return bestAccuracy;
    }

    public double bestLoss() {
        return bestLoss;
    }
}
