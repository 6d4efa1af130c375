package org.transferworkbench.ui.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.study.StudyArm;

/**
 * The freeze plans a new study can compare: the question scientists ask first is whether frozen ImageNet features
 * suffice or the convolutions must be fine-tuned, so these are the arms offered with one click.
 */
public enum ArmPreset {
    FEATURE_EXTRACTION("feature extraction", "conv"),
    FINE_TUNE_TOP("fine-tune blocks 4-5", "blocks:1-3"),
    FINE_TUNE_ALL("fine-tune all", "none");

    private final String label;
    private final String freeze;

    ArmPreset(String label, String freeze) {
        this.label = label;
        this.freeze = freeze;
    }

    public String label() {
        return label;
    }

    /** Every chosen freeze plan with every chosen model; the model is named only when there is more than one. */
    public static List<StudyArm> grid(List<ArmPreset> presets, List<String> models) {
        List<StudyArm> arms = new ArrayList<>();
        for (String model : models) {
            for (ArmPreset p : presets) {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("freeze", p.freeze);
                settings.put("model", model);
                arms.add(new StudyArm(models.size() > 1 ? model + " " + p.label : p.label, settings));
            }
        }
        return arms;
    }
}
