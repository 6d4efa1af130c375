package org.transferworkbench.ui.fx;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.JobState;

/** A submitted job as the UI sees it: title, progress, message and state as properties, and a cancel button. */
public final class JobHandle {
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.PENDING);
    private final CancellationToken token = new CancellationToken();

    JobHandle(String title) {
        this.title.set(title);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public void cancel() {
        token.cancel();
    }

    public CancellationToken token() {
        return token;
    }

    public boolean isDone() {
        return state.get().isFinal();
    }

    void update(double fraction, String text) {
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }

    void setState(JobState newState) {
        if (!state.get().isFinal()) {
            state.set(newState);
        }
    }
}
