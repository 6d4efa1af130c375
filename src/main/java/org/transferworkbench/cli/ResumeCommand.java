package org.transferworkbench.cli;

import java.util.concurrent.Callable;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code resume RUN}: continue an interrupted, cancelled or failed run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted, cancelled or failed run from its last completed epoch.")
public final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(paramLabel = "RUN", description = "Run folder name (or a unique part of it) or path.")
    String run;

    @Mixin
    GpuOption gpuOption = new GpuOption();

    @Override
    public Integer call() throws Exception {
        RunDirectory dir = parent.runStore().open(run);
        ExperimentRunner runner = gpuOption.apply(new ExperimentRunner(parent.runStore()), System.out);
        if (dir.effectiveState() == RunState.RUNNING) {
            throw new IllegalStateException("Run " + dir.id() + " is being trained right now (by this or another "
                    + "program); let it finish or stop it before resuming it.");
        }
        CancellationToken cancel = new CancellationToken();
        ConsoleProgress console = new ConsoleProgress(System.out, System.err,
                dir.readConfig().hyperparameters().epochs());
        ShutdownCancel.install(cancel);
        ExperimentResult result = runner.resume(dir, console, cancel);
        console.finished(result);
        return Cli.exitCode(result.state());
    }
}
