package org.transferworkbench.cli;

import java.util.concurrent.Callable;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.experiment.TestEvaluation;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code evaluate RUN}: the best model of a run on its test split, computed again from the run's files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a run's best model on its test split and rewrite its evaluation files.")
public final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(paramLabel = "RUN", description = "Run folder name (or a unique part of it) or path.")
    String run;

    @Override
    public Integer call() throws Exception {
        RunDirectory dir = parent.runStore().open(run);
        EvaluationResult result = TestEvaluation.evaluate(dir, ProgressReporter.silent(), CancellationToken.none());
        System.out.print(result.report().toText());
        System.out.println("Written: " + dir.file(RunDirectory.EVALUATION_JSON));
        return 0;
    }
}
