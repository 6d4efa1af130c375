package org.transferworkbench.ui.study;

import org.transferworkbench.engine.study.StudyFolder;

/**
 * One study in the table.
 *
 * @param state running, complete, "complete, N failed", or "stopped" when repeats remain and nothing works on them
 */
public record StudyRow(StudyFolder folder, String name, int arms, long finished, int planned, String state) {

    public String id() {
        return folder.id();
    }

    public String progress() {
        return finished + " / " + planned;
    }

    /** Repeats remain and no program is working through them: the window offers to continue. */
    public boolean canContinue() {
        return "stopped".equals(state) || state.startsWith("complete, ");
    }
}
