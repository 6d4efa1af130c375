package org.transferworkbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.transferworkbench.engine.stats.Interval;
import org.transferworkbench.engine.stats.Spread;
import org.transferworkbench.engine.study.ArmComparison;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyMetric;
import org.transferworkbench.engine.study.StudyQueue;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.study.StudyResults;

/** A study's table and paired comparisons as terminal text. */
final class StudyText {

    private StudyText() {
    }

    static void print(StudyResults results, PrintStream out) {
        StudyQueue q = results.queue();
        out.printf(Locale.ROOT, "Study %s (%s): %d of %d repeats finished%s%s%n", results.studyId(),
                results.spec().name(), q.count(RepeatState.SUCCEEDED), q.repeats().size(),
                q.count(RepeatState.FAILED) > 0 ? ", " + q.count(RepeatState.FAILED) + " failed" : "",
                results.spec().folds() > 0 ? "; " + results.spec().folds() + "-fold cross-validation" : "");
        out.println("mean ± sd over repeats; [95% CI] = mean of the repeats' bootstrap intervals over test images");
        String row = "%-24s %5s  %-32s %-32s %-32s %s%n";
        out.printf(Locale.ROOT, row, "arm", "runs", "test accuracy", "balanced accuracy", "macro-F1",
                "best val epoch");
        for (ArmSummary arm : results.arms()) {
            out.printf(Locale.ROOT, row, arm.arm(), arm.finished() + "/" + arm.planned(),
                    arm.describe(StudyMetric.ACCURACY), arm.describe(StudyMetric.BALANCED_ACCURACY),
                    arm.describe(StudyMetric.MACRO_F1), arm.bestEpoch().n() == 0 ? "-" : arm.bestEpoch().format(1));
        }
        if (!results.comparisons().isEmpty()) {
            out.println();
            out.println("Paired comparisons (B - A over the same seeds/folds):");
            for (ArmComparison c : results.comparisons()) {
                out.printf(Locale.ROOT, "  %s vs %s, %s, %d pair(s): %s%n", c.armB(), c.armA(), c.metric().label(),
                        c.difference().n(), c.verdictNamed());
            }
        }
        for (StudyRepeat r : q.repeats()) {
            if (r.state() == RepeatState.FAILED) {
                out.println("Failed: " + r.describe() + (r.message() == null ? "" : ": " + r.message()));
            }
        }
    }
}
