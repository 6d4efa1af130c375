package org.transferworkbench.engine.runs;

/**
 * State of a run as stored in run.json. INTERRUPTED is never written: it is what a RUNNING run is called when no
 * live process holds its lock any more (killed, crashed, power cut).
 */
public enum RunState {
    RUNNING, SUCCEEDED, CANCELLED, FAILED, INTERRUPTED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELLED || this == FAILED;
    }
}
