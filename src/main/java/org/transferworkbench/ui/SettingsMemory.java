package org.transferworkbench.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.ui.dataset.DatasetViewModel;
import org.transferworkbench.ui.fx.WorkbenchSettings;
import org.transferworkbench.ui.model.HyperparametersViewModel;
import org.transferworkbench.ui.model.ModelViewModel;

/** Saves the forms' last values on close and restores them on start; a value that no longer parses is skipped. */
final class SettingsMemory {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsMemory.class);
    private final WorkbenchSettings settings;

    SettingsMemory(WorkbenchSettings settings) {
        this.settings = settings;
    }

    void save(DatasetViewModel dataset, ModelViewModel model, HyperparametersViewModel hyper) {
        settings.put("model.variant", model.variantProperty().get().cliName());
        settings.put("model.input", Integer.toString(model.inputSizeProperty().get()));
        settings.put("model.head", model.headProperty().get().name());
        settings.put("model.hidden", Integer.toString(model.hiddenUnitsProperty().get()));
        settings.put("model.freeze", model.freezePlanProperty().get().toString());
        settings.put("hyper.optimizer", hyper.optimizerProperty().get().name());
        hyper.fields().forEach(f -> settings.put("hyper." + hyper.fields().indexOf(f), f.textProperty().get()));
        settings.put("hyper.classWeights", Boolean.toString(hyper.classWeightsProperty().get()));
        settings.put("split.train", dataset.split().trainProperty().get());
        settings.put("split.validation", dataset.split().validationProperty().get());
        settings.put("split.test", dataset.split().testProperty().get());
        settings.put("split.seed", dataset.split().seedProperty().get());
        settings.put("split.group", dataset.split().groupPatternProperty().get());
        settings.put("augment", dataset.augmentation().toSettings().toSpec());
        settings.flush();
    }

    void restore(DatasetViewModel dataset, ModelViewModel model, HyperparametersViewModel hyper) {
        try {
            model.variantProperty().set(VggVariant.parse(settings.get("model.variant", "vgg16")));
            model.inputSizeProperty().set(Integer.parseInt(settings.get("model.input", "64")));
            model.headProperty().set(HeadType.parse(settings.get("model.head", "COMPACT")));
            model.hiddenUnitsProperty().set(Integer.parseInt(settings.get("model.hidden", "256")));
            model.loadPlan(FreezePlan.parse(settings.get("model.freeze", "conv")));
            hyper.optimizerProperty().set(Optimizer.parse(settings.get("hyper.optimizer", "ADAM")));
            for (int i = 0; i < hyper.fields().size(); i++) {
                String v = settings.get("hyper." + i, null);
                if (v != null) {
                    hyper.fields().get(i).textProperty().set(v);
                }
            }
            hyper.classWeightsProperty().set(Boolean.parseBoolean(settings.get("hyper.classWeights", "false")));
            dataset.split().trainProperty().set(settings.get("split.train", "0.70"));
            dataset.split().validationProperty().set(settings.get("split.validation", "0.15"));
            dataset.split().testProperty().set(settings.get("split.test", "0.15"));
            dataset.split().seedProperty().set(settings.get("split.seed", "42"));
            dataset.split().groupPatternProperty().set(settings.get("split.group", ""));
            dataset.augmentation().load(AugmentationSettings.parse(settings.get("augment", "none")));
        } catch (IllegalArgumentException e) {
            LOG.info("Ignoring remembered settings that no longer apply: {}", e.getMessage());
        }
    }

    /** Fills the forms from a stored run's configuration ("New run from this"). */
    static void load(org.transferworkbench.engine.runs.RunConfig config, DatasetViewModel dataset,
                     ModelViewModel model, HyperparametersViewModel hyper) {
        model.variantProperty().set(VggVariant.parse(config.model()));
        model.inputSizeProperty().set(config.inputSize());
        model.headProperty().set(config.head());
        model.hiddenUnitsProperty().set(config.compactHiddenUnits());
        model.dropoutProperty().set(config.dropout());
        model.loadPlan(config.parsedFreezePlan());
        Hyperparameters h = config.hyperparameters();
        hyper.load(h);
        SplitSpec split = config.split();
        if (split != null) {
            dataset.split().load(split);
        }
        if (config.augmentation() != null) {
            dataset.augmentation().load(config.augmentation());
        }
    }
}
