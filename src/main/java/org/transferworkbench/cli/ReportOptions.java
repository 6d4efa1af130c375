package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --format}, shared by the run and study report commands, and how both say where it went. */
final class ReportOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder (default: report/ in the run's or study's folder).")
    Path out;


    @Option(names = "--format", paramLabel = "html|md", split = ",",
            description = "html, md or both (html,md) [both].")
    List<String> formats = List.of("html", "md");

    Set<ReportFormat> chosen() {
        return ReportFormat.parseAll(formats);
    }

    static void print(String subject, ReportWriter.Written written, Set<ReportFormat> chosen) {
        System.out.println("Report of " + subject + " written to " + written.folder());
        for (ReportFormat f : chosen) {
            System.out.println("  " + written.file(f));
        }
    }
}
