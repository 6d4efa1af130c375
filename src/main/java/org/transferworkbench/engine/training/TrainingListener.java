package org.transferworkbench.engine.training;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Events of a training run. Called on the training thread: implementations copy what they need and return
 * quickly (the UI adapter buffers; the run recorder writes files).
 */
public interface TrainingListener {

    default void onMessage(String message) {
    }

    default void onIteration(IterationProgress progress) {
    }

    /**
     * After each epoch's validation. The model is only safe to touch inside this call.
     *
     * @param improved whether this epoch is the new best by validation accuracy
     */
    default void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
    }
}
