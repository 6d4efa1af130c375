package org.transferworkbench.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

class DatasetViewModelTest {

    @Test
    void importShowsClassesAndASplitPreview(@TempDir Path dir) throws Exception {
        Path data = ShapesDataset.write(dir.resolve("shapes"), 10, 32, 1);
        WorkbenchSettings settings = new WorkbenchSettings(Preferences.userRoot().node("tw-test-dataset"));
        DatasetViewModel vm = new DatasetViewModel(new WorkbenchContext(dir, new RunStore(dir.resolve("runs")),
                settings, new CurrentThreadTaskExecutor()));

        vm.importFolder(data);

        assertThat(vm.classRows()).extracting(ClassRow::name).containsExactly(ShapesDataset.CLASSES);
        assertThat(vm.classRows()).allSatisfy(r -> assertThat(r.count()).isEqualTo(10));
        assertThat(vm.splitRows()).hasSize(3).allSatisfy(r ->
                assertThat(r.train() + r.validation() + r.test()).isEqualTo(10));
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.rememberedFolder()).isEqualTo(data);

        vm.split().trainProperty().set("0.9");
        assertThat(vm.splitErrorProperty().get()).contains("add up to 1");
        assertThat(vm.readyProperty().get()).isFalse();

        vm.split().trainProperty().set("0.7");
        assertThat(vm.groupPreviewProperty().get()).contains("30");
        vm.split().groupPatternProperty().set("^(.)"); // one group per class: too few for three splits
        assertThat(vm.splitErrorProperty().get()).contains("group");
        settings.clear();
    }
}
