package org.transferworkbench.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;

/**
 * Real tiny runs through the study queue, with crashes simulated the way a killed process leaves things: an Error
 * that nothing catches stops the work at that point, files stay as they were written, locks are let go.
 */
class StudyRunnerTest {
    @TempDir
    Path dir;
    private RunStore store;
    private StudyStore studies;
    private Path data;

    /** Stands for the process dying: ExperimentRunner catches exceptions, not Errors. */
    static final class SimulatedCrash extends Error {
    }

    @BeforeEach
    void setUp() throws IOException {
        store = new RunStore(dir.resolve("runs"));
        studies = new StudyStore(store.root());
        data = TinyStudies.dataset(dir);
    }

    private StudyListener crashing(int repeatIndex, String when) {
        return new StudyListener() {
            int current = -1;

            @Override
            public void onRepeatStarted(StudyRepeat repeat, int total) {
                current = repeat.index();
            }

            @Override
            public void onRunCreated(RunDirectory run) {
                if (current == repeatIndex && when.equals("run created")) {
                    throw new SimulatedCrash();
                }
            }

            @Override
            public void onEpochCompleted(EpochMetrics m, ComputationGraph model, boolean improved) {
                if (current == repeatIndex && when.equals("epoch 1") && m.epoch() == 1) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    @Test
    void aRepeatKilledAfterItsFirstEpochIsContinuedFromItsCheckpoint() throws IOException {
        StudyFolder study = studies.create(TinyStudies.oneArm(data, 2, List.of(1L, 2L), 0), LocalDateTime.now());
        assertThatThrownBy(() -> new StudyRunner(store).run(study, crashing(1, "epoch 1"), CancellationToken.none()))
                .isInstanceOf(SimulatedCrash.class);

        StudyQueue crashed = study.readQueue();
        StudyRepeat first = crashed.repeats().get(0);
        StudyRepeat second = crashed.repeats().get(1);
        assertThat(first.state()).isEqualTo(RepeatState.SUCCEEDED);
        assertThat(second.state()).isEqualTo(RepeatState.RUNNING);
        assertThat(new RunDirectory(store.root().resolve(second.runId())).effectiveState())
                .isEqualTo(RunState.INTERRUPTED);

        StudyOutcome outcome = new StudyRunner(store).run(study, new StudyListener() { }, CancellationToken.none());

        assertThat(outcome.complete()).isTrue();
        StudyRepeat resumed = outcome.queue().repeats().get(1);
        assertThat(resumed.runId()).isEqualTo(second.runId());
        assertThat(resumed.attempts()).isEqualTo(1);
        assertThat(resumed.message()).isEqualTo("resumed run " + second.runId() + " after epoch 1 from its "
                + "checkpoint");
        assertThat(new RunDirectory(store.root().resolve(second.runId())).readMetrics()).hasSize(2);
        assertThat(outcome.queue().repeats().get(0)).isEqualTo(first); // the finished repeat was not touched
        assertThat(store.list()).hasSize(2);
        StudyTag tag = StudyTag.readFrom(new RunDirectory(store.root().resolve(second.runId()))).orElseThrow();
        assertThat(tag).isEqualTo(new StudyTag(StudyTag.FORMAT_VERSION, study.id(), "frozen", 2, -1, 1));
    }

    /** One 2-repeat study taken through three stops: a kill, a cancel, and a crash between two writes. */
    @Test
    void killedBeforeTheFirstEpochRestartsCancelStopsCleanlyAndAFinishedRunIsKept() throws IOException {
        StudyFolder study = studies.create(TinyStudies.oneArm(data, 1, List.of(1L, 2L), 0), LocalDateTime.now());
        assertThatThrownBy(() -> new StudyRunner(store).run(study, crashing(0, "run created"),
                CancellationToken.none())).isInstanceOf(SimulatedCrash.class);
        String abandoned = study.readQueue().repeats().get(0).runId();
        assertThat(abandoned).isNotNull();

        CancellationToken cancel = new CancellationToken();
        StudyOutcome stopped = new StudyRunner(store).run(study, new StudyListener() {
            @Override
            public void onRepeatFinished(StudyRepeat repeat, int total) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(stopped.cancelled()).isTrue();
        assertThat(study.isRunning()).isFalse();
        assertThat(study.readQueue()).isEqualTo(stopped.queue());
        assertThat(stopped.queue().repeats()).extracting(StudyRepeat::state)
                .containsExactly(RepeatState.SUCCEEDED, RepeatState.PENDING);
        StudyRepeat restarted = stopped.queue().repeats().get(0);
        assertThat(restarted.runId()).isNotEqualTo(abandoned);
        assertThat(restarted.attempts()).isEqualTo(2);
        assertThat(restarted.message()).isEqualTo("restarted: the previous attempt " + abandoned
                + " stopped before its first epoch ended");

        // A crash after the first run finished but before the queue said so: queue.json still says RUNNING.
        study.writeQueue(stopped.queue().with(restarted.continuing(null)));
        StudyOutcome done = new StudyRunner(store).run(study, new StudyListener() { }, CancellationToken.none());
        assertThat(done.complete()).isTrue();
        StudyRepeat kept = done.queue().repeats().get(0);
        assertThat(kept.runId()).isEqualTo(restarted.runId());
        assertThat(kept.message()).isEqualTo("kept: run " + restarted.runId() + " had finished");
        assertThat(store.list()).hasSize(3); // the abandoned attempt and the two study runs; nothing retrained
    }

    @Test
    void kFoldRepeatsTestEveryImageOnceThroughOrdinaryRuns() throws IOException {
        StudyFolder study = studies.create(TinyStudies.oneArm(data, 1, List.of(3L), 2), LocalDateTime.now());
        StudyOutcome outcome = new StudyRunner(store).run(study, new StudyListener() { }, CancellationToken.none());
        assertThat(outcome.complete()).isTrue();
        Set<String> tested = new HashSet<>();
        for (StudyRepeat r : outcome.queue().repeats()) {
            RunDirectory run = new RunDirectory(store.root().resolve(r.runId()));
            SplitManifest used = SplitManifest.read(run.file(RunDirectory.SPLIT));
            assertThat(used).isEqualTo(SplitManifest.read(study.foldSplit(3, r.fold())));
            used.entries(Split.TEST).forEach(e -> assertThat(tested.add(e.relativePath())).isTrue());
            assertThat(Files.readAllLines(run.file(RunDirectory.PREDICTIONS))).hasSize(
                    used.entries(Split.TEST).size() + 1);
        }
        assertThat(tested).hasSize(18);
        assertThat(outcome.queue().repeats()).extracting(StudyRepeat::pairKey)
                .containsExactly("seed 3 fold 1", "seed 3 fold 2");
    }
}
