package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.cli.Cli;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunLock;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/** Two runs at once never share a folder, and a run that is training cannot be resumed a second time. */
class ConcurrentRunsTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsInParallelOnOneStoreGetTheirOwnFoldersAndBothSucceed() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 10, 32, 4);
        RunStore store = new RunStore(tmp.resolve("runs"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExperimentResult>> runs = List.of(1, 2).stream().map(i -> pool.submit(() -> {
                go.await();
                // same name, same second: only the folder suffix tells them apart
                return new ExperimentRunner(store).run(TinyRuns.request(data, "twin", 1), new ExperimentListener() { },
                        CancellationToken.none());
            })).toList();
            go.countDown();
            ExperimentResult a = runs.get(0).get();
            ExperimentResult b = runs.get(1).get();

            assertThat(a.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(b.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(a.run().path()).isNotEqualTo(b.run().path());
            assertThat(store.list()).hasSize(2);
            for (RunDirectory r : List.of(a.run(), b.run())) {
                assertThat(r.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(r.readMetrics()).hasSize(1);
                assertThat(r.readEvaluation()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resumingARunThatIsTrainingIsRefusedWithAClearMessage() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        RunDirectory run = store.create("live", java.time.LocalDateTime.now());
        run.writeStatus(RunStatus.started(Instant.now()));
        try (RunLock training = run.lock()) {
            assertThat(run.effectiveState()).isEqualTo(RunState.RUNNING);
            assertThatThrownBy(() -> new ExperimentRunner(store).resume(run, new ExperimentListener() { },
                    CancellationToken.none()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Run " + run.id() + " is already being trained in this program.");

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            var cl = Cli.commandLine();
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute("resume", run.id(), "--runs-dir", store.root().toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("is being trained right now")
                    .doesNotContain("Exception");
        }
    }
}
