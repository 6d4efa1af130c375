package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.DatasetSplitter;
import org.transferworkbench.engine.data.GroupingSummary;
import org.transferworkbench.engine.data.SkippedFile;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.io.AtomicFiles;

/** The data steps of a run that sit between the scanner and the trainer. */
final class DataPreparation {

    private DataPreparation() {
    }

    /** A new split by the request's spec, or the reused manifest after checking it fits this dataset. */
    static SplitManifest split(DatasetScan scan, ExperimentRequest request) throws IOException {
        if (request.reuseSplit() != null) {
            SplitManifest manifest = SplitManifest.read(request.reuseSplit());
            manifest.verifyAgainst(scan);
            return manifest;
        }
        return new DatasetSplitter().split(scan, request.split());
    }

    /** The scanner's warnings, plus one when the group pattern leaves files ungrouped (each its own group). */
    static List<String> warnings(DatasetScan scan, ExperimentRequest request) {
        String pattern = request.split().groupPattern();
        if (request.reuseSplit() != null || pattern == null) {
            return scan.warnings();
        }
        GroupingSummary groups = new DatasetSplitter().summarizeGroups(scan, pattern);
        if (groups.unmatchedFileCount() == 0) {
            return scan.warnings();
        }
        List<String> all = new ArrayList<>(scan.warnings());
        all.add(String.format(Locale.ROOT, "the group pattern '%s' matches %s of %d file names; each unmatched "
                        + "file is a group of its own (%d groups in all)", pattern,
                groups.unmatchedFileCount() == scan.images().size() ? "none"
                        : String.valueOf(scan.images().size() - groups.unmatchedFileCount()),
                scan.images().size(), groups.groupCount()));
        return all;
    }

    static void writeSkipped(DatasetScan scan, Path file) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("relative_path", "reason").get())) {
            for (SkippedFile s : scan.skipped()) {
                p.printRecord(s.relativePath(), s.reason());
            }
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /**
     * Loss weights by inverse class frequency in the training split, scaled so that a balanced split gives 1 for
     * every class: w_c = N / (K * n_c).
     */
    static double[] inverseFrequencyWeights(SplitManifest split) {
        List<String> classes = split.classNames();
        Map<String, Map<Split, Integer>> counts = split.countsByClass();
        double total = 0;
        double[] n = new double[classes.size()];
        for (int c = 0; c < n.length; c++) {
            n[c] = counts.getOrDefault(classes.get(c), Map.of()).getOrDefault(Split.TRAIN, 0);
            total += n[c];
        }
        double[] w = new double[n.length];
        for (int c = 0; c < n.length; c++) {
            w[c] = n[c] == 0 ? 0 : total / (n.length * n[c]);
        }
        return w;
    }
}
