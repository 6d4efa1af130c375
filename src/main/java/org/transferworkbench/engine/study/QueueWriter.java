package org.transferworkbench.engine.study;

import java.io.IOException;

/** The study's queue in memory and on disk, always the same: every change is written before it is used. */
final class QueueWriter {
    private final StudyFolder study;
    private StudyQueue queue;

    QueueWriter(StudyFolder study, StudyQueue queue) {
        this.study = study;
        this.queue = queue;
    }

    StudyQueue current() {
        return queue;
    }

    StudyRepeat update(StudyRepeat changed) throws IOException {
        StudyQueue next = queue.with(changed);
        study.writeQueue(next);
        queue = next;
        return changed;
    }
}
