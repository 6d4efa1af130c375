package org.transferworkbench.engine.experiment;

import java.nio.file.Path;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WarmStartMapper;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.model.weights.ZooWeights;
import org.transferworkbench.engine.training.Hyperparameters;

/**
 * Everything a user chooses for one training run. The number of classes is not here: it comes from the data.
 *
 * @param reuseSplit a split manifest (split.csv) to reuse instead of splitting anew; null to split by
 *                   {@code split}
 * @param weights    starting weights; null for random
 */
public record ExperimentRequest(Path datasetRoot, String runName, VggVariant variant, int inputSize, HeadType head,
                                int compactHiddenUnits, double dropout, FreezePlan freezePlan, Hyperparameters hyper,
                                SplitSpec split, Path reuseSplit, AugmentationSettings augmentation,
                                ResizePolicy resizePolicy, WeightsChoice weights) {

    /** Random starting weights. */
    public ExperimentRequest(Path datasetRoot, String runName, VggVariant variant, int inputSize, HeadType head,
                             int compactHiddenUnits, double dropout, FreezePlan freezePlan, Hyperparameters hyper,
                             SplitSpec split, Path reuseSplit, AugmentationSettings augmentation,
                             ResizePolicy resizePolicy) {
        this(datasetRoot, runName, variant, inputSize, head, compactHiddenUnits, dropout, freezePlan, hyper, split,
                reuseSplit, augmentation, resizePolicy, WeightsChoice.RANDOM);
    }

    public ExperimentRequest {
        if (datasetRoot == null) {
            throw new IllegalArgumentException("Choose a dataset folder.");
        }
        if (variant == null || head == null || freezePlan == null || hyper == null || split == null) {
            throw new IllegalArgumentException("Model, head, freeze plan, hyper-parameters and split must be set.");
        }
        if (augmentation == null) {
            augmentation = AugmentationSettings.NONE;
        }
        if (resizePolicy == null) {
            resizePolicy = ResizePolicy.SHORTER_SIDE_CENTER_CROP;
        }
        if (runName == null || runName.isBlank()) {
            runName = variant.cliName() + "-" + freezePlan.toString().replace(':', '-');
        }
        if (weights == null) {
            weights = WeightsChoice.RANDOM;
        }
        if (weights.source() instanceof WeightsSource.ImageNetZoo) {
            ZooWeights.forVariant(variant);
        }
        if (weights.source() instanceof WeightsSource.WarmStart) {
            WarmStartMapper.checkTarget(variant);
        }
        if (weights.keepImagenetHead() && (head != HeadType.PAPER || inputSize != ModelSpec.MAX_INPUT)) {
            throw new IllegalArgumentException("--keep-imagenet-head needs --head paper and --input 224, the shape "
                    + "the ImageNet fc layers were trained for.");
        }
        // Checked here, before any work, by building the spec with a placeholder class count.
        new ModelSpec(variant, inputSize, 2, head, compactHiddenUnits, dropout);
    }
}
