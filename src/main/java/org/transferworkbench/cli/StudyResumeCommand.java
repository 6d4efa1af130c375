package org.transferworkbench.cli;

import java.util.concurrent.Callable;
import org.transferworkbench.engine.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code study resume ID}: continue a study where it stopped. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a study where it stopped: finished repeats are kept, an interrupted repeat is "
            + "continued from its last epoch (or restarted when it had none), failed ones are run again."})
public final class StudyResumeCommand implements Callable<Integer> {

    @ParentCommand
    StudyCommand study;

    @Parameters(paramLabel = "ID", description = "Study folder name (or a unique part of it) or path.")
    String id;

    @Mixin
    GpuOption gpuOption = new GpuOption();

    @Override
    public Integer call() throws Exception {
        StudyFolder folder = study.studies().open(id);
        System.out.println("Resuming study " + folder.id());
        return study.execute(folder, gpuOption);
    }
}
