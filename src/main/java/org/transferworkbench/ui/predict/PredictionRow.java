package org.transferworkbench.ui.predict;

import java.nio.file.Path;
import java.util.List;
import org.transferworkbench.engine.experiment.TopK;

/** One classified image with its most probable classes. */
public record PredictionRow(Path image, List<TopK.Guess> guesses) {
}
