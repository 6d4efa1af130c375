package org.transferworkbench.ui.runs;

import java.util.List;
import org.transferworkbench.engine.training.EpochMetrics;

/** The per-epoch metrics of one run, for the comparison charts. */
public record RunCurves(String runName, List<EpochMetrics> epochs) {
}
