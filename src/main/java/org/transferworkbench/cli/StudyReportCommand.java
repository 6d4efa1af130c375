package org.transferworkbench.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.StudyReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code study report ID}: the methods report of a study, as HTML and/or Markdown with its figure and split lists. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a study's methods report: a Methods paragraph, the design and every arm's settings, "
                + "dataset fingerprint and class counts, per-arm mean ± sd with typical 95% intervals, paired "
                + "comparisons with verdicts, mean curves with bands, every repeat, weights, versions, hardware.",
            "Works on an unfinished study too and lists what is missing. The folder is replaced as a whole."})
public final class StudyReportCommand implements Callable<Integer> {

    @ParentCommand
    StudyCommand study;

    @Parameters(paramLabel = "ID", description = "Study folder name (or a unique part of it) or path.")
    String id;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Option(names = "--band", defaultValue = "sd",
            description = "Band around the mean curves: sd (±1 sd) or minmax (default: ${DEFAULT-VALUE}).")
    String band;

    @Override
    public Integer call() throws Exception {
        Set<ReportFormat> chosen = options.chosen();
        BandKind kind = BandKind.parse(band);
        StudyFolder folder = study.studies().open(id);
        ReportWriter.Written written = StudyReportWriter.write(folder, study.runStore(), options.out, chosen, kind,
                ProgressReporter.silent(), CancellationToken.none());
        ReportOptions.print("study " + folder.id(), written, chosen);
        return 0;
    }
}
