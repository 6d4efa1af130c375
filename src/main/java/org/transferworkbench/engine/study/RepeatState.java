package org.transferworkbench.engine.study;

/** Where one repeat of a study stands. SUCCEEDED is final; the others are picked up again by a resume. */
public enum RepeatState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
