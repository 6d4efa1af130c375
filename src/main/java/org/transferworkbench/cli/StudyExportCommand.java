package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.StudyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code study export ID --out DIR}: CSV files and the figure (PNG, SVG). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a study's table, per-run figures, curves and comparisons as CSV, and its figure as "
                + "PNG and SVG.")
public final class StudyExportCommand implements Callable<Integer> {

    @ParentCommand
    StudyCommand study;

    @Parameters(paramLabel = "ID", description = "Study folder name (or a unique part of it) or path.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files.")
    Path out;

    @Option(names = "--band", defaultValue = "sd",
            description = "Band around the mean curves: sd (±1 sd) or minmax (default: ${DEFAULT-VALUE}).")
    String band;

    @Override
    public Integer call() throws Exception {
        BandKind kind = BandKind.parse(band);
        StudyFolder folder = study.studies().open(id);
        for (Path file : StudyExport.write(StudyAggregator.standard().aggregate(folder, study.runStore()), out,
                kind)) {
            System.out.println(file);
        }
        return 0;
    }
}
