package org.transferworkbench.engine.experiment;

import org.transferworkbench.engine.runs.RunDirectory;

/** A run that ended as FAILED; its folder holds everything saved up to the failure. */
public final class RunFailedException extends RuntimeException {
    private final transient RunDirectory run;

    public RunFailedException(RunDirectory run, String sentence, Throwable cause) {
        super(sentence, cause);
        this.run = run;
    }

    public RunDirectory run() {
        return run;
    }
}
