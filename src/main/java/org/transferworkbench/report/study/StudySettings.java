package org.transferworkbench.report.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.report.document.ReportBlock;

/**
 * Every training setting of a study, as the base gives it (defaults included) and as each arm ends up with it: the
 * table a reviewer reads to see exactly what differed between the arms.
 */
final class StudySettings {
    /** Set per repeat by the study itself, not by the user. */
    private static final Set<String> PER_REPEAT = Set.of("data", "seed", "reuse-split", "name");

    private StudySettings() {
    }

    static List<String> keys() {
        return TrainingSettings.keys().stream().filter(k -> !PER_REPEAT.contains(k)).toList();
    }

    static String value(StudySpec spec, StudyArm arm, String key) {
        return spec.settingsFor(arm, spec.seeds().get(0)).get(key);
    }

    /** Settings whose final value is not the same in every arm. */
    static List<String> differingKeys(StudySpec spec) {
        return keys().stream().filter(k -> spec.arms().stream().map(a -> value(spec, a, k)).distinct().count() > 1)
                .toList();
    }

    /** {@code freeze ("frozen": conv, "tuned": none)} for each differing setting. */
    static String differences(StudySpec spec, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            parts.add(key + " (" + String.join(", ", spec.arms().stream()
                    .map(a -> "\"" + a.label() + "\": " + shown(value(spec, a, key))).toList()) + ")");
        }
        return StudyMethodsSection.joined(parts);
    }

    static ReportBlock.Table table(StudySpec spec) {
        List<String> header = new ArrayList<>(List.of("setting", "base"));
        spec.arms().forEach(a -> header.add("arm \"" + a.label() + "\""));
        TrainingSettings base = TrainingSettings.defaults().withAll(spec.base());
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys()) {
            List<String> row = new ArrayList<>(List.of(key, shown(base.get(key))));
            for (StudyArm arm : spec.arms()) {
                String v = value(spec, arm, key);
                row.add(arm.settings().containsKey(key) && !Objects.equals(v, base.get(key)) ? shown(v) + " (arm)"
                        : shown(v));
            }
            rows.add(row);
        }
        return new ReportBlock.Table("Training settings: the base (Workbench defaults and the study's \"base\") "
                + "and each arm's final values; \"(arm)\" marks a value the arm changes", header, rows);
    }

    private static String shown(String v) {
        return v == null || v.isEmpty() ? "–" : v;
    }
}
