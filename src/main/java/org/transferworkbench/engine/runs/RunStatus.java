package org.transferworkbench.engine.runs;

import java.time.Duration;
import java.time.Instant;

/** The mutable part of a run: its state and key figures, rewritten atomically as the run goes (run.json). */
public record RunStatus(int formatVersion, RunState state, Instant startedAt, Instant updatedAt, Instant endedAt,
                        int epochsCompleted, int bestEpoch, double bestValidationAccuracy, double bestValidationLoss,
                        Double testAccuracy, Double testBalancedAccuracy, String message) {

    public static final int FORMAT_VERSION = 1;

    public static RunStatus started(Instant now) {
        return new RunStatus(FORMAT_VERSION, RunState.RUNNING, now, now, null, 0, -1, Double.NaN, Double.NaN, null,
                null, "started");
    }

    public RunStatus withEpoch(int epoch, int best, double bestAccuracy, double bestLoss, Instant now) {
        return new RunStatus(formatVersion, state, startedAt, now, endedAt, epoch, best, bestAccuracy, bestLoss,
                testAccuracy, testBalancedAccuracy, "epoch " + epoch + " completed");
    }

    public RunStatus withTest(double accuracy, double balancedAccuracy, Instant now) {
        return new RunStatus(formatVersion, state, startedAt, now, endedAt, epochsCompleted, bestEpoch,
                bestValidationAccuracy, bestValidationLoss, accuracy, balancedAccuracy, message);
    }

    public RunStatus ended(RunState finalState, String why, Instant now) {
        return new RunStatus(formatVersion, finalState, startedAt, now, now, epochsCompleted, bestEpoch,
                bestValidationAccuracy, bestValidationLoss, testAccuracy, testBalancedAccuracy, why);
    }

    public RunStatus resumed(Instant now) {
        return new RunStatus(formatVersion, RunState.RUNNING, startedAt, now, null, epochsCompleted, bestEpoch,
                bestValidationAccuracy, bestValidationLoss, null, null, "resumed");
    }

    public RunStatus withState(RunState s) {
        return new RunStatus(formatVersion, s, startedAt, updatedAt, endedAt, epochsCompleted, bestEpoch,
                bestValidationAccuracy, bestValidationLoss, testAccuracy, testBalancedAccuracy, message);
    }

    public Duration duration() {
        Instant end = endedAt != null ? endedAt : updatedAt;
        return startedAt == null || end == null ? Duration.ZERO : Duration.between(startedAt, end);
    }
}
