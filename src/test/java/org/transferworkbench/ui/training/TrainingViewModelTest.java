package org.transferworkbench.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

class TrainingViewModelTest {

    @Test
    void stagesBeforeTheEpochsShowTheirOwnProgress(@TempDir Path dir) {
        WorkbenchContext context = new WorkbenchContext(dir, new RunStore(dir.resolve("runs")),
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-training")),
                new CurrentThreadTaskExecutor());
        TrainingViewModel vm = new TrainingViewModel(context, () -> {
            throw new IllegalArgumentException("unused");
        });
        TrainingEventBuffer buffer = vm.attachBuffer();
        buffer.onStage("caching features");
        vm.drain();
        assertThat(vm.progressProperty().get()).isEqualTo(TrainingViewModel.INDETERMINATE);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Caching features…");

        buffer.onProgress(48, 224, "computing features of the frozen blocks");
        vm.drain();
        assertThat(vm.progressProperty().get()).isEqualTo(48 / 224.0);
        assertThat(vm.progressTextProperty().get())
                .isEqualTo("Caching features · 48/224 · computing features of the frozen blocks");
    }

    @Test
    void drainMovesBufferedEventsIntoTheObservableState(@TempDir Path dir) {
        WorkbenchContext context = new WorkbenchContext(dir, new RunStore(dir.resolve("runs")),
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-training")),
                new CurrentThreadTaskExecutor());
        TrainingViewModel vm = new TrainingViewModel(context, () -> {
            throw new IllegalArgumentException("unused");
        });
        TrainingEventBuffer buffer = vm.attachBuffer();
        buffer.onStage("training");
        buffer.onIteration(new IterationProgress(1, 2, 1, 2, 1, 2.0, 10, 30));
        buffer.onIteration(new IterationProgress(1, 2, 2, 2, 2, 1.0, 10, 20));
        buffer.onEpochCompleted(new EpochMetrics(1, 1.5, 0.4, 1.4, 0.5, 1e-4, 3, 10), null, true);
        buffer.onEpochCompleted(new EpochMetrics(2, 1.2, 0.6, 1.5, 0.45, 1e-4, 3, 10), null, false);

        assertThat(vm.epochs()).isEmpty(); // nothing reaches the UI before a drain

        vm.drain();

        assertThat(vm.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(vm.bestEpochProperty().get()).isEqualTo(1);
        assertThat(vm.iterationLoss()).hasSize(2);
        assertThat(vm.iterationLoss().get(1).smoothedLoss())
                .isEqualTo(TrainingViewModel.EMA_ALPHA * 1.0 + (1 - TrainingViewModel.EMA_ALPHA) * 2.0);
        assertThat(vm.progressProperty().get()).isEqualTo(0.5);
        assertThat(vm.progressTextProperty().get()).contains("Epoch 1/2").contains("batch 2/2").contains("ETA");
        assertThat(vm.log()).anyMatch(l -> l.contains("best so far"));

        vm.drain();
        assertThat(vm.epochs()).hasSize(2);
    }
}
