package org.transferworkbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.export.ModelBundle;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;
import org.transferworkbench.ui.training.TrainingViewModel;

/**
 * An interrupted run shows as such in the Runs tab and resumes through the training view-model; the finished
 * run then exports as a bundle through the executor.
 */
class RunsViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void anInterruptedRunShowsAsInterruptedAndResumesLikeANormalRun() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        RunDirectory run = interruptedRun(store);
        WorkbenchContext context = new WorkbenchContext(tmp, store,
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-runs")),
                new CurrentThreadTaskExecutor());
        RunsViewModel runs = new RunsViewModel(context);
        TrainingViewModel training = new TrainingViewModel(context, () -> {
            throw new IllegalArgumentException("unused");
        });
        AtomicReference<RunDirectory> handedOver = new AtomicReference<>();
        runs.setResumeHandler(r -> {
            handedOver.set(r);
            training.resume(r);
        });

        runs.refresh();

        assertThat(runs.rows()).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo("interrupted");
            assertThat(RunsViewModel.canResume(row)).isTrue();
        });
        runs.resume(runs.rows().get(0));

        assertThat(handedOver.get().path()).isEqualTo(run.path());
        assertThat(training.lastEndProperty().get().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(training.log()).anyMatch(l -> l.startsWith("Resuming " + run.id()))
                .anyMatch(l -> l.startsWith("Epoch 1:"));
        assertThat(training.epochs()).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(training.progressProperty().get()).isEqualTo(1.0);
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);

        runs.refresh();
        assertThat(runs.rows().get(0).state()).isEqualTo("succeeded");
        assertThat(RunsViewModel.canResume(runs.rows().get(0))).isFalse();
        runs.resume(runs.rows().get(0));
        assertThat(runs.messageProperty().get()).contains("cannot be resumed");

        Path bundle = tmp.resolve("exports/bundle.zip");
        assertThat(RunsViewModel.canExport(runs.rows().get(0))).isTrue();
        runs.export(runs.rows().get(0), bundle, false);
        assertThat(runs.messageProperty().get()).startsWith("Exported " + run.id() + " to " + bundle);
        assertThat(ModelBundle.open(bundle).manifest().sourceRun()).isEqualTo(run.id());
    }

    /** A real run stopped in its first minibatch, then made to look like its process died (RUNNING, no lock). */
    private RunDirectory interruptedRun(RunStore store) throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 8, 32, 6);
        CancellationToken cancel = new CancellationToken();
        RunDirectory run = new ExperimentRunner(store).run(TinyRuns.request(data, "killed", 1),
                new ExperimentListener() {
                    @Override
                    public void onIteration(IterationProgress p) {
                        cancel.cancel();
                    }
                }, cancel).run();
        run.writeStatus(run.readStatus().withState(RunState.RUNNING));
        return run;
    }
}
