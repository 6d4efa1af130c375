package org.transferworkbench.report.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyQueue;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.run.DatasetSection;
import org.transferworkbench.report.run.RunFacts;

/** The study as planned: its spec, seeds and folds, the settings of every arm and the split lists it used. */
final class StudyDesignSection {

    private StudyDesignSection() {
    }

    static ReportSection of(StudyFacts facts) {
        StudySpec spec = facts.results().spec();
        StudyQueue queue = facts.results().queue();
        List<ReportBlock.Fact> rows = new ArrayList<>();
        rows.add(new ReportBlock.Fact("Study", facts.name() + " (" + facts.study().id() + ")"));
        rows.add(new ReportBlock.Fact("Study folder", facts.study().path().toString()));
        rows.add(new ReportBlock.Fact("Dataset folder", spec.dataset().toString()));
        rows.add(new ReportBlock.Fact("Arms", spec.arms().size() + ": " + String.join(", ",
                spec.arms().stream().map(a -> a.label()).toList())));
        rows.add(new ReportBlock.Fact("Seeds", String.join(", ", spec.seeds().stream().map(String::valueOf)
                .toList())));
        rows.add(new ReportBlock.Fact("Folds", spec.folds() == 0 ? "none (a train / validation / test split per seed)"
                : spec.folds() + "-fold cross-validation per seed"));
        rows.add(new ReportBlock.Fact("Repeats", String.format(Locale.ROOT, "%d per arm, %d in all: %d succeeded, "
                        + "%d failed, %d cancelled, %d running, %d pending", spec.repeatsPerArm(),
                queue.repeats().size(),
                queue.count(RepeatState.SUCCEEDED), queue.count(RepeatState.FAILED),
                queue.count(RepeatState.CANCELLED), queue.count(RepeatState.RUNNING),
                queue.count(RepeatState.PENDING))));
        ReportSection.Builder b = ReportSection.builder("design", "Study design")
                .add(new ReportBlock.Facts(rows))
                .paragraph(StudyMethodsSection.splitText(spec))
                .add(StudySettings.table(spec))
                .add(new ReportBlock.Attachment(StudyFolder.SPEC, "the study file (study.json; run it again with "
                        + "./run.sh study)", facts.study().path().resolve(StudyFolder.SPEC)));
        return splitLists(b, facts).build();
    }

    /** The fold lists of the study folder, or under plain splits each run's own split.csv. */
    private static ReportSection.Builder splitLists(ReportSection.Builder b, StudyFacts facts) {
        StudySpec spec = facts.results().spec();
        int attached = 0;
        if (spec.folds() > 0) {
            for (long seed : spec.seeds()) {
                for (int fold = 0; fold < spec.folds(); fold++) {
                    Path file = facts.study().foldSplit(seed, fold);
                    if (Files.isRegularFile(file)) {
                        b.add(new ReportBlock.Attachment(file.getFileName().toString(), "the split list of seed "
                                + seed + ", fold " + (fold + 1) + " (test = fold " + (fold + 1) + "), used by every "
                                + "arm", file));
                        attached++;
                    }
                }
            }
            int planned = spec.seeds().size() * spec.folds();
            return attached == planned ? b : b.notice((planned - attached) + " of the " + planned + " fold split "
                    + "lists are not in the study folder yet (the study has not made them).");
        }
        for (StudyRepeat repeat : facts.results().queue().repeats()) {
            Path split = facts.run(repeat).map(r -> r.run().file(RunDirectory.SPLIT)).filter(Files::isRegularFile)
                    .orElse(null);
            if (split != null) {
                b.add(new ReportBlock.Attachment(String.format(Locale.ROOT, "split-repeat-%d-seed-%d.csv",
                        repeat.index() + 1, repeat.seed()), "the split list of repeat " + (repeat.index() + 1)
                        + " (arm \"" + repeat.arm() + "\", seed " + repeat.seed() + ", run " + repeat.runId() + ")",
                        split));
                attached++;
            }
        }
        int planned = facts.results().queue().repeats().size();
        int absent = planned - attached;
        return absent == 0 ? b : b.notice(absent + " of the " + planned + " repeats " + (absent == 1 ? "has" : "have")
                + " no split list to attach (no run folder yet, or its split.csv is missing).");
    }

    /** Fingerprint, classes and counts, from one run (they are the same for every repeat). */
    static ReportSection dataset(StudyFacts facts) {
        StudySpec spec = facts.results().spec();
        RunFacts run = facts.representative().orElse(null);
        if (run == null) {
            return ReportSection.builder("data", "Dataset")
                    .add(new ReportBlock.Facts(List.of(new ReportBlock.Fact("Dataset folder",
                            spec.dataset().toString()))))
                    .notice("No run of this study has started yet, so the dataset's fingerprint and class counts "
                            + "are not recorded.")
                    .build();
        }
        return DatasetSection.forStudy(run, spec.folds() == 0 ? "made anew for each seed (see Study design)"
                : spec.folds() + " folds per seed (see Study design); counts below are those of one fold");
    }
}
