package org.transferworkbench.engine.experiment;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/**
 * Passes every event of one stage of a multi-run experiment on, with the stage's name in front of each phase
 * ("VGG11 warm-up (1/2): training"), so whoever shows progress can tell the stages apart.
 */
final class StagedListener implements ExperimentListener {
    private final String stage;
    private final ExperimentListener delegate;

    StagedListener(String stage, ExperimentListener delegate) {
        this.stage = stage;
        this.delegate = delegate;
    }

    @Override
    public void onStage(String phase) {
        delegate.onStage(stage + ": " + phase);
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
