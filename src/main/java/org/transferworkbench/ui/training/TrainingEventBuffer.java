package org.transferworkbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/**
 * The engine listener of a run: copies each event into a lock-free queue and returns at once, so the training
 * thread never waits for the UI. The UI drains the queue a few times a second.
 */
public final class TrainingEventBuffer implements ExperimentListener {
    private final Queue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void onStage(String stage) {
        queue.add(new TrainingEvent.Stage(stage));
    }

    @Override
    public void onProgress(long done, long total, String message) {
        queue.add(new TrainingEvent.Progress(done, total, message));
    }

    @Override
    public void onRunCreated(RunDirectory run) {
        queue.add(new TrainingEvent.RunCreated(run));
    }

    @Override
    public void onMessage(String message) {
        queue.add(new TrainingEvent.Message(message));
    }

    @Override
    public void onIteration(IterationProgress progress) {
        queue.add(new TrainingEvent.Iteration(progress));
    }

    @Override
    public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
        queue.add(new TrainingEvent.Epoch(metrics, improved));
    }

    @Override
    public void onTestEvaluated(EvaluationResult result) {
        queue.add(new TrainingEvent.Tested(result.report().accuracy(), result.report().balancedAccuracy()));
    }

    /** Everything queued so far, oldest first. */
    public List<TrainingEvent> drain() {
        List<TrainingEvent> out = new ArrayList<>();
        TrainingEvent e;
        while ((e = queue.poll()) != null) {
            out.add(e);
        }
        return out;
    }
}
