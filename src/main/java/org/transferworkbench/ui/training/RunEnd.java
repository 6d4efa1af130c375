package org.transferworkbench.ui.training;

import org.transferworkbench.engine.runs.RunState;

/** How the last run ended, for the notification and the failure dialog. {@code failure} is null unless FAILED. */
public record RunEnd(String runId, RunState state, String summary, Throwable failure) {
}
