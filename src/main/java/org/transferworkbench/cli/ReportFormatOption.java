package org.transferworkbench.cli;

import java.util.List;
import java.util.Set;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import picocli.CommandLine.Option;

/** {@code --format html|md}, shared by the run and study report commands, and how both say where the report went. */
final class ReportFormatOption {

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
