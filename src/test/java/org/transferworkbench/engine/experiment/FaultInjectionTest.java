package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.io.WriteFaults;
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
 * Faults in the middle of a run: the disk fills up while epoch 2 is saved, memory runs out during a minibatch.
 * The run ends FAILED with one sentence, what was saved before is intact, and the program can go on.
 */
class FaultInjectionTest {

    @TempDir
    Path tmp;

    private Path data;
    private RunStore store;

    @BeforeEach
    void data() throws Exception {
        data = ShapesDataset.write(tmp.resolve("shapes"), 12, 32, 9);
        store = new RunStore(tmp.resolve("runs"));
    }

    @Test
    void aFullDiskWhileSavingFailsTheRunAndKeepsThePreviousEpoch() throws Exception {
        RunFailedException failure;
        try (AutoCloseable diskFull = WriteFaults.inject(
                p -> p.getFileName().toString().equals("checkpoint-epoch-2.zip"))) {
            failure = (RunFailedException) catchThrowable(() -> new ExperimentRunner(store)
                    .run(TinyRuns.request(data, "disk-full", 3), new ExperimentListener() { },
                            CancellationToken.none()));
        }

        assertThat(failure.getMessage()).startsWith("The disk is full").contains("epoch 2")
                .endsWith("free some space and try again.").doesNotContain("\n");
        RunDirectory run = failure.run();
        RunStatus status = run.readStatus();
        assertThat(status.state()).isEqualTo(RunState.FAILED);
        assertThat(run.effectiveState()).isEqualTo(RunState.FAILED);
        assertThat(status.message()).isEqualTo(failure.getMessage());
        assertThat(status.epochsCompleted()).isEqualTo(1);
        assertThat(run.readMetrics()).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), true)).isNotNull();
        assertThat(ModelFiles.load(run.checkpoint(1), true)).isNotNull();
        try (Stream<Path> files = Files.list(run.path())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no half-written files").noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"))
                    .doesNotContain("checkpoint-epoch-2.zip");
        }
        assertThat(Files.readString(run.file(RunDirectory.LOG))).contains("FAILED: The disk is full");

        // Space again: the same program resumes the run from epoch 1 and finishes it.
        ExperimentResult resumed = new ExperimentRunner(store).resume(run, new ExperimentListener() { },
                CancellationToken.none());
        assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.readMetrics()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
    }

    @Test
    void runningOutOfMemoryDuringTrainingFailsTheRunAndTheNextRunWorks() throws Exception {
        // What JavaCPP throws when ND4J cannot allocate off-heap memory, raised inside the minibatch loop.
        ExperimentListener allocationFails = new ExperimentListener() {
            @Override
            public void onIteration(IterationProgress p) {
                if (p.epoch() == 2 && p.iteration() == 2) {
                    throw new OutOfMemoryError("Cannot allocate new FloatPointer(16777216): totalBytes = 11G, "
                            + "physicalBytes = 12G");
                }
            }
        };
        assertThatThrownBy(() -> new ExperimentRunner(store).run(TinyRuns.request(data, "oom", 3), allocationFails,
                CancellationToken.none()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("Out of memory: choose a smaller batch size or input size, or freeze more "
                        + "blocks (Cannot allocate new FloatPointer");
        RunDirectory failed = store.list().get(0);
        assertThat(failed.readStatus().state()).isEqualTo(RunState.FAILED);
        assertThat(failed.readStatus().message()).startsWith("Out of memory");
        assertThat(failed.readMetrics()).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(ModelFiles.load(failed.file(RunDirectory.BEST_MODEL), true)).isNotNull();

        ExperimentResult next = new ExperimentRunner(store).run(TinyRuns.request(data, "after-oom", 1),
                new ExperimentListener() { }, CancellationToken.none());
        assertThat(next.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(store.list()).hasSize(2);
        List<RunState> states = store.list().stream().map(r -> {
            try {
                return r.effectiveState();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(states).containsExactlyInAnyOrder(RunState.FAILED, RunState.SUCCEEDED);
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(RunFailedException.class);
        return t;
    }
}
