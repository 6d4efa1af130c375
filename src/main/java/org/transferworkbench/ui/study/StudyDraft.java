package org.transferworkbench.ui.study;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.study.StudySpec;

/**
 * What the New study dialog asks for; everything else (data, split, input size, hyper-parameters, weights) comes
 * from the Dataset and Model tabs, so a study repeats exactly the run the user has set up.
 */
public record StudyDraft(String name, List<ArmPreset> presets, List<String> models, int seeds, int folds) {

    public StudyDraft {
        if (presets == null || presets.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one freeze plan to compare.");
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one network.");
        }
        if (seeds < 1 || seeds > 50) {
            throw new IllegalArgumentException("Repeat each arm with 1 to 50 seeds; got " + seeds + ".");
        }
    }

    /** The study's base is the current request less what the study sets for each repeat. */
    public StudySpec toSpec(ExperimentRequest current) {
        Map<String, String> base = new HashMap<>(TrainingSettings.of(current).asMap());
        for (String owned : List.of("data", "name", "seed", "reuse-split", "freeze", "model")) {
            base.remove(owned);
        }
        long firstSeed = current.hyper().seed();
        List<Long> seedList = LongStream.range(firstSeed, firstSeed + seeds).boxed().toList();
        return new StudySpec(name == null || name.isBlank() ? "study" : name.strip(), current.datasetRoot(), base,
                ArmPreset.grid(presets, models), seedList, folds);
    }
}
