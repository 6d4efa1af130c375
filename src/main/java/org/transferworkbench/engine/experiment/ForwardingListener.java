package org.transferworkbench.engine.experiment;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/** Passes every run event on to another listener; subclasses change or add to single events. */
public class ForwardingListener implements ExperimentListener {
    private final ExperimentListener delegate;

    public ForwardingListener(ExperimentListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onStage(String stage) {
        delegate.onStage(stage);
    }

    @Override
    public void onProgress(long done, long total, String message) {
        delegate.onProgress(done, total, message);
    }

    @Override
    public void onDataReady(DatasetScan scan, SplitManifest split) {
        delegate.onDataReady(scan, split);
    }

    @Override
    public void onRunCreated(RunDirectory run) {
        delegate.onRunCreated(run);
    }

    @Override
    public void onTestEvaluated(EvaluationResult result) {
        delegate.onTestEvaluated(result);
    }

    @Override
    public void onMessage(String message) {
        delegate.onMessage(message);
    }

    @Override
    public void onIteration(IterationProgress progress) {
        delegate.onIteration(progress);
    }

    @Override
    public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
        delegate.onEpochCompleted(metrics, model, improved);
    }
}
