package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/** What the window's forms hold becomes study settings and gives the same request back. */
class TrainingSettingsRoundTripTest {

    @Test
    void aRequestSurvivesTheTripThroughSettingsText() {
        Hyperparameters hyper = new Hyperparameters(Optimizer.NESTEROV, 3e-4, 0.95, 8, 12, 1e-5, 99, 3, 0.1, true);
        ExperimentRequest r = new ExperimentRequest(Path.of("/data/cells"), "my run", VggVariant.parse("vgg19"), 96,
                HeadType.PAPER, 128, 0.3, FreezePlan.parse("blocks:1-3"), hyper,
                new SplitSpec(0.6, 0.25, 0.15, 99, "^(P\\d+)_"), Path.of("/runs/x/split.csv"),
                AugmentationSettings.parse("hflip,rot=15,brightness=0.2"), ResizePolicy.LETTERBOX,
                new WeightsChoice(new WeightsSource.ModelZip(Path.of("/m/best.zip")), false, null));

        assertThat(TrainingSettings.of(r).toRequest()).isEqualTo(r);
    }

    @Test
    void theDefaultsToo() {
        ExperimentRequest r = TrainingSettings.defaults().with("data", "/d").with("name", "n").toRequest();
        assertThat(TrainingSettings.of(r).toRequest()).isEqualTo(r);
    }
}
