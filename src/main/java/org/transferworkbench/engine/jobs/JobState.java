package org.transferworkbench.engine.jobs;

/** Life cycle of a long job; SUCCEEDED, CANCELLED and FAILED are final. */
public enum JobState {
    PENDING, RUNNING, SUCCEEDED, CANCELLED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELLED || this == FAILED;
    }
}
