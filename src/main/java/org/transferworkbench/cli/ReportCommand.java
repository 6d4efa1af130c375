package org.transferworkbench.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.RunReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code report RUN}: the methods report of a run, as HTML and/or Markdown with figures, in one folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a run's methods report: dataset fingerprint and split, model, weights, every setting, "
                + "versions, hardware, curves, confusion matrix and per-class figures with 95% bootstrap intervals.",
            "The folder is replaced as a whole; it holds report.html, report.md, figures/ and files/."})
public final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(paramLabel = "RUN", description = "Run folder name (or a unique part of it) or path.")
    String run;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() throws Exception {
        Set<ReportFormat> chosen = options.chosen();
        RunDirectory dir = parent.runStore().open(run);
        ReportWriter.Written written = RunReportWriter.write(dir, options.out, chosen, ProgressReporter.silent(),
                CancellationToken.none());
        ReportOptions.print(dir.id(), written, chosen);
        return 0;
    }
}
