package org.transferworkbench.ui.training;

import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/** A copy of one engine event, queued by the training thread and drained by the UI. */
public sealed interface TrainingEvent {

    record Stage(String name) implements TrainingEvent { }

    record Message(String text) implements TrainingEvent { }

    record Progress(long done, long total, String message) implements TrainingEvent { }

    record RunCreated(RunDirectory run) implements TrainingEvent { }

    record Iteration(IterationProgress progress) implements TrainingEvent { }

    record Epoch(EpochMetrics metrics, boolean improved) implements TrainingEvent { }

    record Tested(double accuracy, double balancedAccuracy) implements TrainingEvent { }
}
