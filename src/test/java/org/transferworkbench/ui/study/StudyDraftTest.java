package org.transferworkbench.ui.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudySpec;

class StudyDraftTest {

    @TempDir
    Path data;

    @Test
    void theStudyRepeatsTheWindowsSetupPerArmAndSeed() {
        ExperimentRequest current = TrainingSettings.defaults().with("data", data.toString()).with("input", "96")
                .with("lr", "1e-4").with("seed", "7").with("group", "_(photo\\d+)_").toRequest();
        StudySpec spec = new StudyDraft("cells", List.of(ArmPreset.FEATURE_EXTRACTION, ArmPreset.FINE_TUNE_ALL),
                List.of("vgg16", "vgg19"), 3, 0).toSpec(current);

        assertThat(spec.dataset()).isEqualTo(data);
        assertThat(spec.seeds()).containsExactly(7L, 8L, 9L);
        assertThat(spec.arms()).extracting(StudyArm::label).containsExactly("vgg16 feature extraction",
                "vgg16 fine-tune all", "vgg19 feature extraction", "vgg19 fine-tune all");
        ExperimentRequest repeat = spec.settingsFor(spec.arm("vgg19 fine-tune all"), 8).with("data",
                data.toString()).toRequest();
        assertThat(repeat.inputSize()).isEqualTo(96);
        assertThat(repeat.hyper().learningRate()).isEqualTo(1e-4);
        assertThat(repeat.hyper().seed()).isEqualTo(8);
        assertThat(repeat.variant().cliName()).isEqualTo("vgg19");
        assertThat(repeat.freezePlan().toString()).isEqualTo("none");
        assertThat(repeat.split().groupPattern()).isEqualTo("_(photo\\d+)_");
    }

    @Test
    void anEmptyChoiceIsRefusedWithASentence() {
        assertThatThrownBy(() -> new StudyDraft("x", List.of(), List.of("vgg16"), 3, 0))
                .hasMessage("Choose at least one freeze plan to compare.");
        assertThatThrownBy(() -> new StudyDraft("x", List.of(ArmPreset.FINE_TUNE_ALL), List.of("vgg16"), 0, 0))
                .hasMessageContaining("1 to 50 seeds");
    }
}
