package org.transferworkbench.engine.experiment;

import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.TrainingListener;

/** Events of a whole run, from scanning the data to the test evaluation. Called on the worker thread. */
public interface ExperimentListener extends TrainingListener {

    /**
     * A new phase: "scanning", "splitting", "building model", "training", "testing"; in a warm-start experiment
     * prefixed with its stage, e.g. "VGG11 warm-up (1/2): training".
     */
    default void onStage(String stage) {
    }

    default void onProgress(long done, long total, String message) {
    }

    default void onDataReady(DatasetScan scan, SplitManifest split) {
    }

    default void onRunCreated(RunDirectory run) {
    }

    default void onTestEvaluated(EvaluationResult result) {
    }
}
