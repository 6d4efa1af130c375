package org.transferworkbench.engine.runs;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies of a model's parameters and optimiser state that a background save can write while the model trains on.
 * The arrays are kept from epoch to epoch, so taking a copy is a memory copy, not an allocation of fresh pages.
 */
public final class SnapshotCopies {
    private INDArray params;
    private INDArray updaterState;

    /** Overwrites the previous copy: its save must have finished. */
    public ModelSnapshot take(ComputationGraph model, String configurationJson) {
        // Outside any workspace: the copies outlive the training step that may have one open.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            params = copy(model.params(), params);
            updaterState = copy(ModelSnapshot.updaterState(model), updaterState);
        }
        return new ModelSnapshot(configurationJson, params, updaterState);
    }

    private static INDArray copy(INDArray source, INDArray previous) {
        if (source == null) {
            return null;
        }
        if (previous == null || previous.dataType() != source.dataType()
                || !Arrays.equals(previous.shape(), source.shape())) {
            return source.dup('c');
        }
        return previous.assign(source);
    }
}
