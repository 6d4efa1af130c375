package org.transferworkbench.report.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.transferworkbench.engine.study.RepeatFigures;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.run.Fmt;
import org.transferworkbench.report.run.RunFacts;
import org.transferworkbench.report.run.WeightsOrigin;

/** Every repeat with its run and test figures, the starting weights of each arm, and what is missing. */
final class StudyRepeatsSection {

    private StudyRepeatsSection() {
    }

    static ReportSection of(StudyFacts facts) {
        ReportSection.Builder b = ReportSection.builder("repeats", "Repeats and weights");
        List<String> missing = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (StudyRepeat repeat : facts.results().queue().repeats()) {
            Optional<RepeatFigures> f = facts.figures(repeat);
            rows.add(List.of(Integer.toString(repeat.index() + 1), repeat.arm(), Long.toString(repeat.seed()),
                    repeat.hasFold() ? Integer.toString(repeat.fold() + 1) : "–", state(repeat),
                    repeat.runId() == null ? "–" : repeat.runId(),
                    f.map(x -> Fmt.decimal(x.testAccuracy())).orElse("–"),
                    f.map(x -> Fmt.decimal(x.balancedAccuracy())).orElse("–"),
                    f.map(x -> Fmt.decimal(x.macroF1())).orElse("–"),
                    f.map(x -> Integer.toString(x.bestEpoch())).orElse("–"),
                    facts.run(repeat).map(r -> checksum(weights(r))).orElse("–")));
            if (f.isEmpty()) {
                missing.add("repeat " + (repeat.index() + 1) + " (" + repeat.describe() + "): "
                        + missingReason(repeat));
            }
        }
        b.add(new ReportBlock.Table("Every repeat (test figures of the model kept at its best validation epoch)",
                List.of("#", "arm", "seed", "fold", "state", "run", "accuracy", "balanced accuracy", "macro-F1",
                        "best epoch", "weights Adler-32"), rows));
        if (!missing.isEmpty()) {
            b.notice(missing.size() + " of " + rows.size() + " repeats are missing from the results: "
                    + String.join("; ", missing) + ". Continue the study (./run.sh study resume "
                    + facts.study().id() + ") and write the report again.");
        }
        return b.add(weightsTable(facts)).build();
    }

    private static String state(StudyRepeat r) {
        return r.state().name().toLowerCase(java.util.Locale.ROOT) + (r.attempts() > 1 ? " (" + r.attempts()
                + " attempts)" : "");
    }

    private static String missingReason(StudyRepeat r) {
        String why = r.message() == null || r.message().isBlank() ? ""
                : " – " + r.message().strip().replaceAll("\\.+$", "");
        return switch (r.state()) {
            case PENDING -> "not started yet";
            case RUNNING -> "running, or stopped without the study noting it" + why;
            case FAILED -> "failed" + why;
            case CANCELLED -> "cancelled" + why;
            case SUCCEEDED -> "finished, but its run folder " + r.runId() + " is gone or has no readable test "
                    + "evaluation";
        };
    }

    private static String checksum(WeightsOrigin o) {
        return o.isRandom() ? "– (random)" : Fmt.orNotRecorded(o.checksum());
    }

    private static WeightsOrigin weights(RunFacts run) {
        return WeightsOrigin.of(run.config().weights(), run.weightLoad());
    }

    /** One row per arm; repeats that started from different files (e.g. warm starts) are counted apart. */
    private static ReportBlock.Table weightsTable(StudyFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyArm arm : facts.results().spec().arms()) {
            List<WeightsOrigin> origins = facts.results().queue().forArm(arm.label()).stream()
                    .map(facts::run).flatMap(Optional::stream).map(StudyRepeatsSection::weights).toList();
            if (origins.isEmpty()) {
                rows.add(List.of(arm.label(), "no run yet", "–", "–"));
                continue;
            }
            long distinct = origins.stream().map(o -> o.file() + "|" + o.checksum()).distinct().count();
            WeightsOrigin first = origins.get(0);
            rows.add(List.of(arm.label(), first.sentence(), checksum(first),
                    origins.size() == 1 ? "1 run" : distinct == 1 ? "the same in all " + origins.size() + " runs"
                            : distinct + " different files over " + origins.size() + " runs (see the checksum "
                            + "column above)"));
        }
        return new ReportBlock.Table("Starting weights per arm (from the runs' config.json and weights.json)",
                List.of("arm", "weights", "Adler-32", "runs"), rows);
    }
}
