package org.transferworkbench.engine.study;

/** How far a study got when its runner returned. */
public record StudyOutcome(StudyQueue queue, boolean cancelled) {

    public long succeeded() {
        return queue.count(RepeatState.SUCCEEDED);
    }

    public long failed() {
        return queue.count(RepeatState.FAILED);
    }

    public boolean complete() {
        return queue.isComplete();
    }
}
