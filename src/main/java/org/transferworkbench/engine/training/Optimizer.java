package org.transferworkbench.engine.training;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimisers offered; DL4J calls them updaters. */
public enum Optimizer {
    SGD, NESTEROV, ADAM;

    public IUpdater updater(double learningRate, double momentum) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case NESTEROV -> new Nesterovs(learningRate, momentum);
            case ADAM -> new Adam(learningRate);
        };
    }

    /** Values of optimiser state kept per trainable parameter. */
    public int stateSlots() {
        return switch (this) {
            case SGD -> 0;
            case NESTEROV -> 1;
            case ADAM -> 2;
        };
    }

    public static Optimizer parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace("-", "_");
        if (n.equals("MOMENTUM") || n.equals("SGD_NESTEROV")) {
            return NESTEROV;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown optimiser '" + s + "'; choose sgd, nesterov or adam.", e);
        }
    }
}
