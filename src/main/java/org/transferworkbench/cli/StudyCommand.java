package org.transferworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyOutcome;
import org.transferworkbench.engine.study.StudyRunner;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudySpecJson;
import org.transferworkbench.engine.study.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code study FILE}: runs a study from its JSON file; sub-commands resume, show, export, report, list. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a study: one or more configurations (arms) repeated over seeds and/or k folds.",
            "See docs/STUDIES.md for the file format."},
        subcommands = {StudyResumeCommand.class, StudyShowCommand.class, StudyExportCommand.class,
            StudyReportCommand.class,
            StudyListCommand.class})
public final class StudyCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(paramLabel = "STUDY.json", arity = "0..1", description = "The study file to run.")
    Path file;

    @Mixin
    GpuOption gpuOption = new GpuOption();

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("Give a study file (./run.sh study study.json) or one of the "
                    + "sub-commands resume, show, export, report, list.");
        }
        StudySpec spec = StudySpecJson.read(file);
        StudyFolder study = studies().create(spec, LocalDateTime.now());
        System.out.println("Study " + study.id() + ": " + spec.arms().size() + " arm(s) x "
                + spec.repeatsPerArm() + " repeat(s); folder " + study.path());
        System.out.println("(continue it after an interruption with: ./run.sh study resume " + study.id() + ")");
        return execute(study, gpuOption);
    }

    RunStore runStore() {
        return parent.runStore();
    }

    StudyStore studies() {
        return new StudyStore(runStore().root());
    }

    /** Works through the queue, then prints the table. 0 when every repeat succeeded, 130 cancelled, else 1. */
    int execute(StudyFolder study, GpuOption gpus) throws IOException {
        ExperimentRunner runner = gpus.apply(new ExperimentRunner(runStore()), System.out);
        CancellationToken cancel = new CancellationToken();
        ShutdownCancel.install(cancel);
        StudyOutcome outcome = new StudyRunner(runStore(), runner).run(study,
                new StudyConsole(System.out, System.err), cancel);
        System.out.println();
        StudyText.print(StudyAggregator.standard().aggregate(study, runStore()), System.out);
        if (outcome.cancelled()) {
            System.out.println("Cancelled; continue with: ./run.sh study resume " + study.id());
            return Cli.EXIT_CANCELLED;
        }
        return outcome.complete() ? 0 : Cli.EXIT_FAILED;
    }
}
