package org.transferworkbench.engine.experiment;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.runs.RunRecorder;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;
import org.transferworkbench.engine.training.TrainingListener;

/**
 * Hands the epoch to the recorder first, then tells the caller: whoever hears of an epoch knows its state has been
 * taken and is being written (the recorder saves in the background; the run ends only once it is on disk).
 */
final class RecordingListener implements TrainingListener {
    private final RunRecorder recorder;
    private final TrainingListener caller;

    RecordingListener(RunRecorder recorder, TrainingListener caller) {
        this.recorder = recorder;
        this.caller = caller;
    }

    @Override
    public void onMessage(String message) {
        recorder.onMessage(message);
        caller.onMessage(message);
    }

    @Override
    public void onIteration(IterationProgress progress) {
        caller.onIteration(progress);
    }

    @Override
    public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
        recorder.onEpochCompleted(metrics, model, improved);
        caller.onEpochCompleted(metrics, model, improved);
    }
}
