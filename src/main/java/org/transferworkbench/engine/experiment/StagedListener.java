package org.transferworkbench.engine.experiment;

/**
 * Passes every event of one stage of a multi-run experiment on, with the stage's name in front of each phase
 * ("VGG11 warm-up (1/2): training"), so whoever shows progress can tell the stages apart.
 */
final class StagedListener extends ForwardingListener {
    private final String stage;

    StagedListener(String stage, ExperimentListener delegate) {
        super(delegate);
        this.stage = stage;
    }

    @Override
    public void onStage(String phase) {
        super.onStage(stage + ": " + phase);
    }
}
