package org.transferworkbench.testing;

import java.nio.file.Path;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/** The smallest real run: VGG11 at 32 px, fine-tuned (no feature cache), batch 4, for fast engine tests. */
public final class TinyRuns {

    private TinyRuns() {
    }

    public static ExperimentRequest request(Path data, String name, int epochs) {
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 4, epochs, 0, 42, 0, 1, false);
        return new ExperimentRequest(data, name, VggVariant.parse("vgg11"), 32, HeadType.COMPACT, 0, 0.5,
                FreezePlan.parse("none"), hyper, SplitSpec.defaults(), null, null, null);
    }
}
