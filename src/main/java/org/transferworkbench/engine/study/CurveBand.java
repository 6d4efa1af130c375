package org.transferworkbench.engine.study;

import org.transferworkbench.engine.stats.Spread;

/**
 * One epoch of an arm's mean curve: mean, sample sd, min and max over the repeats that reached that epoch ({@code
 * n} shrinks where early stopping ended some repeats sooner).
 */
public record CurveBand(int epoch, int n, double mean, double sd, double min, double max) {

    static CurveBand of(int epoch, Spread s) {
        return new CurveBand(epoch, s.n(), s.mean(), s.sd(), s.min(), s.max());
    }
}
