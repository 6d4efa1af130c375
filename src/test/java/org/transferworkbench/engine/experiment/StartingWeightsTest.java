package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;

class StartingWeightsTest {

    @Test
    void aResolvedWarmStartIsRecordedByItsModelFileNotAsTrainVgg11First() {
        WeightsSource.WarmStart asked = (WeightsSource.WarmStart) WeightsSource.parse("warmstart:vgg11");
        WeightsSource resolved = asked.resolvedTo(Path.of("runs/r1/best-model.zip"), "r1");

        WeightsChoice back = StartingWeights.of(new WeightsChoice(resolved, false, null)).toChoice();

        assertThat(back.source()).isInstanceOfSatisfying(WeightsSource.WarmStart.class, w -> {
            assertThat(w.trainsVgg11First()).isFalse();
            assertThat(w.modelZip()).isEqualTo(Path.of("runs/r1/best-model.zip").toAbsolutePath());
        });
    }

    @Test
    void relativeFilesBecomeAbsolute() {
        WeightsChoice back = StartingWeights.of(new WeightsChoice(new WeightsSource.KerasH5(Path.of("w.h5")), true,
                "http://127.0.0.1:1/")).toChoice();
        assertThat(back).isEqualTo(new WeightsChoice(new WeightsSource.KerasH5(Path.of("w.h5").toAbsolutePath()),
                true, "http://127.0.0.1:1/"));
    }
}
