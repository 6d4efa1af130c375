package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/**
 * Stop pressed in the middle of an epoch, from another thread (as the UI's Stop and the CLI's Ctrl-C do: both flip
 * the run's token): control comes back within a minibatch, and what was finished before stays on disk.
 */
class CancelDuringEpochTest {

    @TempDir
    Path tmp;

    @Test
    void cancellingDuringAnEpochReturnsQuicklyAndKeepsCompletedEpochs() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 20, 32, 3);
        CancellationToken cancel = new CancellationToken();
        AtomicLong cancelledAt = new AtomicLong();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void onIteration(IterationProgress p) {
                if (p.epoch() == 2 && p.iteration() == 1 && cancelledAt.get() == 0) {
                    // the user, on another thread, presses Stop
                    CompletableFuture.runAsync(() -> {
                        cancelledAt.set(System.nanoTime());
                        cancel.cancel();
                    }).join();
                }
            }
        };

        ExperimentResult result = new ExperimentRunner(new RunStore(tmp.resolve("runs")))
                .run(TinyRuns.request(data, "cancelled", 5), listener, cancel);
        double latency = (System.nanoTime() - cancelledAt.get()) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "cancel latency: %.3f s%n", latency);

        assertThat(cancelledAt.get()).as("cancel was pressed").isPositive();
        assertThat(latency).as("seconds from cancel to return").isLessThan(5);
        assertThat(result.state()).isEqualTo(RunState.CANCELLED);
        RunDirectory run = result.run();
        RunStatus status = run.readStatus();
        assertThat(status.state()).isEqualTo(RunState.CANCELLED);
        assertThat(run.effectiveState()).isEqualTo(RunState.CANCELLED);
        assertThat(status.epochsCompleted()).isEqualTo(1);
        assertThat(status.message()).contains("Cancelled by the user after 1 completed epoch");
        List<EpochMetrics> metrics = run.readMetrics();
        assertThat(metrics).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), true)).isNotNull();
        assertThat(run.checkpoint(1)).isRegularFile();
        assertThat(run.checkpoint(2)).doesNotExist();
    }
}
