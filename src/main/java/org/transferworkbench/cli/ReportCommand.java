package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.RunReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: RUN/report).")
    Path out;

    @Option(names = "--format", paramLabel = "html|md", split = ",",
            description = "html, md or both (html,md) [both].")
    List<String> formats = List.of("html", "md");

    @Override
    public Integer call() throws Exception {
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        formats.forEach(f -> chosen.add(ReportFormat.parse(f)));
        RunDirectory dir = parent.runStore().open(run);
        ReportWriter.Written written = RunReportWriter.write(dir, out, chosen, ProgressReporter.silent(),
                CancellationToken.none());
        System.out.println("Report of " + dir.id() + " written to " + written.folder());
        for (ReportFormat f : chosen) {
            System.out.println("  " + written.file(f));
        }
        return 0;
    }
}
