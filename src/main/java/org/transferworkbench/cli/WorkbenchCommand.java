package org.transferworkbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import org.transferworkbench.engine.runs.RunStore;

/** The top-level command: global options and the list of sub-commands. */
@Command(name = "transfer-workbench", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Adapt an ImageNet-style VGG16/VGG19 to your own images.",
            "Without a command, ./run.sh opens the window."},
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, SummaryCommand.class,
            RunsCommand.class, ResumeCommand.class, GenerateDemoCommand.class, WeightsCommand.class,
            BenchCommand.class, ReportCommand.class, GradCamCommand.class, StudyCommand.class,
            ExportCommand.class})
public final class WorkbenchCommand {

    @Option(names = "--runs-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where runs are stored (default: $TW_RUNS_DIR, else runs/ beside run.sh, else ~/.transfer-workbench/runs when that folder is read-only).")
    Path runsDir;

    RunStore runStore() {
        if (runsDir != null) {
            return new RunStore(runsDir);
        }
        return new RunStore(RunStore.defaultRoot(Defaults.home()));
    }
}
