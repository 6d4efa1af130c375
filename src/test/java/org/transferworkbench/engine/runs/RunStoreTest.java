package org.transferworkbench.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.training.EpochMetrics;

class RunStoreTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsStartedInTheSameSecondGetTheirOwnFolders() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        LocalDateTime now = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        RunDirectory a = store.create("same name", now);
        RunDirectory b = store.create("same name", now);
        assertThat(a.path()).isNotEqualTo(b.path());
        assertThat(a.id()).isEqualTo("20260102-030405-same-name");
        assertThat(b.id()).isEqualTo("20260102-030405-same-name-2");
    }

    @Test
    void aRunningRunWithoutLiveLockIsReportedInterrupted() throws Exception {
        RunStore store = new RunStore(tmp);
        RunDirectory run = store.create("r", LocalDateTime.now());
        run.writeStatus(RunStatus.started(Instant.now()));
        try (RunLock lock = run.lock()) {
            assertThat(run.effectiveState()).isEqualTo(RunState.RUNNING);
            assertThatThrownBy(run::lock).isInstanceOf(IllegalStateException.class);
        }
        assertThat(run.effectiveState()).isEqualTo(RunState.INTERRUPTED);
    }

    @Test
    void metricsRoundTripAndStatusIsJson() throws Exception {
        RunStore store = new RunStore(tmp);
        RunDirectory run = store.create("m", LocalDateTime.now());
        List<EpochMetrics> rows = List.of(new EpochMetrics(1, 1.5, 0.4, 1.2, 0.5, 1e-4, 10.0, 32.0),
                new EpochMetrics(2, 1.0, 0.6, Double.NaN, 0.7, 1e-4, 9.5, 33.0));
        run.writeMetrics(rows);
        List<EpochMetrics> back = run.readMetrics();
        assertThat(back).hasSize(2);
        assertThat(back.get(0).trainLoss()).isEqualTo(1.5);
        assertThat(back.get(1).validationLoss()).isNaN();
        assertThat(Files.readString(run.file(RunDirectory.METRICS))).startsWith("# transfer-workbench metrics v1");
        run.writeStatus(RunStatus.started(Instant.now()).ended(RunState.SUCCEEDED, "done", Instant.now()));
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(store.list()).extracting(RunDirectory::id).contains(run.id());
        assertThat(store.open("-m").id()).isEqualTo(run.id());
    }

    @Test
    void theRunsFolderIsBesideTheWorkbenchUnlessTheUserChoosesOne() {
        assertThat(RunStore.defaultRoot(tmp)).isEqualTo(tmp.resolve("runs"));
        System.setProperty("tw.runsDir", tmp.resolve("elsewhere").toString());
        try {
            assertThat(RunStore.defaultRoot(tmp)).isEqualTo(tmp.resolve("elsewhere"));
        } finally {
            System.clearProperty("tw.runsDir");
        }
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        RunDirectory run = new RunStore(tmp).create("t", LocalDateTime.now());
        run.writeMetrics(List.of(new EpochMetrics(1, 1, 1, 1, 1, 1, 1, 1)));
        try (var s = Files.list(run.path())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(RunDirectory.METRICS);
        }
    }
}
