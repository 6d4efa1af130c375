package org.transferworkbench.engine.runs;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a model zip holds: the configuration (which carries the epoch and iteration counts), the parameters and,
 * when kept, the optimiser state.
 *
 * @param updaterState null when the optimiser state is not kept
 */
public record ModelSnapshot(String configurationJson, INDArray params, INDArray updaterState) {

    /** The model's own arrays, not copies: valid until the model trains on. */
    public static ModelSnapshot live(ComputationGraph model, boolean withUpdater) {
        return new ModelSnapshot(model.getConfiguration().toJson(), model.params(),
                withUpdater ? updaterState(model) : null);
    }

    static INDArray updaterState(ComputationGraph model) {
        return model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
    }

    public long bytes() {
        return params.length() * params.dataType().width()
                + (updaterState == null ? 0 : updaterState.length() * updaterState.dataType().width());
    }
}
