package org.transferworkbench.ui.explain;

import java.io.IOException;
import org.transferworkbench.engine.explain.RunExplainer;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * The explainer of the run looked at last, shared by the Evaluation and Predict tabs so that switching images
 * does not reload the model. One model at a time: a VGG16 at 224 px is half a gigabyte. Called on workers.
 */
public final class GradCamModels {
    private RunExplainer current;

    public synchronized RunExplainer forRun(RunDirectory run) throws IOException {
        if (current == null || !current.runId().equals(run.id())) {
            current = null; // let the previous model go before loading the next
            current = RunExplainer.forRun(run);
        }
        return current;
    }
}
