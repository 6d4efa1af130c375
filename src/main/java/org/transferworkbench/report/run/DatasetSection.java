package org.transferworkbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;

/** Which images the run saw: the dataset's fingerprint, the class counts per split and the split list itself. */
public final class DatasetSection {

    private DatasetSection() {
    }

    static ReportSection of(RunFacts facts) {
        RunConfig c = facts.config();
        return build(facts, c.splitManifestSource() != null ? "reused from " + c.splitManifestSource()
                : splitText(c.split()), true);
    }

    /**
     * The dataset part of a study's report, from one of its runs: the same fingerprint and classes for every
     * repeat, but the split is the study's to describe, and its split lists are attached by the study.
     */
    public static ReportSection forStudy(RunFacts representative, String splitDescription) {
        return build(representative, splitDescription, false);
    }

    private static ReportSection build(RunFacts facts, String splitDescription, boolean attachSplit) {
        RunConfig c = facts.config();
        SplitSpec s = c.split();
        ReportSection.Builder b = ReportSection.builder("data", "Dataset and split");
        List<ReportBlock.Fact> rows = new ArrayList<>();
        rows.add(new ReportBlock.Fact("Dataset folder", c.datasetRoot()));
        rows.add(new ReportBlock.Fact("Dataset fingerprint (SHA-256)", Fmt.orNotRecorded(c.datasetFingerprint())));
        rows.add(new ReportBlock.Fact("Classes", c.classNames().size() + ": " + String.join(", ", c.classNames())));
        rows.add(new ReportBlock.Fact("Files skipped when scanning", facts.skippedFiles() < 0 ? Fmt.NOT_RECORDED
                : facts.skippedFiles() + (facts.skippedFiles() > 0 ? " (listed in the run's skipped.csv)" : "")));
        rows.add(new ReportBlock.Fact("Split", splitDescription));
        rows.add(new ReportBlock.Fact("Grouping", s.groupPattern() == null ? "none (every image is its own group)"
                : "images whose paths give the same key for the pattern " + s.groupPattern() + " stay in one split"));
        b.add(new ReportBlock.Facts(rows));
        b.paragraph("The fingerprint is a SHA-256 over every used image's relative path, size and first 64 KiB: "
                + "the same folder gives the same fingerprint, and any added, removed or changed image changes it.");
        if (facts.split().isEmpty()) {
            return b.notice("Class counts per split are unavailable: " + facts.splitProblem()).build();
        }
        SplitManifest split = facts.split().get();
        if (c.datasetFingerprint() != null && !c.datasetFingerprint().equals(split.datasetFingerprint())) {
            b.notice("split.csv names the dataset fingerprint " + split.datasetFingerprint()
                    + ", which differs from the run's configuration.");
        }
        b.add(countTable(split));
        if (!attachSplit) {
            return b.paragraph("Images per class and split as in run " + facts.run().id() + "; the total column "
                    + "holds for every repeat.").build();
        }
        b.add(new ReportBlock.Attachment(RunDirectory.SPLIT, "every image with its class, group and split ("
                + split.entries().size() + " rows; a copy of the run's split.csv, reusable with --reuse-split)",
                facts.run().file(RunDirectory.SPLIT)));
        return b.build();
    }

    public static String splitText(SplitSpec s) {
        return String.format(java.util.Locale.ROOT, "stratified per class, %.0f / %.0f / %.0f %% "
                        + "(train / validation / test), seed %d", 100 * s.trainFraction(),
                100 * s.validationFraction(), 100 * s.testFraction(), s.seed());
    }

    private static ReportBlock.Table countTable(SplitManifest split) {
        List<List<String>> rows = new ArrayList<>();
        int[] totals = new int[Split.values().length + 1];
        for (Map.Entry<String, Map<Split, Integer>> e : split.countsByClass().entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(e.getKey());
            int sum = 0;
            for (Split sp : Split.values()) {
                int n = e.getValue().get(sp);
                row.add(Integer.toString(n));
                totals[sp.ordinal()] += n;
                sum += n;
            }
            row.add(Integer.toString(sum));
            totals[Split.values().length] += sum;
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("all classes"));
        for (int t : totals) {
            total.add(Integer.toString(t));
        }
        rows.add(total);
        return new ReportBlock.Table("Images per class and split", List.of("class", "train", "validation", "test",
                "total"), rows);
    }
}
