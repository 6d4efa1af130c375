package org.transferworkbench.engine.runs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Hyperparameters;

/**
 * Everything needed to repeat a run (config.json): data, split, network, freeze plan, every hyper-parameter,
 * seeds and the software that ran it. Written once when the run starts.
 */
public record RunConfig(int formatVersion, String name, Instant createdAt, String datasetRoot,
                        String datasetFingerprint, List<String> classNames, String model, int inputSize, HeadType head,
                        int compactHiddenUnits, double dropout, String freezePlan, Hyperparameters hyperparameters,
                        SplitSpec split, String splitManifestSource, AugmentationSettings augmentation,
                        ResizePolicy resizePolicy, String weights, Map<String, String> environment) {

    public static final int FORMAT_VERSION = 1;

    @JsonIgnore
    public ModelSpec modelSpec() {
        return new ModelSpec(VggVariant.parse(model), inputSize, classNames.size(), head, compactHiddenUnits, dropout);
    }

    @JsonIgnore
    public FreezePlan parsedFreezePlan() {
        return FreezePlan.parse(freezePlan);
    }
}
