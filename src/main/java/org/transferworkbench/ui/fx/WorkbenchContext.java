package org.transferworkbench.ui.fx;

import java.nio.file.Path;
import org.transferworkbench.engine.io.WorkbenchHome;
import org.transferworkbench.engine.runs.RunStore;

/**
 * What every feature shares: where the Workbench lives, the run store, the remembered settings and the executor.
 *
 * @param home folder of run.sh (system property {@code tw.home}), which holds the demo dataset
 */
public record WorkbenchContext(Path home, RunStore runStore, WorkbenchSettings settings, TaskExecutor executor) {

    /** Runs go where the command line puts them: {@link RunStore#defaultRoot}. */
    public static WorkbenchContext fromEnvironment(TaskExecutor executor) {
        Path home = WorkbenchHome.resolve();
        return new WorkbenchContext(home, new RunStore(RunStore.defaultRoot(home)), WorkbenchSettings.forUser(),
                executor);
    }
}
