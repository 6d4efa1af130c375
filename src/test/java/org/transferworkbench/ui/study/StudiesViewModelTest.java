package org.transferworkbench.ui.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudyMetric;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudyStore;
import org.transferworkbench.report.StudyExport;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/**
 * A study left with pending repeats (as after a restart) shows as stopped; Continue works through the queue and the
 * tab then holds both arms' figures, the paired comparison and an export.
 */
class StudiesViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void aStoppedStudyContinuesAndItsResultsAppear() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 6, 32, 5);
        RunStore runs = new RunStore(tmp.resolve("runs"));
        Map<String, String> base = Map.of("model", "vgg11", "input", "32", "hidden", "0", "epochs", "1",
                "batch", "8", "patience", "0");
        StudySpec spec = new StudySpec("freeze-check", data, base, List.of(
                new StudyArm("frozen", Map.of("freeze", "conv")),
                new StudyArm("top blocks", Map.of("freeze", "blocks:1-3"))), List.of(1L, 2L), 0);
        new StudyStore(runs.root()).create(spec, LocalDateTime.now());
        WorkbenchContext context = new WorkbenchContext(tmp, runs,
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-studies")),
                new CurrentThreadTaskExecutor());
        StudiesViewModel vm = new StudiesViewModel(context, () -> {
            throw new IllegalArgumentException("unused");
        });
        int[] runsChanged = {0};
        vm.setRunsChangedHandler(() -> runsChanged[0]++);

        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo("stopped");
            assertThat(row.progress()).isEqualTo("0 / 4");
            assertThat(row.canContinue()).isTrue();
        });
        assertThat(vm.messageProperty().get()).contains("select it and press Continue");

        vm.selectedProperty().set(vm.rows().get(0));
        vm.continueSelected();

        assertThat(vm.messageProperty().get()).isEqualTo("Study finished: 4 repeats succeeded, 0 failed.");
        assertThat(vm.isRunning()).isFalse();
        assertThat(runsChanged[0]).isEqualTo(4);
        assertThat(vm.rows()).singleElement().satisfies(row -> assertThat(row.state()).isEqualTo("complete"));
        assertThat(vm.resultsProperty().get().arms()).extracting(ArmSummary::arm, ArmSummary::finished)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("frozen", 2),
                        org.assertj.core.groups.Tuple.tuple("top blocks", 2));
        assertThat(vm.resultsProperty().get().arms().get(0).describe(StudyMetric.ACCURACY)).contains("±");
        assertThat(vm.resultsProperty().get().comparisons()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.difference().n()).isEqualTo(2));

        vm.export(tmp.resolve("export"));
        assertThat(tmp.resolve("export").resolve(StudyExport.FIGURE_PNG)).isNotEmptyFile();
        assertThat(Files.readString(tmp.resolve("export").resolve(StudyExport.FIGURE_SVG))).contains("<svg ", "</svg>", "freeze-check");
        assertThat(vm.messageProperty().get()).startsWith("Exported ");

        vm.bandProperty().set(org.transferworkbench.report.BandKind.MIN_MAX);
        vm.writeMethodsReport();
        Path report = vm.rows().get(0).folder().path().resolve("report");
        assertThat(vm.methodsReport().writtenProperty().get()).isEqualTo(report.toAbsolutePath().normalize());
        assertThat(vm.methodsReport().busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Methods report written to ");
        assertThat(Files.readString(report.resolve("report.md"))).contains("freeze-check", "Methods (for a paper)",
                "The arms differ only in freeze", "shaded min–max");
        assertThat(report.resolve("report.html")).isNotEmptyFile();
        assertThat(report.resolve("figures/study-curves.png")).isNotEmptyFile();
    }
}
