package org.transferworkbench.engine.study;

import java.util.List;

/** Everything a study's table, figure and exports show. Built by {@link StudyAggregator}. */
public record StudyResults(String studyId, StudySpec spec, StudyQueue queue, List<RepeatFigures> repeats,
                           List<ArmSummary> arms, List<ArmComparison> comparisons) {
    public StudyResults {
        repeats = List.copyOf(repeats);
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    public List<RepeatFigures> repeatsOf(String arm) {
        return repeats.stream().filter(r -> r.repeat().arm().equals(arm)).toList();
    }
}
