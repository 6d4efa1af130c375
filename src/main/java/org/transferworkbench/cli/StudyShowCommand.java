package org.transferworkbench.cli;

import java.util.concurrent.Callable;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code study show ID}: the table and the paired comparisons of the repeats finished so far. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a study's table (mean ± sd, 95%% bootstrap CI) and paired comparisons between arms.")
public final class StudyShowCommand implements Callable<Integer> {

    @ParentCommand
    StudyCommand study;

    @Parameters(paramLabel = "ID", description = "Study folder name (or a unique part of it) or path.")
    String id;

    @Override
    public Integer call() throws Exception {
        StudyFolder folder = study.studies().open(id);
        StudyText.print(StudyAggregator.standard().aggregate(folder, study.runStore()), System.out);
        if (folder.isRunning()) {
            System.out.println("(still running: figures cover the repeats finished so far)");
        }
        return 0;
    }
}
