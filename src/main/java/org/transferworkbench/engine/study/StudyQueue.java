package org.transferworkbench.engine.study;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Every repeat of a study in the order it runs, with its state (queue.json). Rewritten atomically after each
 * change, so that a crash leaves either the old or the new queue on disk.
 *
 * <p>Order: seed by seed, fold by fold, every arm in turn. A study stopped half-way then still holds complete pairs
 * (the same seed and fold in every arm) for the paired comparison.
 */
public record StudyQueue(int formatVersion, String studyId, List<StudyRepeat> repeats) {
    public static final int FORMAT_VERSION = 1;

    public StudyQueue {
        repeats = List.copyOf(repeats);
    }

    public static StudyQueue plan(String studyId, StudySpec spec) {
        List<StudyRepeat> repeats = new ArrayList<>();
        for (long seed : spec.seeds()) {
            for (int fold = spec.folds() == 0 ? -1 : 0; fold < Math.max(spec.folds(), 0); fold++) {
                for (StudyArm arm : spec.arms()) {
                    repeats.add(StudyRepeat.pending(repeats.size(), arm.label(), seed, fold));
                }
            }
        }
        return new StudyQueue(FORMAT_VERSION, studyId, repeats);
    }

    public StudyQueue with(StudyRepeat changed) {
        List<StudyRepeat> copy = new ArrayList<>(repeats);
        copy.set(changed.index(), changed);
        return new StudyQueue(formatVersion, studyId, copy);
    }

    public long count(RepeatState state) {
        return repeats.stream().filter(r -> r.state() == state).count();
    }

    @JsonIgnore
    public boolean isComplete() {
        return count(RepeatState.SUCCEEDED) == repeats.size();
    }

    public List<StudyRepeat> forArm(String arm) {
        return repeats.stream().filter(r -> r.arm().equals(arm)).toList();
    }
}
