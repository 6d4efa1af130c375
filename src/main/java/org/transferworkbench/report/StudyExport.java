package org.transferworkbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transferworkbench.engine.study.StudyCsv;
import org.transferworkbench.engine.study.StudyResults;

/** Everything a study exports into one folder: the CSV files and the figure as PNG and SVG. */
public final class StudyExport {
    public static final String FIGURE_PNG = "study-curves.png";
    public static final String FIGURE_SVG = "study-curves.svg";
    /** Two columns of a journal page at 150 dpi; the SVG scales freely. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 900;

    private StudyExport() {
    }

    /** @return the files written */
    public static List<Path> write(StudyResults results, Path folder, BandKind band) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(StudyCsv.writeAll(results, folder));
        StudyFigure figure = new StudyFigure(results, band);
        figure.writePng(folder.resolve(FIGURE_PNG), WIDTH, HEIGHT);
        figure.writeSvg(folder.resolve(FIGURE_SVG), WIDTH, HEIGHT);
        files.add(folder.resolve(FIGURE_PNG));
        files.add(folder.resolve(FIGURE_SVG));
        return files;
    }
}
