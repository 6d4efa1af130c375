package org.transferworkbench.ui.fx;

import java.nio.file.Path;
import org.transferworkbench.engine.runs.RunStore;

/**
 * What every feature shares: where the Workbench lives, the run store, the remembered settings and the executor.
 *
 * @param home folder of run.sh (system property {@code tw.home}), which holds the demo dataset
 */
public record WorkbenchContext(Path home, RunStore runStore, WorkbenchSettings settings, TaskExecutor executor) {

    /** Resolved like the command line: {@code -Dtw.runsDir}, else {@code $TW_RUNS_DIR}, else runs/ in home. */
    public static WorkbenchContext fromEnvironment(TaskExecutor executor) {
        String homeProp = System.getProperty("tw.home");
        Path home = Path.of(homeProp != null && !homeProp.isBlank() ? homeProp : ".").toAbsolutePath().normalize();
        String runs = System.getProperty("tw.runsDir");
        if (runs == null || runs.isBlank()) {
            runs = System.getenv("TW_RUNS_DIR");
        }
        Path runsDir = runs != null && !runs.isBlank() ? Path.of(runs) : home.resolve("runs");
        return new WorkbenchContext(home, new RunStore(runsDir), WorkbenchSettings.forUser(), executor);
    }
}
