package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.testing.ShapesDataset;

/** A real training process is killed with SIGKILL after its first epoch; the run is then resumed. */
class KillAndResumeTest {

    @TempDir
    Path tmp;

    @Test
    void aKilledRunShowsAsInterruptedAndResumesFromItsCheckpoint() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 20, 40, 5);
        Path runs = tmp.resolve("runs");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.transferworkbench.Main",
                "train", "--data", data.toString(), "--runs-dir", runs.toString(), "--model", "vgg11",
                "--freeze", "none", "--input", "32", "--epochs", "4", "--batch", "4", "--hidden", "0",
                "--lr", "1e-3", "--patience", "0", "--name", "killed"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        RunDirectory run = waitForFirstEpoch(runs, p);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(run.readStatus().state()).isEqualTo(RunState.RUNNING);
        assertThat(run.effectiveState()).isEqualTo(RunState.INTERRUPTED);
        int done = run.readStatus().epochsCompleted();
        assertThat(done).isBetween(1, 3);
        List<EpochMetrics> before = run.readMetrics();
        assertThat(run.checkpoint(done)).isRegularFile();

        ExperimentResult resumed = new ExperimentRunner(new RunStore(runs)).resume(run, new ExperimentListener() { },
                CancellationToken.none());

        assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
        List<EpochMetrics> after = run.readMetrics();
        assertThat(after).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        assertThat(after.subList(0, done)).isEqualTo(before.subList(0, done));
        assertThat(run.readEvaluation()).isPresent();
        assertThat(Files.readString(run.file(RunDirectory.LOG))).contains("Resumed after epoch " + done);
    }

    private static RunDirectory waitForFirstEpoch(Path runs, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("training process ended early with exit code " + p.exitValue());
            }
            List<RunDirectory> list = new RunStore(runs).list();
            if (!list.isEmpty() && list.get(0).readStatus().epochsCompleted() >= 1) {
                return list.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no epoch completed in time");
    }
}
