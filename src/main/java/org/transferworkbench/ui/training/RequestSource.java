package org.transferworkbench.ui.training;

import org.transferworkbench.engine.experiment.ExperimentRequest;

/** Collects the dataset, model and hyper-parameter forms into one request, on the FX thread. */
@FunctionalInterface
public interface RequestSource {

    /** @throws IllegalArgumentException with a sentence when a setting is missing or wrong */
    ExperimentRequest request();
}
