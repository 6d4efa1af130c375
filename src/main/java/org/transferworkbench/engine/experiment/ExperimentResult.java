package org.transferworkbench.engine.experiment;

import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.training.Trainer;

/** How a run ended. {@code test} is null when the run ended before its test evaluation. */
public record ExperimentResult(RunDirectory run, RunState state, Trainer.Outcome outcome, EvaluationResult test) {
}
