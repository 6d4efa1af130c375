package org.transferworkbench.ui.predict;

import java.nio.file.Path;
import java.util.List;
import org.transferworkbench.engine.experiment.TopK;
import org.transferworkbench.engine.runs.RunDirectory;

/** One classified image with its most probable classes, and the run whose model classified it. */
public record PredictionRow(Path image, List<TopK.Guess> guesses, RunDirectory run) {
}
