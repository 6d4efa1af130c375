package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

class TrainingSettingsTest {

    @Test
    void defaultsMakeTheSameRequestAsTheEngineDefaults() {
        ExperimentRequest r = TrainingSettings.defaults().with("data", "/data").toRequest();
        assertThat(r.hyper()).isEqualTo(Hyperparameters.defaults());
        assertThat(r.variant()).isEqualTo(VggVariant.parse("vgg16"));
        assertThat(r.inputSize()).isEqualTo(64);
        assertThat(r.head()).isEqualTo(HeadType.COMPACT);
        assertThat(r.split().seed()).isEqualTo(42);
        assertThat(r.weights().isRandom()).isTrue();
        assertThat(r.reuseSplit()).isNull();
    }

    @Test
    void everySettingReachesTheRequest() {
        ExperimentRequest r = TrainingSettings.defaults().with("data", "/data").with("model", "vgg11")
                .with("input", "32").with("epochs", "3").with("lr", "0.01").with("optimizer", "sgd")
                .with("seed", "7").with("split", "0.6, 0.2, 0.2").with("group", "^(P\\d+)")
                .with("resize", "letterbox").with("class-weights", "true").with("reuse-split", "/s.csv")
                .with("weights", "model:/m.zip").toRequest();
        assertThat(r.variant()).isEqualTo(VggVariant.parse("vgg11"));
        assertThat(r.inputSize()).isEqualTo(32);
        assertThat(r.hyper().epochs()).isEqualTo(3);
        assertThat(r.hyper().learningRate()).isEqualTo(0.01);
        assertThat(r.hyper().optimizer()).isEqualTo(Optimizer.SGD);
        assertThat(r.hyper().seed()).isEqualTo(7);
        assertThat(r.hyper().classWeights()).isTrue();
        assertThat(r.split().seed()).isEqualTo(7);
        assertThat(r.split().trainFraction()).isEqualTo(0.6);
        assertThat(r.split().groupPattern()).isEqualTo("^(P\\d+)");
        assertThat(r.resizePolicy()).isEqualTo(ResizePolicy.LETTERBOX);
        assertThat(r.reuseSplit()).isEqualTo(Path.of("/s.csv"));
        assertThat(r.weights().isRandom()).isFalse();
    }

    @Test
    void badSettingsAreNamedInOneSentence() {
        TrainingSettings s = TrainingSettings.defaults().with("data", "/data");
        assertThatThrownBy(() -> s.with("modle", "vgg11")).hasMessageStartingWith("Unknown setting 'modle'; the "
                + "settings are data, name, model,");
        assertThatThrownBy(() -> s.with("epochs", "ten").toRequest())
                .hasMessage("Setting 'epochs' must be a whole number; got 'ten'.");
        assertThatThrownBy(() -> s.with("lr", "fast").toRequest())
                .hasMessage("Setting 'lr' must be a number; got 'fast'.");
        assertThatThrownBy(() -> s.with("class-weights", "maybe").toRequest())
                .hasMessage("Setting 'class-weights' must be true or false; got 'maybe'.");
        assertThatThrownBy(() -> s.with("split", "0.5,0.5").toRequest())
                .hasMessageContaining("Setting 'split' takes three fractions");
        assertThatThrownBy(() -> TrainingSettings.defaults().toRequest())
                .hasMessageContaining("Choose a dataset folder");
    }

    @Test
    void blankTextRestoresTheDefault() {
        TrainingSettings s = TrainingSettings.defaults().with("model", "vgg19").with("model", " ");
        assertThat(s.get("model")).isEqualTo("vgg16");
    }
}
