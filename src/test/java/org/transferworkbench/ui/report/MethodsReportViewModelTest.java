package org.transferworkbench.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/** The button's view-model: writes through the executor, publishes the folder, and reports failures as a sentence. */
class MethodsReportViewModelTest {

    @TempDir
    Path tmp;

    private MethodsReportViewModel viewModel() {
        return new MethodsReportViewModel(new WorkbenchContext(tmp, new RunStore(tmp.resolve("runs")),
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-report")),
                new CurrentThreadTaskExecutor()));
    }

    @Test
    void aRunThatStoppedBeforeItsFirstEpochStillGetsAReport() throws Exception {
        RunDirectory run = new RunDirectory(Files.createDirectories(tmp.resolve("runs/20260101-000000-early")));
        run.writeConfig(new RunConfig(RunConfig.FORMAT_VERSION, "early", Instant.parse("2026-01-01T00:00:00Z"),
                tmp.resolve("data").toString(), "f1ngerpr1nt", List.of("a", "b"), "vgg11", 32, HeadType.COMPACT, 0,
                0.5, "conv", Hyperparameters.defaults(), SplitSpec.defaults(), null, AugmentationSettings.NONE,
                ResizePolicy.defaultPolicy(), "imagenet vgg16_dl4j_inference.zip", Map.of("java", "17")));
        MethodsReportViewModel vm = viewModel();

        vm.write(run);

        assertThat(vm.writtenProperty().get()).isEqualTo(run.file("report").toAbsolutePath().normalize());
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Methods report written to ");
        String md = Files.readString(run.file("report/report.md"));
        assertThat(md).contains("f1ngerpr1nt", "has no test evaluation", "No epoch was completed",
                "Adler-32 checksum not recorded", "The checksum of the starting weights was not recorded",
                "| **Memory** | not recorded |", "The experiment was run with Java 17.");
    }

    @Test
    void aFolderThatIsNoRunGivesOneSentence() throws Exception {
        MethodsReportViewModel vm = viewModel();
        vm.write(new RunDirectory(Files.createDirectories(tmp.resolve("not-a-run"))));
        assertThat(vm.writtenProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Could not write the methods report of not-a-run: ")
                .contains("has no config.json; it is not a run folder");
    }
}
