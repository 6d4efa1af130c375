package org.transferworkbench.ui.runs;

import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/** One stored run as the runs table shows it. Figures are null when the run has none yet. */
public record RunRow(RunDirectory run, RunConfig config, String name, String date, String model, String freezePlan,
                     Double bestValidationAccuracy, Double testAccuracy, String duration, String state) {

    public String id() {
        return run.id();
    }
}
